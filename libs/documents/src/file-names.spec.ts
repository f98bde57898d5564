import { extensionOf, sanitiseFileName } from './file-names.js';

describe('sanitiseFileName', () => {
  it('keeps ordinary Chinese and Latin names', () => {
    expect(sanitiseFileName('采购合同（盖章版）.pdf')).toBe('采购合同（盖章版）.pdf');
    expect(sanitiseFileName('invoice 2024-03.PDF')).toBe('invoice 2024-03.PDF');
  });

  it('drops path segments, so a name never climbs out of a folder', () => {
    expect(sanitiseFileName('../../etc/passwd')).toBe('passwd');
    expect(sanitiseFileName('C:\\Users\\张三\\发票.jpg')).toBe('发票.jpg');
    expect(sanitiseFileName('..')).toBe('文件');
  });

  it('strips control characters and bidi overrides, replaces characters Windows forbids, drops leading dots', () => {
    expect(sanitiseFileName('report\u202Efdp.exe')).toBe('reportfdp.exe');
    expect(sanitiseFileName('a\u0000b\nc.pdf')).toBe('abc.pdf');
    expect(sanitiseFileName('合同<第1版>:"终稿"?.docx')).toBe('合同_第1版___终稿__.docx');
    expect(sanitiseFileName('.htaccess')).toBe('htaccess');
    expect(sanitiseFileName('   ')).toBe('文件');
  });

  it('shortens long names to 120 characters, keeping the extension', () => {
    const name = sanitiseFileName(`${'很长的文件名'.repeat(40)}.pdf`);
    expect([...name]).toHaveLength(120);
    expect(name.endsWith('.pdf')).toBe(true);
  });

  it('normalises to NFC', () => {
    expect(sanitiseFileName('cafe\u0301.png')).toBe('café.png');
  });
});

describe('extensionOf', () => {
  it('reads the last extension in lower case', () => {
    expect(extensionOf('a.tar.GZ')).toBe('gz');
    expect(extensionOf('noext')).toBe('');
    expect(extensionOf('.hidden')).toBe('');
  });
});

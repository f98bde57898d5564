import { UTF8_BOM, csvField, readCsv, writeCsv } from './csv-writer.js';

describe('RFC 4180 writer', () => {
  it('leaves plain fields bare and quotes commas, quotes, line breaks and edge spaces', () => {
    expect(csvField('机床制造')).toBe('机床制造');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('1.联网；\n2.看板')).toBe('"1.联网；\n2.看板"');
    expect(csvField('line\r\nbreak')).toBe('"line\r\nbreak"');
    expect(csvField(' padded')).toBe('" padded"');
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
    expect(csvField(100_000_000)).toBe('100000000');
    expect(csvField(false)).toBe('false');
  });

  it('writes a BOM, CRLF after every record, and reads back the same rows', () => {
    const rows = [
      ['name', 'note', 'fen'],
      ['沈阳机床厂', '含逗号,和"引号"', '100'],
      ['', '多行\n文本', ''],
    ];
    const text = writeCsv(rows);
    expect(text.startsWith(UTF8_BOM)).toBe(true);
    expect(text).toBe(`${UTF8_BOM}name,note,fen\r\n沈阳机床厂,"含逗号,和""引号""",100\r\n,"多行\n文本",\r\n`);
    expect(Buffer.from(text, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(readCsv(text)).toEqual(rows);
    expect(writeCsv([['a']], { bom: false })).toBe('a\r\n');
  });

  it('reads LF line ends and a last line without one, and refuses an open quote', () => {
    expect(readCsv('a,b\nc,"d"')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(() => readCsv('a,"b\n')).toThrow(/not closed/);
  });
});

import { CsvSyntaxError, decodeCsv, parseCsv } from './csv.js';

const fields = (text: string) => parseCsv(text).map((r) => r.fields);

describe('parseCsv (RFC 4180)', () => {
  it('reads plain records with CRLF or LF and numbers them from 1', () => {
    expect(parseCsv('a,b\r\nc,d\ne,f')).toEqual([
      { row: 1, fields: ['a', 'b'] },
      { row: 2, fields: ['c', 'd'] },
      { row: 3, fields: ['e', 'f'] },
    ]);
  });

  it('ignores one final line break but keeps empty fields and blank lines', () => {
    expect(fields('a,,c\n\n1,2,3\n')).toEqual([['a', '', 'c'], [''], ['1', '2', '3']]);
  });

  it('keeps delimiters, doubled quotes and line breaks inside quotes', () => {
    expect(fields('"沈阳, 铁西","说""好""的",x\n"两\n行",y,z')).toEqual([
      ['沈阳, 铁西', '说"好"的', 'x'],
      ['两\n行', 'y', 'z'],
    ]);
  });

  it('counts a record spanning lines as one row', () => {
    expect(parseCsv('h\n"a\nb"\nc').map((r) => r.row)).toEqual([1, 2, 3]);
  });

  it('guesses tab or semicolon delimiters from the header line', () => {
    expect(fields('名称\t位置\n甲\t上游')).toEqual([
      ['名称', '位置'],
      ['甲', '上游'],
    ]);
    expect(fields('a;b\n1;2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('rejects an unclosed quote and text after a closing quote, naming the row', () => {
    expect(() => parseCsv('a\n"open,b')).toThrow(new CsvSyntaxError(2, 'row 2: a quoted field is never closed'));
    expect(() => parseCsv('"x"y,z')).toThrow(/row 1: unexpected text after a closing quote/);
  });
});

describe('decodeCsv', () => {
  const text = '企业名称,位置\n沈阳鼓风机,上游';

  it('reads UTF-8 with and without a byte-order mark', () => {
    expect(decodeCsv(Buffer.from(text, 'utf8'))).toBe(text);
    expect(decodeCsv(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]))).toBe(text);
  });

  it('reads UTF-16 little-endian with its byte-order mark', () => {
    expect(decodeCsv(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]))).toBe(text);
  });

  it('falls back to GB 18030 for bytes that are not UTF-8 (Excel on a Chinese Windows)', () => {
    // 沈阳 in GBK.
    expect(decodeCsv(Buffer.from([0xc9, 0xf2, 0xd1, 0xf4]))).toBe('沈阳');
  });
});

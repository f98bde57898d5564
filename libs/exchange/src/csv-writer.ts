/**
 * A small RFC 4180 writer: fields separated by commas, records by CRLF; a field holding a
 * comma, a double quote, CR or LF (or leading/trailing spaces) goes in double quotes with
 * `""` for a quote. The text starts with a UTF-8 byte-order mark so that Excel opens it as
 * UTF-8 (Chinese names stay legible).
 *
 * exceljs (already a dependency) can write CSV, but only through a worksheet and its cell
 * types (dates and numbers reformatted, streams); the exchange format wants the exact text
 * of each field, so it is written here.
 */
export const UTF8_BOM = '\uFEFF';

export type CsvCell = string | number | boolean | null | undefined;

/** One field as RFC 4180 text; null and undefined are empty. */
export function csvField(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' ? value : String(value);
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Rows as CSV text: CRLF after every record (the last one too), with the BOM in front unless `bom: false`. */
export function writeCsv(rows: readonly (readonly CsvCell[])[], options: { bom?: boolean } = {}): string {
  const body = rows.map((row) => `${row.map(csvField).join(',')}\r\n`).join('');
  return (options.bom === false ? '' : UTF8_BOM) + body;
}

/**
 * The reverse, for tests and for consumers in TypeScript: RFC 4180 text (BOM, CRLF or LF)
 * as rows of strings. Throws on a quote left open.
 */
export function readCsv(text: string): string[][] {
  const source = text.startsWith(UTF8_BOM) ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (quoted) {
      if (c !== '"') field += c;
      else if (source[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = false;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' || c === '\n') {
      if (c === '\r' && source[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (quoted) throw new Error('CSV: a quoted field is not closed');
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

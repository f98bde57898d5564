/**
 * A small RFC 4180 reader: comma-separated (or tab/semicolon, guessed from the first
 * line), fields optionally in double quotes with `""` for a quote, line breaks inside
 * quotes kept, CRLF or LF. Records are numbered from 1 as a spreadsheet numbers rows.
 */
export interface CsvRecord {
  row: number;
  fields: string[];
}

export class CsvSyntaxError extends Error {
  constructor(
    readonly row: number,
    message: string,
  ) {
    super(message);
  }
}

export function parseCsv(text: string): CsvRecord[] {
  const delimiter = guessDelimiter(text);
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let row = 1;
  let quoteOpenedAt = 0;
  let i = 0;
  const endRecord = () => {
    fields.push(field);
    records.push({ row, fields });
    fields = [];
    field = '';
    row++;
  };
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        const next = text[i];
        if (next !== undefined && next !== delimiter && next !== '\r' && next !== '\n') {
          throw new CsvSyntaxError(row, `row ${row}: unexpected text after a closing quote`);
        }
        continue;
      }
      field += c;
      i++;
      continue;
    }
    if (c === '"' && field === '') {
      quoted = true;
      quoteOpenedAt = row;
      i++;
    } else if (c === delimiter) {
      fields.push(field);
      field = '';
      i++;
    } else if (c === '\r' || c === '\n') {
      endRecord();
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      field += c;
      i++;
    }
  }
  if (quoted) throw new CsvSyntaxError(quoteOpenedAt, `row ${quoteOpenedAt}: a quoted field is never closed`);
  // A last line without a line break is a record; a final line break does not start one.
  if (field !== '' || fields.length) endRecord();
  return records;
}

/** The delimiter of the header line: the most frequent of comma, tab and semicolon (comma on a tie). */
function guessDelimiter(text: string): string {
  const end = text.search(/\r|\n/);
  const first = end < 0 ? text : text.slice(0, end);
  let best = ',';
  let bestCount = first.split(',').length - 1;
  for (const candidate of ['\t', ';']) {
    const count = first.split(candidate).length - 1;
    if (count > bestCount) {
      best = candidate;
      bestCount = count;
    }
  }
  return best;
}

/**
 * The text of an uploaded CSV file: UTF-8 with or without a byte-order mark, UTF-16 with
 * one, and otherwise GB 18030 — what Excel on a Chinese Windows saves as "CSV (逗号分隔)".
 */
export function decodeCsv(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

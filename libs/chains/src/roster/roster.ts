import ExcelJS from 'exceljs';
import { InvalidInputError } from '@smedx/platform';
import type { FieldProblem } from '@smedx/platform';
import { validateUscc } from '@smedx/taxonomy';
import type { ChainPosition } from '@smedx/contracts';
import { InvitationEmailSchema } from '../dto/chains.dto.js';
import { CsvSyntaxError, decodeCsv, parseCsv } from './csv.js';

/**
 * Reading a roster of invitees (邀请名单) uploaded as CSV or XLSX: columns 企业名称 /
 * 统一社会信用代码 / 邮箱 / 位置 (上游 | 下游), or their English names, in any order. A
 * problem with the file as a whole is a 400; a problem with a row is reported for that
 * row and the other rows go ahead.
 */
export const ROSTER_FIELDS = ['enterpriseName', 'uscc', 'email', 'position'] as const;
export type RosterField = (typeof ROSTER_FIELDS)[number];

/** The most rows one upload may hold. */
export const MAX_ROSTER_ROWS = 1000;

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const CSV_CONTENT_TYPE = 'text/csv';

/** Header names (compared trimmed, lower-cased, without spaces, and without a bracketed hint such as `位置（上游/下游）`). */
const HEADER_NAMES: Readonly<Record<RosterField, readonly string[]>> = {
  enterpriseName: ['企业名称', '企业', '名称', '单位名称', 'enterprisename', 'name', 'enterprise', 'company'],
  uscc: ['统一社会信用代码', '社会信用代码', '信用代码', 'uscc', 'unifiedsocialcreditcode', 'creditcode'],
  email: ['邮箱', '电子邮箱', '电子邮件', '邮件', '联系邮箱', 'email', 'e-mail', 'mail'],
  position: ['位置', '上下游', '链上位置', '上下游位置', 'position'],
};

const POSITION_WORDS: Readonly<Record<string, ChainPosition>> = {
  上游: 'upstream',
  upstream: 'upstream',
  下游: 'downstream',
  downstream: 'downstream',
};

/** One non-blank data row as read, before any check; `row` as the spreadsheet numbers it (header = 1 when first). */
export interface RosterRecord {
  row: number;
  values: Record<RosterField, string>;
  /** The USCC cell held a number (Excel drops digits of an 18-digit number): the code is lost. */
  usccWasNumber: boolean;
}

/** A row that passed every check that needs no database. */
export interface RosterEntry {
  row: number;
  position: ChainPosition;
  uscc: string | null;
  email: string | null;
  enterpriseName: string | null;
}

export interface RowError {
  row: number;
  field: RosterField;
  reason: string;
}

type Cell = { text: string; isNumber: boolean };

/** Reads an uploaded file (XLSX recognised by its ZIP signature, anything else read as CSV). */
export async function readRoster(file: Buffer): Promise<RosterRecord[]> {
  if (!file.length) throw fileProblem('the file is empty');
  const isZip = file[0] === 0x50 && file[1] === 0x4b && file[2] === 0x03 && file[3] === 0x04;
  return recordsOf(isZip ? await xlsxRows(file) : csvRows(file));
}

function csvRows(file: Buffer): { row: number; cells: Cell[] }[] {
  try {
    return parseCsv(decodeCsv(file)).map((r) => ({ row: r.row, cells: r.fields.map((text) => ({ text, isNumber: false })) }));
  } catch (error) {
    if (error instanceof CsvSyntaxError) throw fileProblem(error.message);
    throw error;
  }
}

async function xlsxRows(file: Buffer): Promise<{ row: number; cells: Cell[] }[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(file as unknown as ArrayBuffer);
  } catch {
    throw fileProblem('not a readable XLSX workbook');
  }
  const sheet = workbook.worksheets.find((ws) => ws.actualRowCount > 0);
  if (!sheet) throw fileProblem('the workbook has no rows');
  if (sheet.actualRowCount > MAX_ROSTER_ROWS + 1) throw tooManyRows();
  const rows: { row: number; cells: Cell[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: Cell[] = [];
    for (let c = 1; c <= row.cellCount; c++) {
      const cell = row.getCell(c);
      cells.push({ text: cell.text ?? '', isNumber: cell.type === ExcelJS.ValueType.Number });
    }
    rows.push({ row: rowNumber, cells });
  });
  return rows;
}

function recordsOf(rows: { row: number; cells: Cell[] }[]): RosterRecord[] {
  const nonBlank = rows.filter((r) => r.cells.some((c) => c.text.trim() !== ''));
  const header = nonBlank[0];
  if (!header) throw fileProblem('the file has no header row');
  const columns = headerColumns(header.cells.map((c) => c.text));
  const data = nonBlank.slice(1);
  if (data.length > MAX_ROSTER_ROWS) throw tooManyRows();
  return data.map(({ row, cells }) => {
    const at = (field: RosterField) => (columns[field] === undefined ? undefined : cells[columns[field]]);
    const values = Object.fromEntries(ROSTER_FIELDS.map((f) => [f, (at(f)?.text ?? '').trim()])) as Record<RosterField, string>;
    return { row, values, usccWasNumber: !!at('uscc')?.isNumber };
  });
}

/** Which column holds each field; 400 naming what is missing or repeated. */
function headerColumns(names: string[]): Partial<Record<RosterField, number>> {
  const columns: Partial<Record<RosterField, number>> = {};
  names.forEach((raw, index) => {
    const name = normaliseHeader(raw);
    const field = ROSTER_FIELDS.find((f) => HEADER_NAMES[f].includes(name));
    if (!field) return;
    if (columns[field] !== undefined) throw fileProblem(`the header names ${HEADER_NAMES[field][0]} (${field}) twice`);
    columns[field] = index;
  });
  const missing: string[] = [];
  if (columns.position === undefined) missing.push('位置 (position)');
  if (columns.uscc === undefined && columns.email === undefined) missing.push('统一社会信用代码 (uscc) or 邮箱 (email)');
  if (missing.length) {
    throw fileProblem(
      `the header row lacks ${missing.join(' and ')}; expected columns 企业名称/统一社会信用代码/邮箱/位置 or enterpriseName/uscc/email/position`,
    );
  }
  return columns;
}

function normaliseHeader(raw: string): string {
  return raw
    .replace(/^\uFEFF/, '')
    .replace(/[（(【[].*$/, '')
    .replace(/[\s_*：:]/g, '')
    .toLowerCase();
}

/**
 * The checks that need no database: a position, a valid USCC and/or e-mail, and no target
 * twice in one file. Every problem of a row is reported; the row is kept only without any.
 */
export function checkRoster(records: RosterRecord[]): { entries: RosterEntry[]; errors: RowError[] } {
  const entries: RosterEntry[] = [];
  const errors: RowError[] = [];
  const firstRowOf = new Map<string, number>();
  for (const { row, values, usccWasNumber } of records) {
    const problems: RowError[] = [];
    const position = POSITION_WORDS[values.position.toLowerCase()];
    if (!values.position) problems.push({ row, field: 'position', reason: 'is required (上游 or 下游)' });
    else if (!position)
      problems.push({ row, field: 'position', reason: `must be 上游/upstream or 下游/downstream, got "${values.position}"` });

    let uscc: string | null = null;
    if (usccWasNumber) {
      problems.push({ row, field: 'uscc', reason: 'the cell holds a number, which loses digits; format the column as text' });
    } else if (values.uscc) {
      const check = validateUscc(values.uscc);
      if (check.valid) uscc = values.uscc;
      else problems.push({ row, field: 'uscc', reason: check.reason });
    }

    let email: string | null = null;
    if (values.email) {
      const parsed = InvitationEmailSchema.safeParse(values.email);
      if (parsed.success) email = parsed.data;
      else problems.push({ row, field: 'email', reason: parsed.error.issues[0]?.message ?? 'must be an e-mail address' });
    }

    if (!values.uscc && !values.email && !usccWasNumber) problems.push({ row, field: 'uscc', reason: 'uscc or email is required' });
    if (values.enterpriseName.length > 200) problems.push({ row, field: 'enterpriseName', reason: 'must be at most 200 characters' });

    for (const [field, key] of [
      ['uscc', uscc],
      ['email', email],
    ] as const) {
      const earlier = key ? firstRowOf.get(`${field}:${key}`) : undefined;
      if (earlier !== undefined) problems.push({ row, field, reason: `repeats row ${earlier}` });
    }

    if (problems.length) {
      errors.push(...problems);
      continue;
    }
    if (uscc) firstRowOf.set(`uscc:${uscc}`, row);
    if (email) firstRowOf.set(`email:${email}`, row);
    entries.push({ row, position: position!, uscc, email, enterpriseName: values.enterpriseName || null });
  }
  return { entries, errors };
}

function fileProblem(reason: string): InvalidInputError {
  const problem: FieldProblem = { field: '(body)', reason };
  return new InvalidInputError([problem], 'invalid_roster');
}

function tooManyRows(): InvalidInputError {
  return fileProblem(`holds more than ${MAX_ROSTER_ROWS} rows; split the roster`);
}

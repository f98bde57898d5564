import ExcelJS from 'exceljs';
import { InvalidInputError } from '@smedx/platform';
import { makeUscc } from '@smedx/taxonomy';
import { MAX_ROSTER_ROWS, checkRoster, readRoster } from './roster.js';

const A = makeUscc(1);
const B = makeUscc(2);
const bad = `${A.slice(0, 17)}${A[17] === '0' ? '1' : '0'}`;

async function xlsx(rows: unknown[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('邀请名单');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('readRoster', () => {
  it('maps Chinese headers in any order, skips blank rows and numbers rows as a spreadsheet does', async () => {
    const csv = `\uFEFF位置（上游/下游）,统一社会信用代码,企业名称,邮箱\n上游,${A},沈阳一号,\n,,,\n下游,,沈阳二号,Two@Example.cn\n`;
    expect(await readRoster(Buffer.from(csv))).toEqual([
      { row: 2, values: { position: '上游', uscc: A, enterpriseName: '沈阳一号', email: '' }, usccWasNumber: false },
      { row: 4, values: { position: '下游', uscc: '', enterpriseName: '沈阳二号', email: 'Two@Example.cn' }, usccWasNumber: false },
    ]);
  });

  it('maps English headers and reads an XLSX workbook, flagging a USCC stored as a number', async () => {
    const file = await xlsx([
      ['enterpriseName', 'USCC', 'E-mail', 'Position'],
      ['甲', A, 'a@x.cn', 'upstream'],
      ['乙', 912101001234567, '', '下游'],
    ]);
    const records = await readRoster(file);
    expect(records.map((r) => [r.row, r.values.uscc, r.values.position, r.usccWasNumber])).toEqual([
      [2, A, 'upstream', false],
      [3, expect.any(String), '下游', true],
    ]);
  });

  it.each([
    ['an empty file', Buffer.alloc(0), /the file is empty/],
    ['a header without position', Buffer.from('企业名称,统一社会信用代码\n甲,x'), /lacks 位置 \(position\)/],
    ['a header without uscc or email', Buffer.from('企业名称,位置\n甲,上游'), /统一社会信用代码 \(uscc\) or 邮箱 \(email\)/],
    ['a header naming a column twice', Buffer.from('邮箱,email,位置\n'), /names 邮箱 \(email\) twice/],
    ['an unclosed quote', Buffer.from('邮箱,位置\n"a@x.cn,上游'), /row 2: a quoted field is never closed/],
    ['a broken workbook', Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), /not a readable XLSX workbook/],
  ])('rejects %s as a whole (400 on the body)', async (_, file, message) => {
    const error = await readRoster(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).message).toMatch(/^\(body\): /);
    expect((error as InvalidInputError).message).toMatch(message);
  });

  it(`refuses more than ${MAX_ROSTER_ROWS} rows`, async () => {
    const csv = ['邮箱,位置', ...Array.from({ length: MAX_ROSTER_ROWS + 1 }, (_, i) => `u${i}@x.cn,上游`)].join('\n');
    await expect(readRoster(Buffer.from(csv))).rejects.toThrow(/more than 1000 rows/);
  });
});

describe('checkRoster', () => {
  const record = (
    row: number,
    values: Partial<Record<'enterpriseName' | 'uscc' | 'email' | 'position', string>>,
    usccWasNumber = false,
  ) => ({
    row,
    values: { enterpriseName: '', uscc: '', email: '', position: '', ...values },
    usccWasNumber,
  });

  it('keeps valid rows and reports every problem of the others by row and field', () => {
    const { entries, errors } = checkRoster([
      record(2, { enterpriseName: '甲', uscc: A, position: '上游' }),
      record(3, { uscc: bad, position: '侧游' }),
      record(4, { email: 'B@Example.CN', position: 'Downstream' }),
      record(5, { position: '下游' }),
      record(6, { uscc: A, position: '下游' }),
      record(7, { email: 'not-an-email', position: '' }),
      record(8, { uscc: 'x' }, true),
      record(9, { uscc: B, email: 'b@example.cn', position: 'upstream' }),
    ]);
    expect(entries).toEqual([
      { row: 2, position: 'upstream', uscc: A, email: null, enterpriseName: '甲' },
      { row: 4, position: 'downstream', uscc: null, email: 'b@example.cn', enterpriseName: null },
    ]);
    expect(errors).toEqual([
      { row: 3, field: 'position', reason: 'must be 上游/upstream or 下游/downstream, got "侧游"' },
      { row: 3, field: 'uscc', reason: expect.stringMatching(/^wrong check character/) },
      { row: 5, field: 'uscc', reason: 'uscc or email is required' },
      { row: 6, field: 'uscc', reason: 'repeats row 2' },
      { row: 7, field: 'position', reason: 'is required (上游 or 下游)' },
      { row: 7, field: 'email', reason: 'must be an e-mail address' },
      { row: 8, field: 'position', reason: 'is required (上游 or 下游)' },
      { row: 8, field: 'uscc', reason: 'the cell holds a number, which loses digits; format the column as text' },
      { row: 9, field: 'email', reason: 'repeats row 4' },
    ]);
  });
});

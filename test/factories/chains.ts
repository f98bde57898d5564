import ExcelJS from 'exceljs';
import type { TestApp } from '../support/test-app.js';
import { cityOfficer, createEnterprise } from './directory.js';
import { registerUser } from './users.js';
import type { TestUser } from './users.js';

export const CSV_TYPE = 'text/csv; charset=utf-8';
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A chain leader: an enterprise a city officer marked as 链主, its owner, and (unless `chain: false`) its chain. */
export async function chainLeader(
  t: TestApp,
  options: { enterprise?: Record<string, unknown>; chain?: Record<string, unknown> | false } = {},
): Promise<{ owner: TestUser; enterprise: any; chain: any }> {
  const owner = await registerUser(t, 'leader');
  const enterprise = await createEnterprise(t, owner, options.enterprise);
  const officer = await cityOfficer(t);
  const marked = await t.post(`/enterprises/${enterprise.id}/chain-leader`, { reason: '产业链链主企业' }, { token: officer.token });
  if (marked.status !== 200) throw new Error(`mark chain leader failed: ${marked.status} ${JSON.stringify(marked.body)}`);
  if (options.chain === false) return { owner, enterprise, chain: null };
  const created = await t.post(
    '/chains',
    { name: `${enterprise.name}产业链`, description: '以链主企业为核心，带动上下游配套企业协同开展数字化转型。', ...options.chain },
    { token: owner.token },
  );
  if (created.status !== 201) throw new Error(`create chain failed: ${created.status} ${JSON.stringify(created.body)}`);
  return { owner, enterprise, chain: created.body };
}

/** An invitation issued by a leader's member; returns the response body (with the token). */
export async function invitation(t: TestApp, leader: TestUser, chainId: string, body: Record<string, unknown>): Promise<any> {
  const res = await t.post(`/chains/${chainId}/invitations`, body, { token: leader.token });
  if (res.status !== 201) throw new Error(`invite failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** A new enterprise (owned by a new user) invited by USCC that accepted: a member of the chain. */
export async function chainMember(
  t: TestApp,
  leader: TestUser,
  chainId: string,
  position: 'upstream' | 'downstream',
  enterpriseOverrides: Record<string, unknown> = {},
): Promise<{ owner: TestUser; enterprise: any }> {
  const owner = await registerUser(t, position);
  const enterprise = await createEnterprise(t, owner, enterpriseOverrides);
  await joinChain(t, leader, chainId, owner, enterprise, position);
  return { owner, enterprise };
}

/** Invites an existing enterprise by USCC and has its member accept. */
export async function joinChain(
  t: TestApp,
  leader: TestUser,
  chainId: string,
  member: TestUser,
  enterprise: { uscc: string },
  position: 'upstream' | 'downstream',
): Promise<void> {
  const { token } = await invitation(t, leader, chainId, { position, uscc: enterprise.uscc });
  const accepted = await t.post(`/chain-invitations/${token}/accept`, {}, { token: member.token });
  if (accepted.status !== 200) throw new Error(`accept failed: ${accepted.status} ${JSON.stringify(accepted.body)}`);
}

/** A roster as CSV text (fields quoted where needed), with a UTF-8 byte-order mark as Excel writes it. */
export function rosterCsv(rows: string[][]): Buffer {
  const quote = (f: string) => (/[",\r\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f);
  return Buffer.from(`\uFEFF${rows.map((r) => r.map(quote).join(',')).join('\r\n')}\r\n`, 'utf8');
}

/** A roster as an XLSX workbook (USCC cells as text, as a careful leader formats them). */
export async function rosterXlsx(rows: string[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('邀请名单');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Posts a raw file body (the test app's helper sends JSON only). */
export async function upload(
  t: TestApp,
  path: string,
  file: Buffer,
  contentType: string,
  options: { token?: string; query?: Record<string, string> } = {},
): Promise<{ status: number; body: any }> {
  const url = new URL(`/api/v1${path}`, t.url);
  for (const [k, v] of Object.entries(options.query ?? {})) url.searchParams.set(k, v);
  const headers: Record<string, string> = { 'content-type': contentType };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const response = await fetch(url, { method: 'POST', headers, body: file });
  const text = await response.text();
  return { status: response.status, body: text && (response.headers.get('content-type') ?? '').includes('json') ? JSON.parse(text) : text };
}

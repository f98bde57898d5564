import ExcelJS from 'exceljs';
import { DirectoryService } from '@smedx/directory';
import type { DigitalLevelSource } from '@smedx/directory';
import { UnitOfWork } from '@smedx/platform';
import type { DigitalLevel } from '@smedx/taxonomy';
import type { TestApp } from '../support/test-app.js';

/**
 * Sets an enterprise's digital level as a diagnosis does (an on-site assessment or a self-check),
 * through the directory's `setDigitalLevel` in a transaction of its own; the level's time is the clock's.
 */
export async function setLevel(t: TestApp, enterpriseId: string, level: DigitalLevel, source: DigitalLevelSource = 'assessment') {
  await t.app.get(UnitOfWork).run((tx) => t.app.get(DirectoryService).setDigitalLevel(tx, enterpriseId, level, source));
}

/** GETs a file (the test app's helper reads bodies as text, which would mangle a workbook). */
export async function download(
  t: TestApp,
  path: string,
  options: { token?: string; query?: Record<string, string> } = {},
): Promise<{ status: number; headers: Headers; buffer: Buffer }> {
  const url = new URL(`/api/v1${path}`, t.url);
  for (const [k, v] of Object.entries(options.query ?? {})) url.searchParams.set(k, v);
  const response = await fetch(url, { headers: options.token ? { authorization: `Bearer ${options.token}` } : {} });
  return { status: response.status, headers: response.headers, buffer: Buffer.from(await response.arrayBuffer()) };
}

/** Opens an XLSX buffer. */
export async function openWorkbook(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook;
}

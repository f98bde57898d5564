import type { TestApp } from '../support/test-app.js';
import { uploadPdf } from './documents.js';
import { userWithRole } from './users.js';
import type { TestUser } from './users.js';

/** A valid nomination body for `subjectId`; override any field. */
export function nominationInput(category: string, subjectId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    category,
    subjectId,
    title: '机床企业设备联网与生产管控数字化示范',
    summary: '完成42台数控机床联网，生产数据自动采集，设备综合效率提升12%。',
    evidence: [
      { kind: 'acceptance_report', name: '验收测评报告.pdf', sha256: 'b'.repeat(64), sizeBytes: 102_400 },
      { kind: 'photos', name: '车间现场照片.zip' },
    ],
    ...overrides,
  };
}

const panels = new WeakMap<TestApp, Promise<TestUser[]>>();

/** Three assessors per test app (the fewest a review needs), created on first use. */
export function assessorPanel(t: TestApp): Promise<TestUser[]> {
  let panel = panels.get(t);
  if (!panel) {
    panel = Promise.all([userWithRole(t, 'assessor'), userWithRole(t, 'assessor'), userWithRole(t, 'assessor')]);
    panels.set(t, panel);
  }
  return panel;
}

/**
 * Takes a nomination from `nominated` to the public notice: the district's recommendation,
 * the panel's scores (`scores`, default 80, 90, 70) and the city's publication.
 */
export async function toNotice(t: TestApp, id: string, district: TestUser, city: TestUser, scores: number[] = [80, 90, 70]): Promise<any> {
  const ok = (res: { status: number; body: any }, what: string) => {
    if (res.status !== 201) throw new Error(`${what} failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  ok(await t.post(`/nominations/${id}/recommend`, { reason: '材料齐全，同意推荐' }, { token: district.token }), 'recommend');
  const panel = await assessorPanel(t);
  for (const [i, score] of scores.entries()) {
    ok(await t.post(`/nominations/${id}/review`, { score, comment: '示范效果明显' }, { token: panel[i]!.token }), 'review');
  }
  return ok(await t.post(`/nominations/${id}/publish`, {}, { token: city.token }), 'publish');
}

/** The nominee (or the nominator) files the case material (典型案例材料) the district's recommendation requires. */
export async function attachCaseMaterial(t: TestApp, nominationId: string, token: string, organisationId?: string): Promise<string> {
  const fileId = await uploadPdf(t, token, '典型案例材料', organisationId);
  const res = await t.post(`/nominations/${nominationId}/documents`, { fileId, kind: 'case_material' }, { token });
  if (res.status !== 201) throw new Error(`attach case material failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id;
}

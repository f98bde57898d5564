import type { TestApp } from '../support/test-app.js';
import { subsidyDocuments } from './documents.js';
import { acceptanceInput, attachAcceptanceEvidence, awardedProject, openMilestoneReasons } from './projects.js';
import type { AwardedProject } from './projects.js';
import { userWithRole } from './users.js';
import type { TestUser } from './users.js';

const assessors = new WeakMap<TestApp, Promise<TestUser>>();

/** One assessor per test app, created on first use. */
export function assessor(t: TestApp): Promise<TestUser> {
  let user = assessors.get(t);
  if (!user) {
    user = userWithRole(t, 'assessor');
    assessors.set(t, user);
  }
  return user;
}

/**
 * An awarded project taken through its acceptance over HTTP: by default a
 * pass at `levelAfter` 2; `acceptance: false` leaves the project running.
 */
export async function acceptedProject(
  t: TestApp,
  options: { enterprise?: Record<string, unknown>; levelAfter?: number; acceptance?: boolean } = {},
): Promise<AwardedProject> {
  const project = await awardedProject(t, { enterprise: options.enterprise });
  if (options.acceptance === false) return project;
  const { token } = await assessor(t);
  await attachAcceptanceEvidence(t, project.projectId, token);
  const res = await t.post(
    `/projects/${project.projectId}/acceptance`,
    acceptanceInput({ levelAfter: options.levelAfter ?? 2, ...(await openMilestoneReasons(t, project.projectId, token)) }),
    {
      token,
    },
  );
  if (res.status !== 201) throw new Error(`acceptance failed: ${res.status} ${JSON.stringify(res.body)}`);
  return project;
}

/** Investment lines: 600,000 CNY software, 200,000 CNY cloud, 100,000 CNY gateways (900,000 eligible) and 300,000 CNY machinery. */
export function subsidyLines(): { category: string; amountFen: number; description: string }[] {
  return [
    { category: 'software', amountFen: 60_000_000, description: 'MES 生产管控软件许可' },
    { category: 'cloud', amountFen: 20_000_000, description: '工业云平台一年服务' },
    { category: 'data_device', amountFen: 10_000_000, description: '边缘网关与工业路由器 42 台' },
    { category: 'other', amountFen: 30_000_000, description: '数控机床改造（设备，不计入）' },
  ];
}

/**
 * Applies over HTTP for the project's enterprise, with the four required
 * documents uploaded first (or the given ones); returns the response.
 */
export async function applyForSubsidy(
  t: TestApp,
  project: AwardedProject,
  lines = subsidyLines(),
  documents?: { fileId: string; kind: string }[],
) {
  const token = project.enterpriseOwner.token;
  return t.post(
    '/subsidy-applications',
    {
      enterpriseId: project.enterprise.id,
      projectId: project.projectId,
      lines,
      documents: documents ?? (await subsidyDocuments(t, token)),
    },
    { token },
  );
}

import { randomUUID } from 'node:crypto';
import { isOpenMilestone } from '@smedx/contracts';
import { UnitOfWork } from '@smedx/platform';
import { NeedsService } from '@smedx/demand';
import { ProjectsService } from '@smedx/projects';
import type { AwardInput } from '@smedx/projects';
import type { TestApp } from '../support/test-app.js';
import { publishedNeed } from './demand.js';
import { uploadPdf } from './documents.js';
import { approvedProvider, createEnterprise } from './directory.js';
import { registerUser } from './users.js';
import type { TestUser } from './users.js';

export interface AwardedProject {
  enterpriseOwner: TestUser;
  enterprise: any;
  providerOwner: TestUser;
  provider: any;
  need: any;
  projectId: string;
}

/**
 * An enterprise with an awarded need, an approved provider, and the project
 * an award of a (made-up) bid creates, through `ProjectsService.createFromAward`
 * in a transaction of its own as bidding does. Overrides replace award fields.
 */
export async function awardedProject(
  t: TestApp,
  options: {
    enterprise?: Record<string, unknown>;
    /** Fields of a new approved provider, or an existing one (`{owner, provider}`) to award again. */
    provider?: Record<string, unknown> | { owner: TestUser; provider: any };
    award?: Partial<AwardInput>;
  } = {},
): Promise<AwardedProject> {
  const enterpriseOwner = await registerUser(t, 'enterprise');
  const enterprise = await createEnterprise(t, enterpriseOwner, options.enterprise);
  const { owner: providerOwner, provider } =
    options.provider && 'owner' in options.provider
      ? (options.provider as { owner: TestUser; provider: any })
      : await approvedProvider(t, options.provider);
  const need = await publishedNeed(t, enterpriseOwner, enterprise.id);
  const bidId = randomUUID();
  const { id } = await t.app.get(UnitOfWork).run(async (tx) => {
    // What the bidding context does on an award: the need is awarded in the same transaction.
    await t.app.get(NeedsService).award(tx, need.id, bidId);
    return t.app.get(ProjectsService).createFromAward(tx, {
      needId: need.id,
      bidId,
      enterpriseId: enterprise.id,
      providerId: provider.id,
      solutionId: null,
      title: need.title,
      scope: '1. 数控机床设备联网（42台）；\n2. 生产数据采集与设备综合效率（OEE）看板；\n3. 操作人员培训。',
      priceFen: 100_000_000,
      deliveryDays: 90,
      awardedBy: enterpriseOwner.id,
      ...options.award,
    });
  });
  return { enterpriseOwner, enterprise, providerOwner, provider, need, projectId: id };
}

/** A valid acceptance body (a pass at level 3); override any field. */
export function acceptanceInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    levelAfter: 3,
    dataIntegration: '设备数据与ERP、MES贯通，关键工序数据自动采集率达95%。',
    dataIntegrationScore: 85,
    roiPercent: 32.5,
    managementReform: '设立数字化推进办公室，修订设备点检与生产调度制度。',
    applicationEffect: '设备综合效率提升12%，非计划停机下降30%。',
    result: 'pass',
    reasons: '改造内容全部完成，达到合同约定的验收标准。',
    evidence: [
      { kind: 'contract', name: '改造服务合同.pdf', sha256: 'a'.repeat(64), sizeBytes: 204_800 },
      { kind: 'invoice', name: '增值税专用发票-001.pdf', sizeBytes: 51_200 },
      { kind: 'assessment_before', name: '改造前数字化水平评测报告.pdf' },
      { kind: 'assessment_after', name: '改造后数字化水平评测报告.pdf' },
    ],
    ...overrides,
  };
}

/** A valid monitoring-report body; override any field. */
export function reportInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    summary: '部署实施阶段按计划推进',
    findings: '已完成30台设备联网，数据采集稳定；OEE看板已上线试用。',
    progressPercent: 60,
    risks: ['剩余12台老旧设备需加装采集模块，存在延期风险'],
    ...overrides,
  };
}

/**
 * The evidence a passed acceptance rests on (测试报告, 数据贯通证明), uploaded and attached to the project
 * by `token`'s user (the assessor, or a party to the project).
 */
export async function attachAcceptanceEvidence(t: TestApp, projectId: string, token: string): Promise<void> {
  for (const [kind, label] of [
    ['test_report', '验收测试报告'],
    ['data_integration', '数据贯通证明'],
  ] as const) {
    const fileId = await uploadPdf(t, token, label);
    const res = await t.post(`/projects/${projectId}/documents`, { fileId, kind }, { token });
    if (res.status !== 201) throw new Error(`attach ${kind} failed: ${res.status} ${JSON.stringify(res.body)}`);
  }
}

/**
 * `{ openMilestones }` for an acceptance body that passes: a reason for each milestone of the project
 * still open (a pass needs every milestone done or explained), read with `token` (the assessor).
 */
export async function openMilestoneReasons(
  t: TestApp,
  projectId: string,
  token: string,
): Promise<{ openMilestones: { milestoneId: string; reason: string }[] }> {
  const project = await t.get(`/projects/${projectId}`, { token });
  if (project.status !== 200) throw new Error(`read project failed: ${project.status} ${JSON.stringify(project.body)}`);
  return {
    openMilestones: project.body.milestones
      .filter(isOpenMilestone)
      .map((m: any) => ({ milestoneId: m.id, reason: `“${m.title}”转入运维期完成，双方已书面确认` })),
  };
}

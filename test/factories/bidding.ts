import type { TestApp } from '../support/test-app.js';
import type { TestUser } from './users.js';

/** Proposals as a Shenyang integrator would write them. */
const PROPOSALS = [
  '采用边缘网关免布线接入全部数控设备，两周完成联网；提供设备状态看板、OEE日报和停机原因分析，驻场实施并培训设备科人员。',
  '基于自研轻量MES，按工序排产、扫码报工，关键工序质量追溯；与金蝶ERP通过标准接口对接，分两期上线，质保一年。',
  '部署条码仓储管理系统，实现出入库扫码、库位可视化与安全库存预警，打通采购到货与生产领料流程，提供三个月运维陪跑。',
] as const;

let counter = 0;

/** A valid bid body; overrides replace fields. */
export function bidInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const proposal = PROPOSALS[counter++ % PROPOSALS.length]!;
  return {
    priceFen: 32_000_000,
    deliveryDays: 75,
    proposal,
    attachments: [
      {
        name: '技术方案.pdf',
        sizeBytes: 2_457_600,
        mimeType: 'application/pdf',
        sha256: 'a'.repeat(64),
      },
    ],
    ...overrides,
  };
}

/** A bid submitted by a member of a provider; returns the response body. */
export async function submitBid(t: TestApp, bidder: TestUser, needId: string, overrides: Record<string, unknown> = {}): Promise<any> {
  const res = await t.post(`/needs/${needId}/bids`, bidInput(overrides), { token: bidder.token });
  if (res.status !== 201) throw new Error(`submit bid failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** The caller's notifications of one kind (all of them, newest first), after every job has run. */
export async function notificationsOf(t: TestApp, user: TestUser, kind: string): Promise<any[]> {
  await t.drain();
  const res = await t.get('/notifications', { token: user.token, query: { pageSize: 100 } });
  if (res.status !== 200) throw new Error(`list notifications failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.items.filter((n: { kind: string }) => n.kind === kind);
}

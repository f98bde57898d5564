import type { Clock } from '@smedx/platform';
import type { TestApp } from '../support/test-app.js';
import type { TestUser } from './users.js';

const DAY = 24 * 60 * 60 * 1000;

/** Needs as a Shenyang SME would write them after its diagnosis. */
const TEMPLATES = [
  {
    title: '数控车间设备联网及生产数据采集',
    description:
      '我司现有数控车床、加工中心共42台，品牌包括沈阳机床、大连机床及FANUC系统，目前设备状态靠人工巡检记录。希望实现设备联网，实时采集开机、停机、报警数据，并在车间大屏展示设备利用率。',
    scenarios: ['device_networking', 'data_collection', 'equipment'],
    budgetFen: 35_000_000,
    expectedDays: 90,
  },
  {
    title: '风冷换热器生产计划排程与质量追溯系统',
    description:
      '订单多品种小批量，插单频繁，计划靠Excel编排，交期难以保证。需要一套排程与报工系统，实现按工序排产、扫码报工和焊接、气密检测等关键工序的质量追溯，并与现有金蝶ERP对接。',
    scenarios: ['planning_scheduling', 'production_control', 'quality'],
    budgetFen: 48_000_000,
    expectedDays: 120,
  },
  {
    title: '减速机装配车间仓储物流数字化改造',
    description:
      '原材料和半成品库位管理混乱，盘点一次需停工两天。希望引入条码/RFID仓储管理，实现出入库扫码、库位可视化和安全库存预警，并打通采购到货与生产领料流程。',
    scenarios: ['warehouse_logistics', 'procurement'],
    budgetFen: 26_000_000,
    expectedDays: 60,
  },
] as const;

let counter = 0;

/** A valid need body (without `enterpriseId`), its bid deadline 30 days after `clock.now()`; overrides replace fields. */
export function needInput(clock: Clock, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const template = TEMPLATES[counter++ % TEMPLATES.length]!;
  return {
    ...template,
    scenarios: [...template.scenarios],
    bidDeadline: new Date(clock.now().getTime() + 30 * DAY).toISOString(),
    privateDetails: '现场联系人：设备科王工，电话 024-2345-6789；厂区内网为工控专网，实施需在周末停产期间进行。',
    ...overrides,
  };
}

/** A need created and published by a member of the enterprise; returns the response body. */
export async function publishedNeed(t: TestApp, owner: TestUser, enterpriseId: string, overrides: Record<string, unknown> = {}) {
  const created = await t.post('/needs', { ...needInput(t.clock, overrides), enterpriseId }, { token: owner.token });
  if (created.status !== 201) throw new Error(`create need failed: ${created.status} ${JSON.stringify(created.body)}`);
  const published = await t.post(`/needs/${created.body.id}/publish`, undefined, { token: owner.token });
  if (published.status !== 200) throw new Error(`publish need failed: ${published.status} ${JSON.stringify(published.body)}`);
  return published.body;
}

import type { TestApp } from '../support/test-app.js';
import type { TestUser } from './users.js';

/** 小快轻准 offerings as a Shenyang provider would describe them. */
const TEMPLATES = [
  {
    title: '机床行业设备联网与OEE分析轻量化方案',
    summary: '免布线网关30分钟接入数控机床，实时采集开机率、主轴负载，自动生成OEE日报。',
    description:
      '面向机床及零部件加工企业，支持FANUC、西门子、华中数控等主流系统。通过边缘网关采集设备状态与加工节拍，云端看板展示设备综合效率（OEE）、停机原因分布，帮助车间减少非计划停机。按设备数订阅，单台设备两天内上线。',
    scenarios: ['device_networking', 'data_collection', 'equipment'],
    industries: ['machine_tool', 'general_equipment'],
    priceMinFen: 3_000_000,
    priceMaxFen: 12_000_000,
    deployDays: 15,
    deliveryMode: 'saas',
    levels: [1, 2],
  },
  {
    title: '风冷设备制造MES生产管控系统',
    summary: '覆盖计划排程、工单报工、质量追溯的轻量MES，适配多品种小批量的风冷设备生产。',
    description:
      '针对风冷换热器、冷却塔等产品离散装配特点，提供APS排程、扫码报工、首检巡检、批次追溯等功能，与用友、金蝶等ERP对接。支持私有化部署，满足数据不出厂要求，帮助企业实现生产过程透明化。',
    scenarios: ['planning_scheduling', 'production_control', 'quality'],
    industries: ['air_cooling'],
    priceMinFen: 15_000_000,
    priceMaxFen: 40_000_000,
    deployDays: 60,
    deliveryMode: 'private',
    levels: [2, 3],
  },
  {
    title: '传动设备企业能耗监测与双碳管理平台',
    summary: '电水气分项计量、峰谷用能分析，能耗超限自动告警，助力企业降本增效。',
    description:
      '部署智能电表与能耗采集终端，按车间、产线、重点设备分项计量；平台提供能耗对标、峰谷电价优化建议和碳排放核算报表。混合部署：采集端本地运行，分析端云上服务。',
    scenarios: ['energy', 'data_collection', 'decision_support'],
    industries: ['transmission', 'power_distribution', 'auto_parts'],
    priceMinFen: 5_000_000,
    priceMaxFen: 20_000_000,
    deployDays: 30,
    deliveryMode: 'hybrid',
    levels: [1, 2, 3],
  },
] as const;

let counter = 0;

/** A valid solution body (without `providerId`); overrides replace fields. */
export function solutionInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const template = TEMPLATES[counter++ % TEMPLATES.length]!;
  return {
    ...template,
    scenarios: [...template.scenarios],
    industries: [...template.industries],
    levels: [...template.levels],
    cases: [{ enterpriseName: '沈阳某精密机械有限公司', summary: '上线三个月设备综合效率提升12%，停机时间下降30%。', year: 2024 }],
    ...overrides,
  };
}

/** A solution created and published by a member of an approved provider; returns the response body. */
export async function publishedSolution(t: TestApp, providerOwner: TestUser, providerId: string, overrides: Record<string, unknown> = {}) {
  const created = await t.post('/solutions', { ...solutionInput(overrides), providerId }, { token: providerOwner.token });
  if (created.status !== 201) throw new Error(`create solution failed: ${created.status} ${JSON.stringify(created.body)}`);
  const published = await t.post(`/solutions/${created.body.id}/publish`, undefined, { token: providerOwner.token });
  if (published.status !== 200) throw new Error(`publish solution failed: ${published.status} ${JSON.stringify(published.body)}`);
  return published.body;
}

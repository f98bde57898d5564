import { z } from 'zod';
import {
  DELIVERY_MODE_CODES,
  DIGITAL_LEVELS,
  DISTRICT_CODES,
  DISTRICTS,
  INDUSTRIES,
  INDUSTRY_CODES,
  isDistrictCode,
  isIndustryCode,
  isScenarioCode,
  levelForScore,
  nameOf,
  PILOT_BATCHES,
  PROVIDER_KIND_CODES,
  SCALE_CODES,
  SCENARIO_CODES,
  SCENARIOS,
  taxonomies,
} from './index.js';

describe('taxonomy data', () => {
  it('has the 3+N industries with the three pilot industries in group 3', () => {
    expect(INDUSTRIES).toHaveLength(7);
    expect(INDUSTRIES.filter((i) => i.group === '3').map((i) => i.name)).toEqual(['风冷设备制造', '机床制造', '传动设备制造']);
  });

  it("has Shenyang's 13 districts with distinct division codes", () => {
    expect(DISTRICTS.map((d) => d.name)).toEqual([
      '和平区',
      '沈河区',
      '大东区',
      '皇姑区',
      '铁西区',
      '苏家屯区',
      '浑南区',
      '沈北新区',
      '于洪区',
      '辽中区',
      '康平县',
      '法库县',
      '新民市',
    ]);
    expect(new Set(DISTRICTS.map((d) => d.adminCode)).size).toBe(13);
    for (const d of DISTRICTS) expect(d.adminCode).toMatch(/^2101\d\d$/);
  });

  it('has the 16 MIIT 2024 business scenes in questionnaire order, then 5 foundation items', () => {
    const business = SCENARIOS.filter((s) => s.kind === 'business');
    expect(business.map((s) => s.name).join('、')).toBe(
      '产品设计、工艺设计、营销管理、售后服务、计划排程、生产管控、质量管理、设备管理、安全生产、能耗管理、采购管理、仓储物流、财务管理、人力资源、协同办公、决策支持',
    );
    expect(new Set(business.map((s) => s.sceneGroup))).toEqual(
      new Set(['产品生命周期数字化', '生产执行数字化', '供应链数字化', '管理决策数字化']),
    );
    expect(SCENARIOS.filter((s) => s.kind === 'foundation').map((s) => s.name)).toEqual([
      '网络建设',
      '设备联网',
      '数据采集',
      '网络安全',
      '数据安全',
    ]);
  });

  it('uses unique lower_snake codes everywhere', () => {
    for (const codes of [INDUSTRY_CODES, DISTRICT_CODES, SCENARIO_CODES, DELIVERY_MODE_CODES, SCALE_CODES, PROVIDER_KIND_CODES]) {
      expect(new Set(codes).size).toBe(codes.length);
      for (const code of codes) expect(code).toMatch(/^[a-z][a-z0-9_]*$/);
    }
    expect(DELIVERY_MODE_CODES).toEqual(['saas', 'private', 'hybrid']);
    expect(SCALE_CODES).toEqual(['above', 'below']);
    expect(PROVIDER_KIND_CODES).toEqual(['integrator', 'product']);
  });

  it('gives code tuples that z.enum accepts', () => {
    const industry = z.enum(INDUSTRY_CODES);
    expect(industry.parse('machine_tool')).toBe('machine_tool');
    expect(industry.safeParse('steel').success).toBe(false);
  });

  it('answers membership and names', () => {
    expect(isIndustryCode('air_cooling')).toBe(true);
    expect(isIndustryCode('Air_Cooling')).toBe(false);
    expect(isDistrictCode('hunnan')).toBe(true);
    expect(isDistrictCode('dongling')).toBe(false);
    expect(isScenarioCode('device_networking')).toBe(true);
    expect(isScenarioCode('toString')).toBe(false);
    expect(nameOf(SCENARIOS, 'energy')).toBe('能耗管理');
    expect(nameOf(DISTRICTS, 'nowhere')).toBeUndefined();
  });

  it('has the pilot batches and the 2022 level bands of the plan', () => {
    expect(PILOT_BATCHES.map((b) => [b.code, b.from, b.to])).toEqual([
      ['sample', '2024-04', '2024-06'],
      ['batch1', '2024-07', '2024-10'],
      ['batch2', '2025-01', '2025-10'],
    ]);
    expect(DIGITAL_LEVELS.map((l) => [l.level, l.minScore])).toEqual([
      [1, 20],
      [2, 40],
      [3, 60],
      [4, 80],
    ]);
    expect([0, 19.9, 20, 39.5, 40, 60, 79.99, 80, 100].map(levelForScore)).toEqual([undefined, undefined, 1, 1, 2, 3, 3, 4, 4]);
  });

  it('serves fresh {code, name} lists', () => {
    const a = taxonomies();
    expect(Object.keys(a)).toEqual(['industries', 'districts', 'scenarios', 'deliveryModes', 'scales', 'providerKinds', 'pilotBatches']);
    expect(a.industries[0]).toEqual({ code: 'air_cooling', name: '风冷设备制造' });
    expect(a.scenarios).toHaveLength(21);
    a.industries.pop();
    expect(taxonomies().industries).toHaveLength(7);
  });
});

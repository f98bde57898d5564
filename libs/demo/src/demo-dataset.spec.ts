import {
  DELIVERY_MODE_CODES,
  DISTRICT_CODES,
  INDUSTRIES,
  INDUSTRY_CODES,
  isDistrictCode,
  isIndustryCode,
  isScenarioCode,
  validateUscc,
} from '@smedx/taxonomy';
import { DEMO_PASSWORD, generateDemoDataset, type DemoDataset } from './demo-dataset.js';

const data = generateDemoDataset();

/** Keywords of a title and the scenario a text with that keyword must carry. */
const TITLE_SCENARIOS: [RegExp, string][] = [
  [/能耗|能源/, 'energy'],
  [/(?<!物)联网/, 'device_networking'],
  [/OEE|预测性维护|故障预警|设备健康|点检/, 'equipment'],
  [/质量|视觉检测|缺陷/, 'quality'],
  [/排产|排程/, 'planning_scheduling'],
  [/MES|数字孪生/, 'production_control'],
  [/WMS|仓库|仓储/, 'warehouse_logistics'],
  [/采购/, 'procurement'],
  [/业财|成本核算|财务|ERP/, 'finance'],
  [/CRM|客户关系|营销/, 'marketing'],
  [/售后|远程运维|远程监控/, 'after_sales'],
  [/PLM|PDM|研发设计|三维设计/, 'product_design'],
  [/CAPP|工艺设计|工艺知识库|工艺卡片/, 'process_design'],
  [/安全生产/, 'safety'],
  [/网络安全|工控安全/, 'network_security'],
  [/数据安全|数据备份|防泄密/, 'data_security'],
  [/驾驶舱|BI/, 'decision_support'],
  [/人事|人力资源|计件/, 'hr'],
  [/协同办公|OA/, 'office_collaboration'],
  [/网络改造|网络升级|网络覆盖|环网/, 'network'],
  [/SCADA|数据采集/, 'data_collection'],
];

function expectScenariosMatchTitle(title: string, scenarios: string[]): void {
  for (const [pattern, scenario] of TITLE_SCENARIOS) {
    if (pattern.test(title) && !scenarios.includes(scenario)) {
      throw new Error(`"${title}" mentions ${pattern} but its scenarios ${scenarios.join(',')} lack ${scenario}`);
    }
  }
}

/** Every string non-blank, every array non-empty, every number finite and positive. */
function expectFilled(value: unknown, path: string): void {
  if (typeof value === 'string') {
    if (value.trim() === '') throw new Error(`${path} is blank`);
  } else if (typeof value === 'number') {
    if (!Number.isFinite(value) || value <= 0) throw new Error(`${path} is ${value}`);
  } else if (Array.isArray(value)) {
    if (value.length === 0) throw new Error(`${path} is empty`);
    value.forEach((v, i) => expectFilled(v, `${path}[${i}]`));
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) expectFilled(v, `${path}.${k}`);
  } else if (typeof value !== 'boolean') {
    throw new Error(`${path} is ${String(value)}`);
  }
}

const isContiguousLevels = (levels: number[]): boolean =>
  levels.length > 0 && levels.every((l, i) => Number.isInteger(l) && l >= 1 && l <= 4 && (i === 0 || l === levels[i - 1]! + 1));

const countBy = <T>(items: readonly T[], key: (item: T) => string): Map<string, number> => {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
};

describe('generateDemoDataset', () => {
  it('gives the same data for the same seed and other data for another seed', () => {
    expect(generateDemoDataset()).toEqual(data);
    const a = generateDemoDataset({ seed: 7 });
    expect(generateDemoDataset({ seed: 7 })).toEqual(a);
    expect(a.enterprises.map((e) => e.name)).not.toEqual(data.enterprises.map((e) => e.name));
    expect(a.solutions.map((s) => s.title)).not.toEqual(data.solutions.map((s) => s.title));
  });

  it('has the default counts', () => {
    expect(data.enterprises).toHaveLength(240);
    expect(data.providers).toHaveLength(48);
    expect(data.solutions).toHaveLength(180);
    expect(data.needs).toHaveLength(180);
    expect(data.users).toHaveLength(5 + 240 + 48);
  });

  it('has every field filled', () => {
    const { users, ...rest } = data;
    expectFilled(rest, 'data');
    // Owners hold no role: their rights come from owning the organisation.
    expectFilled(
      users.map(({ roles: _roles, ...u }) => u),
      'users',
    );
  });

  it('gives every organisation an owner and the well-known accounts their roles', () => {
    const byEmail = new Map(data.users.map((u) => [u.email, u]));
    const byKey = new Map(data.users.map((u) => [u.key, u]));
    expect(byEmail.size).toBe(data.users.length);
    expect(byKey.size).toBe(data.users.length);
    for (const u of data.users) {
      expect(u.password).toBe(DEMO_PASSWORD);
      expect(u.email).toMatch(/^[a-z0-9]+@demo\.smedx\.cn$/);
    }
    expect(byEmail.get('city@demo.smedx.cn')!.roles).toEqual([{ role: 'city_officer' }]);
    expect(byEmail.get('tiexi@demo.smedx.cn')!.roles).toEqual([{ role: 'district_officer', district: 'tiexi' }]);
    expect(byEmail.get('hunnan@demo.smedx.cn')!.roles).toEqual([{ role: 'district_officer', district: 'hunnan' }]);
    expect(byEmail.get('assessor@demo.smedx.cn')!.roles).toEqual([{ role: 'assessor' }]);
    expect(byEmail.get('organizer@demo.smedx.cn')!.roles).toEqual([{ role: 'organizer' }]);

    expect(byKey.get(data.enterprises[0]!.ownerKey)!.email).toBe('enterprise@demo.smedx.cn');
    expect(byKey.get(data.enterprises[1]!.ownerKey)!.email).toBe('e002@demo.smedx.cn');
    expect(byKey.get(data.providers[0]!.ownerKey)!.email).toBe('provider@demo.smedx.cn');
    expect(byKey.get(data.providers[1]!.ownerKey)!.email).toBe('p002@demo.smedx.cn');
    expect(data.providers[0]!.decision).toBe('approve');

    const owners = [...data.enterprises, ...data.providers].map((o) => o.ownerKey);
    expect(new Set(owners).size).toBe(owners.length);
    for (const key of owners) expect(byKey.get(key)!.roles).toEqual([]);
  });

  it('uses only known codes', () => {
    for (const e of data.enterprises) {
      expect(isIndustryCode(e.industry)).toBe(true);
      expect(isDistrictCode(e.district)).toBe(true);
      expect(['above', 'below']).toContain(e.scale);
      expect([1, 2, 3, 4]).toContain(e.digitalLevel);
    }
    for (const p of data.providers) {
      expect(['integrator', 'product']).toContain(p.kind);
      expect(['approve', 'reject', 'pending', 'suspend']).toContain(p.decision);
      expect(new Set(p.districts).size).toBe(p.districts.length);
      for (const d of p.districts) expect(isDistrictCode(d)).toBe(true);
    }
    for (const s of data.solutions) {
      expect(DELIVERY_MODE_CODES).toContain(s.deliveryMode);
      for (const i of s.industries) expect(isIndustryCode(i)).toBe(true);
      expect(new Set(s.industries).size).toBe(s.industries.length);
    }
    for (const x of [...data.solutions, ...data.needs]) {
      expect(x.scenarios.length).toBeGreaterThanOrEqual(1);
      expect(x.scenarios.length).toBeLessThanOrEqual(4);
      expect(new Set(x.scenarios).size).toBe(x.scenarios.length);
      for (const c of x.scenarios) expect(isScenarioCode(c)).toBe(true);
    }
  });

  it('gives valid, unique USCCs and unique names', () => {
    const codes = [...data.enterprises, ...data.providers].map((o) => o.uscc);
    for (const code of codes) expect(validateUscc(code)).toEqual({ valid: true });
    expect(new Set(codes).size).toBe(codes.length);
    const names = [...data.enterprises, ...data.providers].map((o) => o.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/(有限公司|有限责任公司)$/);
  });

  it('registers enterprises in their district', () => {
    const admin: Record<string, string> = { tiexi: '210106', hunnan: '210112', xinmin: '210181' };
    for (const e of data.enterprises) if (admin[e.district]) expect(e.uscc.slice(2, 8)).toBe(admin[e.district]);
  });

  it('spreads enterprises over all industries and districts, the pilot ones most', () => {
    const industries = countBy(data.enterprises, (e) => e.industry);
    expect([...industries.keys()].sort()).toEqual([...INDUSTRY_CODES].sort());
    const pilot = INDUSTRIES.filter((i) => i.group === '3').map((i) => industries.get(i.code)!);
    const others = INDUSTRIES.filter((i) => i.group === 'N').map((i) => industries.get(i.code)!);
    expect(Math.min(...pilot)).toBeGreaterThan(Math.max(...others));

    const districts = countBy(data.enterprises, (e) => e.district);
    expect([...districts.keys()].sort()).toEqual([...DISTRICT_CODES].sort());
    const ranked = [...districts.entries()].sort((a, b) => b[1] - a[1]).map(([d]) => d);
    expect(ranked[0]).toBe('tiexi');
    const favoured = ['tiexi', 'hunnan', 'huanggu', 'shenhe', 'heping'];
    const favouredShare = favoured.reduce((n, d) => n + districts.get(d)!, 0) / data.enterprises.length;
    expect(favouredShare).toBeGreaterThan(0.55);
    expect(ranked.slice(0, 6)).toEqual(expect.arrayContaining(['tiexi', 'hunnan']));
  });

  it('makes about 60% of enterprises 规上 with plausible size', () => {
    const above = data.enterprises.filter((e) => e.scale === 'above');
    expect(above.length / data.enterprises.length).toBeGreaterThan(0.52);
    expect(above.length / data.enterprises.length).toBeLessThan(0.68);
    for (const e of data.enterprises) {
      expect(Number.isInteger(e.employees) && Number.isInteger(e.annualRevenueFen)).toBe(true);
      expect(e.employees).toBeLessThan(1000);
      // 规上: revenue ≥ 20 million CNY; SMEs stay under 400 million.
      if (e.scale === 'above') expect(e.annualRevenueFen).toBeGreaterThanOrEqual(2_000_000_000);
      else expect(e.annualRevenueFen).toBeLessThan(2_000_000_000);
      expect(e.annualRevenueFen).toBeLessThan(40_000_000_000);
    }
  });

  it('sets the eligibility flags on the planned shares', () => {
    const e = data.enterprises;
    expect(e.filter((x) => x.isLittleGiantFunded)).toHaveLength(12);
    expect(e.filter((x) => x.inPilot2022)).toHaveLength(12);
    expect(e.filter((x) => x.isSpecialised)).toHaveLength(48);
    for (const x of e) {
      if (x.isLittleGiantFunded) expect(x.isSpecialised && !x.inPilot2022).toBe(true);
    }
    expect(e[0]).toMatchObject({ isLittleGiantFunded: false, inPilot2022: false, district: 'tiexi', scale: 'above' });
  });

  it('approves at least 40 providers and publishes only theirs', () => {
    const approved = new Set(data.providers.filter((p) => p.decision === 'approve').map((p) => p.key));
    expect(approved.size).toBeGreaterThanOrEqual(40);
    expect(approved.size).toBeLessThan(48);
    const published = data.solutions.filter((s) => s.publish);
    expect(published.length).toBeGreaterThanOrEqual(170);
    for (const s of published) expect(approved.has(s.providerKey)).toBe(true);
    const providerKeys = new Set(data.providers.map((p) => p.key));
    for (const s of data.solutions) expect(providerKeys.has(s.providerKey)).toBe(true);
    expect(published.filter((s) => s.providerKey === 'p001').length).toBeGreaterThanOrEqual(4);
    for (const key of approved) expect(published.some((s) => s.providerKey === key)).toBe(true);
  });

  it('prices solutions as 小快轻准 offerings', () => {
    for (const s of data.solutions) {
      expect(Number.isInteger(s.priceMinFen) && Number.isInteger(s.priceMaxFen)).toBe(true);
      expect(s.priceMinFen).toBeLessThanOrEqual(s.priceMaxFen);
      expect(s.priceMinFen).toBeGreaterThanOrEqual(2_000_000);
      expect(s.priceMaxFen).toBeLessThanOrEqual(80_000_000);
      expect(Number.isInteger(s.deployDays)).toBe(true);
      expect(s.deployDays).toBeGreaterThanOrEqual(7);
      expect(s.deployDays).toBeLessThanOrEqual(120);
      expect(isContiguousLevels(s.levels)).toBe(true);
      expect(s.cases.length).toBeGreaterThanOrEqual(1);
    }
  });

  it('gives no two solutions the same title and writes one-sentence summaries', () => {
    const titles = data.solutions.map((s) => s.title);
    expect(new Set(titles).size).toBe(titles.length);
    for (const s of data.solutions) {
      expect(s.summary).toMatch(/^[^。]+。$/);
      const sentences = s.description.split('。').filter(Boolean).length;
      expect(sentences).toBeGreaterThanOrEqual(3);
      expect(sentences).toBeLessThanOrEqual(6);
      expect(s.description).not.toMatch(/[{}]/);
    }
  });

  it('tags solutions and needs with the scenarios their titles speak of', () => {
    for (const s of data.solutions) expectScenariosMatchTitle(s.title, s.scenarios);
    for (const n of data.needs) expectScenariosMatchTitle(n.title, n.scenarios);
    expect(data.solutions.filter((s) => s.scenarios.includes('energy')).every((s) => /能耗|能源|电表/.test(s.title + s.description))).toBe(
      true,
    );
  });

  it('writes needs as enterprises do, with budgets the catalogue can meet', () => {
    const published = data.needs.filter((n) => n.publish);
    expect(published.length).toBeGreaterThanOrEqual(160);
    const enterpriseKeys = new Set(data.enterprises.map((e) => e.key));
    const offers = data.solutions.filter((s) => s.publish);
    for (const n of data.needs) {
      expect(enterpriseKeys.has(n.enterpriseKey)).toBe(true);
      expect(n.description).toMatch(/^(我司|我公司|公司)/);
      expect(n.description).not.toMatch(/[{}]/);
      expect(Number.isInteger(n.budgetFen)).toBe(true);
      expect(n.budgetFen).toBeGreaterThanOrEqual(2_000_000);
      expect(n.budgetFen).toBeLessThanOrEqual(80_000_000);
      expect(n.description).toContain(`${n.budgetFen / 1_000_000}万元`);
      expect(n.description).toContain(`${n.expectedDays}天`);
      expect(n.bidDeadlineDaysFromNow).toBeGreaterThan(0);
      const affordable = offers.some((s) => s.scenarios.includes(n.scenarios[0]!) && s.priceMinFen <= n.budgetFen);
      if (!affordable) throw new Error(`nothing in the catalogue for ${n.key} ${n.scenarios[0]} at ${n.budgetFen}`);
    }
    expect(data.needs.filter((n) => n.enterpriseKey === 'e001').length).toBeGreaterThanOrEqual(3);
  });

  it('scales to other sizes and to nothing', () => {
    const small = generateDemoDataset({ seed: 3, enterprises: 30, providers: 8, solutions: 20, needs: 12 });
    expect([small.enterprises.length, small.providers.length, small.solutions.length, small.needs.length]).toEqual([30, 8, 20, 12]);
    const approved = new Set(small.providers.filter((p) => p.decision === 'approve').map((p) => p.key));
    for (const s of small.solutions.filter((x) => x.publish)) expect(approved.has(s.providerKey)).toBe(true);

    const empty: DemoDataset = generateDemoDataset({ enterprises: 0, providers: 0, solutions: 0, needs: 0 });
    expect(empty.users).toHaveLength(5);
    expect([empty.enterprises, empty.providers, empty.solutions, empty.needs].every((l) => l.length === 0)).toBe(true);
    expect(() => generateDemoDataset({ enterprises: -1 })).toThrow(RangeError);
  });
});

import { DEFAULT_MATCH_WEIGHTS, MATCH_FACTORS, normaliseMatchWeights } from '@smedx/platform';
import type { ProviderRecord } from '@smedx/directory';
import type { NeedFacts, ProviderFacts, SolutionFacts } from './match-facts.js';
import {
  OTHER_DISTRICT_FIT,
  UNKNOWN_LEVEL_FIT,
  budgetFit,
  deliveryFit,
  districtFit,
  explainPair,
  industryFit,
  levelFit,
  money,
  prepareNeed,
  priceRange,
  recordFit,
  scenarioFit,
  scorePair,
  weigh,
} from './match-score.js';
import type { FactorValues } from './match-score.js';

const WEIGHTS = normaliseMatchWeights(DEFAULT_MATCH_WEIGHTS);
const NEW_PROVIDER: ProviderRecord = { acceptancePassRate: null, completedProjects: 0, ratingAverage: null, ratingCount: 0, noShows: 0 };

function needFacts(overrides: Partial<NeedFacts> = {}): NeedFacts {
  return {
    id: 'n1',
    title: '数控车间设备联网及OEE统计',
    description: '我司现有数控车床42台，希望实现设备联网，实时采集开机、停机、报警数据，在车间大屏展示OEE。',
    scenarios: ['device_networking', 'data_collection', 'equipment'],
    budgetFen: 15_000_000,
    expectedDays: 45,
    enterpriseId: 'e1',
    enterpriseName: '沈阳测试机床有限公司',
    industry: 'machine_tool',
    district: 'tiexi',
    digitalLevel: 2,
    status: 'published',
    ...overrides,
  };
}

function solutionFacts(overrides: Partial<SolutionFacts> = {}): SolutionFacts {
  return {
    id: 's1',
    title: '数控机床设备联网与OEE看板',
    summary: '边缘网关实时采集开机、停机、报警数据。',
    description: '支持FANUC、西门子系统，车间大屏展示设备综合效率。',
    scenarios: ['device_networking', 'data_collection', 'equipment'],
    industries: ['machine_tool'],
    priceMinFen: 8_000_000,
    priceMaxFen: 20_000_000,
    deployDays: 20,
    levels: [1, 2],
    providerId: 'p1',
    providerName: '沈阳测试数字科技有限公司',
    status: 'published',
    ...overrides,
  };
}

function providerFacts(overrides: Partial<ProviderFacts> = {}): ProviderFacts {
  return {
    id: 'p1',
    name: '沈阳测试数字科技有限公司',
    status: 'approved',
    districts: ['tiexi', 'hunnan'],
    record: NEW_PROVIDER,
    ...overrides,
  };
}

describe('match factors', () => {
  it.each([
    [['a', 'b', 'c'], ['a', 'b', 'c', 'd'], 1],
    [['a', 'b', 'c'], ['a', 'c'], 2 / 3],
    [['a', 'b'], ['c'], 0],
    [[], ['a'], 0],
  ])('scenario: need %j, solution %j → %d (extra solution scenarios cost nothing)', (need, solution, expected) => {
    expect(scenarioFit(need, solution)).toBeCloseTo(expected, 12);
  });

  it('industry: 1 when listed, else 0', () => {
    expect(industryFit('machine_tool', ['air_cooling', 'machine_tool'])).toBe(1);
    expect(industryFit('machine_tool', ['air_cooling'])).toBe(0);
  });

  it.each([
    // budget, min, max → fit
    [20_000_000, 8_000_000, 20_000_000, 1],
    [15_000_000, 8_000_000, 20_000_000, 0.8 + (0.2 * 7) / 12],
    [8_000_000, 8_000_000, 20_000_000, 0.8],
    [10_000_000, 15_000_000, 20_000_000, 0.8 * 0.5],
    [10_000_000, 20_000_000, 30_000_000, 0],
    [10_000_000, 40_000_000, 50_000_000, 0],
    [0, 0, 0, 1],
    [0, 100, 200, 0],
  ])('budget %d fen, price %d–%d fen → %d', (budget, min, max, expected) => {
    expect(budgetFit(budget, min, max)).toBeCloseTo(expected, 12);
  });

  it.each([
    [20, 45, 1],
    [45, 45, 1],
    [60, 45, 1 - 15 / 45],
    [90, 45, 0],
    [120, 45, 0],
  ])('delivery: %d days against %d expected → %d', (days, expected, fit) => {
    expect(deliveryFit(days, expected)).toBeCloseTo(fit, 12);
  });

  it.each([
    [2, [1, 2], 1],
    [3, [1, 2], 0.5],
    [4, [1, 2], 0],
    [null, [1, 2], UNKNOWN_LEVEL_FIT],
    [2, [], 0],
  ])('level %s against %j → %d', (level, levels, expected) => {
    expect(levelFit(level, levels)).toBe(expected);
  });

  it('district: 1 when the provider serves it, still something in another district of the city', () => {
    expect(districtFit('tiexi', ['hunnan', 'tiexi'])).toBe(1);
    expect(districtFit('tiexi', ['hunnan'])).toBe(OTHER_DISTRICT_FIT);
  });

  describe('provider record', () => {
    it('puts a new provider at a fair middle, not at 0', () => {
      expect(recordFit(NEW_PROVIDER)).toBeCloseTo(0.7 * 0.8 + 0.3 * 0.75, 12);
    });

    it('lets a few projects move it only so far, many projects far', () => {
      const perfect = (n: number) => recordFit({ ...NEW_PROVIDER, acceptancePassRate: 1, completedProjects: n });
      const failing = (n: number) => recordFit({ ...NEW_PROVIDER, acceptancePassRate: 0, completedProjects: n });
      expect(perfect(1)).toBeGreaterThan(recordFit(NEW_PROVIDER));
      expect(perfect(1)).toBeLessThan(perfect(50));
      expect(failing(1)).toBeGreaterThan(failing(50));
      expect(failing(1)).toBeGreaterThan(0.5);
      expect(failing(50)).toBeLessThan(0.35);
    });

    it('counts ratings, smoothed, and missed meetings as a penalty', () => {
      const rated = (average: number, count: number) => recordFit({ ...NEW_PROVIDER, ratingAverage: average, ratingCount: count });
      expect(rated(5, 20)).toBeGreaterThan(rated(5, 1));
      expect(rated(1, 20)).toBeLessThan(recordFit(NEW_PROVIDER));
      expect(recordFit({ ...NEW_PROVIDER, noShows: 2 })).toBeCloseTo(recordFit(NEW_PROVIDER) * 0.9, 12);
      expect(recordFit({ ...NEW_PROVIDER, noShows: 100 })).toBeCloseTo(recordFit(NEW_PROVIDER) * 0.7, 12);
    });

    it('stays in [0, 1] at the extremes', () => {
      for (const record of [
        { ...NEW_PROVIDER, acceptancePassRate: 1, completedProjects: 10_000, ratingAverage: 5, ratingCount: 10_000 },
        { ...NEW_PROVIDER, acceptancePassRate: 0, completedProjects: 10_000, ratingAverage: 1, ratingCount: 10_000, noShows: 50 },
      ]) {
        expect(recordFit(record)).toBeGreaterThanOrEqual(0);
        expect(recordFit(record)).toBeLessThanOrEqual(1);
      }
    });
  });
});

describe('weigh', () => {
  const values = (v: number): FactorValues => Object.fromEntries(MATCH_FACTORS.map((f) => [f, v])) as FactorValues;

  it('reports contributions that add up to the score', () => {
    const scored = weigh({ ...values(0.37), text: 0.91, record: 0.785 }, WEIGHTS);
    const sum = MATCH_FACTORS.reduce((a, f) => a + scored.breakdown[f], 0);
    expect(Math.abs(sum - scored.score)).toBeLessThan(1e-12);
    for (const f of MATCH_FACTORS) expect(scored.breakdown[f]).toBeCloseTo(WEIGHTS[f] * scored.values[f], 15);
  });

  it('gives 1 for a perfect pair and 0 for the worst', () => {
    expect(weigh(values(1), WEIGHTS).score).toBeCloseTo(1, 12);
    expect(weigh(values(1), WEIGHTS).score).toBeLessThanOrEqual(1);
    expect(weigh(values(0), WEIGHTS).score).toBe(0);
  });

  it('follows the configured weights: a factor weighing 0 contributes nothing', () => {
    const onlyScenario = normaliseMatchWeights({ ...Object.fromEntries(MATCH_FACTORS.map((f) => [f, 0])), scenario: 2 } as typeof WEIGHTS);
    const scored = weigh({ ...values(1), scenario: 0.5 }, onlyScenario);
    expect(scored.score).toBe(0.5);
    expect(scored.breakdown.text).toBe(0);
  });
});

describe('scorePair and explainPair', () => {
  const need = prepareNeed(needFacts());
  const solution = solutionFacts();
  const provider = providerFacts();

  it('scores a fitting pair high, every factor in [0, 1]', () => {
    const scored = scorePair(need, solution, provider, WEIGHTS);
    expect(scored.score).toBeGreaterThan(0.8);
    for (const f of MATCH_FACTORS) {
      expect(scored.values[f]).toBeGreaterThanOrEqual(0);
      expect(scored.values[f]).toBeLessThanOrEqual(1);
    }
    expect(scored.values).toMatchObject({ scenario: 1, industry: 1, delivery: 1, level: 1, district: 1 });
  });

  it('explains it in plain Chinese, strengths first', () => {
    const reasons = explainPair(need, solution, provider, scorePair(need, solution, provider, WEIGHTS), WEIGHTS);
    expect(reasons[0]).toBe('覆盖需求场景：设备联网、数据采集、设备管理');
    expect(reasons).toEqual(
      expect.arrayContaining([
        '预算 15 万元落在报价区间 8–20 万元之内',
        '部署周期 20 天，短于期望的 45 天',
        '适配数字化水平二级企业',
        '服务商已在铁西区提供服务',
        '适用行业包括机床制造',
        '新入库服务商，暂无验收记录，按平均水平计',
      ]),
    );
    const text = reasons.find((r) => r.startsWith('方案介绍提及需求关键词：'))!;
    expect(text).toContain('OEE');
    // A word inside another matched word is not repeated.
    expect(text).not.toMatch(/(^|、)数控(、|$)/);
  });

  it('names shortfalls after strengths', () => {
    const poor = solutionFacts({
      scenarios: ['device_networking', 'energy'],
      priceMinFen: 30_000_000,
      priceMaxFen: 40_000_000,
      deployDays: 60,
      levels: [4],
    });
    const far = providerFacts({
      districts: ['faku'],
      record: { acceptancePassRate: 0.92, completedProjects: 12, ratingAverage: 4.6, ratingCount: 8, noShows: 1 },
    });
    const scored = scorePair(need, poor, far, WEIGHTS);
    const reasons = explainPair(need, poor, far, scored, WEIGHTS);
    expect(reasons).toEqual(
      expect.arrayContaining([
        '覆盖需求场景：设备联网；未覆盖：数据采集、设备管理',
        '报价起价 30 万元高于预算 15 万元',
        '部署周期 60 天，长于期望的 45 天',
        '面向数字化水平四级企业，与企业当前二级差距较大',
        '服务商服务区域未包括铁西区',
        '服务商验收通过率 92%（12 个项目），用户评分 4.6 分（8 次评价），对接活动缺席 1 次',
      ]),
    );
    const shortfall = reasons.indexOf('报价起价 30 万元高于预算 15 万元');
    expect(reasons.indexOf('适用行业包括机床制造')).toBeLessThan(shortfall);
  });

  it('leaves out factors that weigh nothing', () => {
    const noRecord = normaliseMatchWeights({ ...DEFAULT_MATCH_WEIGHTS, record: 0 });
    const reasons = explainPair(need, solution, provider, scorePair(need, solution, provider, noRecord), noRecord);
    expect(reasons.some((r) => r.includes('服务商验收') || r.includes('新入库'))).toBe(false);
  });

  it('speaks of an unassessed enterprise', () => {
    const unassessed = prepareNeed(needFacts({ digitalLevel: null }));
    const reasons = explainPair(unassessed, solution, provider, scorePair(unassessed, solution, provider, WEIGHTS), WEIGHTS);
    expect(reasons).toContain('企业尚未评定数字化水平，按中等适配计');
  });
});

describe('money in reasons', () => {
  it.each([
    [150_000_000, '150 万元'],
    [12_500_000, '12.5 万元'],
    [800_000, '8000 元'],
  ])('%d fen → %s', (fen, text) => {
    expect(money(fen)).toBe(text);
  });

  it('writes ranges the way people do', () => {
    expect(priceRange(8_000_000, 20_000_000)).toBe('8–20 万元');
    expect(priceRange(500_000, 2_000_000)).toBe('5000 元–2 万元');
    expect(priceRange(3_000_000, 3_000_000)).toBe('3 万元');
  });
});

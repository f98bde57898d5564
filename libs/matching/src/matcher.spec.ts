import fc from 'fast-check';
import { DEFAULT_MATCH_WEIGHTS, MATCH_FACTORS, normaliseMatchWeights } from '@smedx/platform';
import type { NeedFacts, ProviderFacts, SolutionFacts } from './match-facts.js';
import { prepareNeed, scorePair } from './match-score.js';
import { AllCandidates, Matcher } from './matcher.js';
import type { ProviderSource, SolutionMatch } from './matcher.js';

const WEIGHTS = normaliseMatchWeights(DEFAULT_MATCH_WEIGHTS);
const NEW_RECORD = { acceptancePassRate: null, completedProjects: 0, ratingAverage: null, ratingCount: 0, noShows: 0 };

function need(overrides: Partial<NeedFacts> = {}): NeedFacts {
  return {
    id: 'n1',
    title: '数控车间设备联网及OEE统计',
    description: '希望实现设备联网，实时采集开机、停机、报警数据，在车间大屏展示OEE。',
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

function solution(id: string, overrides: Partial<SolutionFacts> = {}): SolutionFacts {
  return {
    id,
    title: '数控机床设备联网与OEE看板',
    summary: '边缘网关实时采集开机、停机、报警数据。',
    description: '车间大屏展示设备综合效率。',
    scenarios: ['device_networking', 'data_collection', 'equipment'],
    industries: ['machine_tool'],
    priceMinFen: 8_000_000,
    priceMaxFen: 20_000_000,
    deployDays: 20,
    levels: [1, 2],
    providerId: 'p1',
    providerName: '测试科技',
    status: 'published',
    ...overrides,
  };
}

function provider(id: string, overrides: Partial<ProviderFacts> = {}): ProviderFacts {
  return { id, name: `服务商${id}`, status: 'approved', districts: ['tiexi'], record: NEW_RECORD, ...overrides };
}

function providerSource(list: ProviderFacts[]): ProviderSource & { calls: string[][] } {
  const calls: string[][] = [];
  return {
    calls,
    providers: async (ids) => {
      calls.push([...ids]);
      return new Map(list.filter((p) => ids.includes(p.id)).map((p) => [p.id, p]));
    },
  };
}

describe('Matcher', () => {
  it('matches only published solutions of approved providers, and only published needs', async () => {
    const providers = providerSource([provider('p1'), provider('p2', { status: 'suspended' }), provider('p3', { status: 'pending' })]);
    const solutions = [
      solution('s1'),
      solution('s2', { status: 'delisted' }),
      solution('s3', { status: 'draft' }),
      solution('s4', { providerId: 'p2' }),
      solution('s5', { providerId: 'p3' }),
      solution('s6', { providerId: 'unknown' }),
    ];
    const matcher = new Matcher(new AllCandidates(solutions, []), providers, WEIGHTS);
    expect((await matcher.matchNeed(need(), { limit: 20 })).map((m) => m.solution.id)).toEqual(['s1']);
    // Providers are read once per ranking, all together.
    expect(providers.calls.at(-1)!.sort()).toEqual(['p1', 'p2', 'p3', 'unknown']);
    for (const status of ['draft', 'awarded', 'closed', 'cancelled']) {
      expect(await matcher.matchNeed(need({ status }), { limit: 20 })).toEqual([]);
    }
  });

  it('ranks best first, equal scores by id, and cuts at the limit', async () => {
    const solutions = [
      solution('s3'),
      solution('s1'),
      solution('s2', { scenarios: ['energy'] }),
      solution('s4', { industries: ['air_cooling'] }),
      solution('s1', { title: '重复的候选' }),
    ];
    const matcher = new Matcher(new AllCandidates(solutions, []), providerSource([provider('p1')]), WEIGHTS);
    const ranked = await matcher.matchNeed(need(), { limit: 20 });
    expect(ranked.map((m) => m.solution.id)).toEqual(['s1', 's3', 's4', 's2']);
    expect(ranked[0].solution.title).toBe('数控机床设备联网与OEE看板');
    expect(ranked[0].score).toBe(ranked[1].score);
    expect((await matcher.matchNeed(need(), { limit: 2 })).map((m) => m.solution.id)).toEqual(['s1', 's3']);
  });

  it('adds included objects (fresher than the source) and keeps only what `only` accepts', async () => {
    const source = [solution('s1', { title: '旧标题' }), solution('s2', { providerId: 'p2' })];
    const matcher = new Matcher(new AllCandidates(source, []), providerSource([provider('p1'), provider('p2')]), WEIGHTS);
    const fresh = solution('s1', { title: '数控车间设备联网' });
    const extra = solution('s9', { providerId: 'p2' });
    const ranked = await matcher.matchNeed(need(), { limit: 20, include: [fresh, extra] });
    expect(ranked.find((m) => m.solution.id === 's1')!.solution.title).toBe('数控车间设备联网');
    expect(ranked.map((m) => m.solution.id).sort()).toEqual(['s1', 's2', 's9']);
    const mine = await matcher.matchNeed(need(), { limit: 20, include: [extra], only: (s) => s.providerId === 'p2' });
    expect(mine.map((m) => m.solution.id).sort()).toEqual(['s2', 's9']);
  });

  it("scores a pair alike from either side, and finds a solution's needs", async () => {
    const needs = [need(), need({ id: 'n2', scenarios: ['energy'] }), need({ id: 'n3', status: 'cancelled' })];
    const matcher = new Matcher(new AllCandidates([solution('s1')], needs), providerSource([provider('p1')]), WEIGHTS);
    const fromSolution = await matcher.matchSolution(solution('s1'), { limit: 20 });
    expect(fromSolution.map((m) => m.need.id)).toEqual(['n1', 'n2']);
    const fromNeed = await matcher.matchNeed(need(), { limit: 20 });
    expect(fromSolution[0].score).toBe(fromNeed[0].score);
    expect(fromSolution[0].breakdown).toEqual(fromNeed[0].breakdown);
    expect(fromSolution[0].reasons).toEqual(fromNeed[0].reasons);
    expect(await matcher.matchSolution(solution('s1', { status: 'delisted' }), { limit: 20 })).toEqual([]);
    const suspended = new Matcher(new AllCandidates([], needs), providerSource([provider('p1', { status: 'suspended' })]), WEIGHTS);
    expect(await suspended.matchSolution(solution('s1'), { limit: 20 })).toEqual([]);
  });

  it('sees an edited need or solution text, although it keeps prepared texts', async () => {
    const matcher = new Matcher(new AllCandidates([solution('s1')], []), providerSource([provider('p1')]), WEIGHTS);
    const before = (await matcher.matchNeed(need(), { limit: 1 }))[0];
    const renamed = (await matcher.matchNeed(need({ title: '仓储物流条码管理', description: '库位管理与盘点' }), { limit: 1 }))[0];
    expect(renamed.breakdown.text).toBeLessThan(before.breakdown.text);
    const edited = new Matcher(
      new AllCandidates([solution('s1', { description: '与需求无关的文字' })], []),
      providerSource([provider('p1')]),
      WEIGHTS,
    );
    expect((await edited.matchNeed(need(), { limit: 1 }))[0].breakdown.text).toBeLessThan(before.breakdown.text);
  });

  it('skips reading texts only where that cannot change the result: the same as scoring every pair', async () => {
    const scenarios = ['device_networking', 'data_collection', 'equipment', 'energy', 'quality'];
    const words = ['数控', '联网', '采集', 'OEE', '能耗', '质量', '看板', '报警', '仓储', '排产'];
    const text = fc.array(fc.constantFrom(...words), { maxLength: 6 }).map((w) => w.join('，'));
    const arbSolution = fc.record({
      title: text,
      description: text,
      scenarios: fc.subarray(scenarios, { minLength: 1 }),
      industries: fc.subarray(['machine_tool', 'air_cooling', 'transmission'], { minLength: 1 }),
      priceMinFen: fc.integer({ min: 0, max: 40 }).map((w) => w * 1_000_000),
      span: fc.integer({ min: 0, max: 20 }).map((w) => w * 1_000_000),
      deployDays: fc.integer({ min: 1, max: 120 }),
      levels: fc.subarray([1, 2, 3, 4], { minLength: 1 }),
      provider: fc.constantFrom('p1', 'p2', 'p3'),
    });
    const arbNeed = fc.record({
      title: text,
      description: text,
      scenarios: fc.subarray(scenarios, { minLength: 1 }),
      budgetFen: fc.integer({ min: 0, max: 40 }).map((w) => w * 1_000_000),
      expectedDays: fc.integer({ min: 1, max: 120 }),
      digitalLevel: fc.constantFrom(null, 1, 2, 3, 4),
    });
    const providers = [
      provider('p1', { districts: ['tiexi'] }),
      provider('p2', { districts: ['hunnan'], record: { ...NEW_RECORD, acceptancePassRate: 0.9, completedProjects: 12 } }),
      provider('p3', {
        districts: ['tiexi', 'hunnan'],
        record: { ...NEW_RECORD, acceptancePassRate: 0.5, completedProjects: 4, noShows: 2 },
      }),
    ];
    await fc.assert(
      fc.asyncProperty(
        arbNeed,
        fc.array(arbSolution, { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 1, max: 8 }),
        async (n, list, limit) => {
          const theNeed = need({ ...n, title: n.title || '需求', description: n.description });
          const solutions = list.map((s, i) =>
            solution(`s${String(i).padStart(2, '0')}`, {
              title: s.title,
              description: s.description,
              summary: '',
              scenarios: s.scenarios,
              industries: s.industries,
              priceMinFen: s.priceMinFen,
              priceMaxFen: s.priceMinFen + s.span,
              deployDays: s.deployDays,
              levels: s.levels,
              providerId: s.provider,
            }),
          );
          const matcher = new Matcher(new AllCandidates(solutions, []), providerSource(providers), WEIGHTS);
          const ranked = await matcher.matchNeed(theNeed, { limit });
          const prepared = prepareNeed(theNeed);
          const brute = solutions
            .map((s) => ({
              id: s.id,
              ...scorePair(
                prepared,
                s,
                providers.find((p) => p.id === s.providerId)!,
                WEIGHTS,
              ),
            }))
            .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1))
            .slice(0, limit);
          expect(ranked.map((m) => m.solution.id)).toEqual(brute.map((b) => b.id));
          // Ranked first and explained on demand: the same scores, and the same matches once explained.
          const unexplained = await matcher.rankNeed(theNeed, { limit });
          expect(unexplained.map((r) => r.score)).toEqual(ranked.map((m) => m.score));
          expect(unexplained.map((r) => r.explain())).toEqual(ranked);
          for (const [i, m] of ranked.entries()) {
            expect(m.score).toBe(brute[i].score);
            const sum = MATCH_FACTORS.reduce((a, f) => a + m.breakdown[f], 0);
            expect(Math.abs(sum - m.score)).toBeLessThan(1e-9);
          }
        },
      ),
      { numRuns: 60, seed: 20240312 },
    );
  });

  it("places a solution among a need's best exactly where re-ranking each of its best needs in full does", async () => {
    // Few distinct values, so that equal scores (ranked by id) are common.
    const scenarios = ['device_networking', 'data_collection', 'equipment', 'energy'];
    const words = ['数控', '联网', '采集', 'OEE', '能耗', '看板'];
    const text = fc.array(fc.constantFrom(...words), { maxLength: 4 }).map((w) => w.join('，'));
    const arbSolution = fc.record({
      title: text,
      scenarios: fc.subarray(scenarios, { minLength: 1 }),
      industries: fc.subarray(['machine_tool', 'air_cooling'], { minLength: 1 }),
      priceMinFen: fc.constantFrom(5_000_000, 10_000_000, 20_000_000),
      deployDays: fc.constantFrom(20, 45, 90),
      levels: fc.subarray([1, 2, 3], { minLength: 1 }),
      provider: fc.constantFrom('p1', 'p2', 'p3', 'p4'),
      status: fc.constantFrom('published', 'published', 'published', 'published', 'draft'),
      copies: fc.integer({ min: 1, max: 3 }),
    });
    const arbNeed = fc.record({
      title: text,
      description: text,
      scenarios: fc.subarray(scenarios, { minLength: 1 }),
      industry: fc.constantFrom('machine_tool', 'air_cooling'),
      budgetFen: fc.constantFrom(8_000_000, 15_000_000),
      expectedDays: fc.constantFrom(30, 60),
      digitalLevel: fc.constantFrom(null, 1, 2, 3),
      district: fc.constantFrom('tiexi', 'hunnan'),
      status: fc.constantFrom('published', 'published', 'published', 'awarded'),
    });
    const providers = [
      provider('p1', { districts: ['tiexi'] }),
      provider('p2', { districts: ['hunnan'], record: { ...NEW_RECORD, acceptancePassRate: 0.9, completedProjects: 12 } }),
      provider('p3', { districts: ['tiexi', 'hunnan'], record: { ...NEW_RECORD, acceptancePassRate: 0.5, completedProjects: 4 } }),
      provider('p4', { status: 'suspended' }),
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.array(arbNeed, { minLength: 1, maxLength: 25 }),
        fc.array(arbSolution, { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 1, max: 6 }),
        fc.constantFrom(0, 0.5, 0.6, 0.7),
        async (needList, solutionList, limit, minScore) => {
          const needs = needList.map((n, i) => need({ ...n, id: `n${String(i).padStart(2, '0')}` }));
          // Copies score alike: only their ids rank them.
          const solutions = solutionList.flatMap(({ copies, provider: providerId, ...s }, i) =>
            Array.from({ length: copies }, (_, copy) =>
              solution(`s${copy}${String(i).padStart(2, '0')}`, {
                ...s,
                summary: '',
                description: '',
                priceMaxFen: s.priceMinFen * 2,
                providerId,
              }),
            ),
          );
          // The catalogue's copy of the first solution is stale: the fresh one is what is placed, as after an edit.
          const catalogue = [{ ...solutions[0]!, title: '旧标题' }, ...solutions.slice(1)];
          const matcher = new Matcher(new AllCandidates(catalogue, needs), providerSource(providers), WEIGHTS);
          for (const s of solutions) {
            const full: { need: NeedFacts; match: SolutionMatch }[] = [];
            for (const { need: n, score } of await matcher.matchSolution(s, { limit })) {
              if (score < minScore) continue;
              const mine = (await matcher.matchNeed(n, { limit, include: [s] })).find((m) => m.solution.id === s.id);
              if (mine && mine.score >= minScore) full.push({ need: n, match: mine });
            }
            expect(await matcher.needsRankingSolution(s, { limit, minScore })).toEqual(full);
          }
        },
      ),
      { numRuns: 80, seed: 20261206 },
    );
  });
});

import { CAPABILITIES, Random, composeNeed, composeSolution, flavourOf } from '@smedx/demo';
import { DEFAULT_MATCH_WEIGHTS, EmbeddedSearchEngine, normaliseMatchWeights } from '@smedx/platform';
import type { SearchDocument, SearchEngine } from '@smedx/platform';
import { NEED_INDEX_SETTINGS, NEEDS_INDEX, SOLUTION_INDEX_SETTINGS, SOLUTIONS_INDEX } from '@smedx/search';
import { DISTRICT_CODES, INDUSTRY_CODES } from '@smedx/taxonomy';
import type { NeedFacts, ProviderFacts, SolutionFacts } from './match-facts.js';
import { AllCandidates, Matcher } from './matcher.js';
import type { ProviderSource } from './matcher.js';
import { DEFAULT_PROBE_LIMITS, SearchCandidates, probeText } from './search-candidates.js';

const WEIGHTS = normaliseMatchWeights(DEFAULT_MATCH_WEIGHTS);
const SOLUTIONS = 3000;
const NEEDS = 40;

/** Demo-composed solutions, needs and providers, indexed as the search context would index them. */
async function world(): Promise<{ engine: SearchEngine; solutions: SolutionFacts[]; needs: NeedFacts[]; providers: ProviderSource }> {
  const rng = new Random(11);
  const providers = new Map<string, ProviderFacts>();
  for (let i = 0; i < 80; i++) {
    const id = `p${i}`;
    const projects = rng.int(0, 20);
    providers.set(id, {
      id,
      name: `服务商${i}`,
      status: 'approved',
      districts: rng.sample(DISTRICT_CODES, rng.int(1, 3)),
      record: {
        acceptancePassRate: projects ? rng.float(0.5, 1) : null,
        completedProjects: projects,
        ratingAverage: null,
        ratingCount: 0,
        noShows: 0,
      },
    });
  }
  const solutions: SolutionFacts[] = Array.from({ length: SOLUTIONS }, (_, i) => {
    const providerId = `p${rng.int(0, 79)}`;
    const s = composeSolution(rng);
    return { id: `s${String(i).padStart(5, '0')}`, ...s, providerId, providerName: providers.get(providerId)!.name, status: 'published' };
  });
  const needs: NeedFacts[] = Array.from({ length: NEEDS }, (_, i) => {
    const industry = rng.pick(INDUSTRY_CODES);
    const district = rng.pick(DISTRICT_CODES);
    const n = composeNeed(
      rng,
      {
        industry,
        district,
        scale: 'above',
        employees: 200,
        annualRevenueFen: 5_000_000_000,
        product: rng.pick(flavourOf(industry).products),
      },
      { capability: rng.pick(CAPABILITIES) },
    );
    return {
      id: `n${i}`,
      ...n,
      enterpriseId: 'e1',
      enterpriseName: '测试企业',
      industry,
      district,
      digitalLevel: rng.pick([null, 1, 2, 3]),
      status: 'published',
    };
  });
  const engine = new EmbeddedSearchEngine();
  await engine.ensureIndex(SOLUTIONS_INDEX, SOLUTION_INDEX_SETTINGS);
  await engine.ensureIndex(NEEDS_INDEX, NEED_INDEX_SETTINGS);
  await engine.upsert(
    SOLUTIONS_INDEX,
    solutions.map((s): SearchDocument => ({ ...s, providerDistricts: providers.get(s.providerId)!.districts })),
  );
  await engine.upsert(
    NEEDS_INDEX,
    needs.map((n): SearchDocument => ({ ...n })),
  );
  const source: ProviderSource = {
    providers: async (ids) =>
      new Map(ids.flatMap((id): [string, ProviderFacts][] => (providers.has(id) ? [[id, providers.get(id)!]] : []))),
  };
  return { engine, solutions, needs, providers: source };
}

describe('SearchCandidates', () => {
  let w: Awaited<ReturnType<typeof world>>;

  beforeAll(async () => {
    w = await world();
  }, 60_000);

  it('finds, from a few probes, nearly every solution the exhaustive scorer ranks in the top 20', async () => {
    const probed = new Matcher(new SearchCandidates(w.engine, { ...DEFAULT_PROBE_LIMITS, readAllUpTo: 0 }), w.providers, WEIGHTS);
    const exhaustive = new Matcher(new AllCandidates(w.solutions, w.needs), w.providers, WEIGHTS);
    let recall = 0;
    for (const need of w.needs) {
      const truth = await exhaustive.matchNeed(need, { limit: 20 });
      const found = new Map((await probed.matchNeed(need, { limit: 20 })).map((m) => [m.solution.id, m.score]));
      recall += truth.filter((m) => found.has(m.solution.id)).length / truth.length;
      // What both find, both score alike.
      for (const m of truth) if (found.has(m.solution.id)) expect(found.get(m.solution.id)).toBe(m.score);
    }
    expect(recall / w.needs.length).toBeGreaterThanOrEqual(0.95);
  });

  it('reads a small index whole: then it ranks exactly as the exhaustive scorer', async () => {
    const small = new Matcher(new SearchCandidates(w.engine, { ...DEFAULT_PROBE_LIMITS, readAllUpTo: 1000 }), w.providers, WEIGHTS);
    const candidates = new SearchCandidates(w.engine, { ...DEFAULT_PROBE_LIMITS, readAllUpTo: 1000 });
    expect(
      await candidates.needsFor(w.solutions[0], (await w.providers.providers([w.solutions[0].providerId])).get(w.solutions[0].providerId)!),
    ).toHaveLength(NEEDS);
    const exhaustive = new Matcher(new AllCandidates(w.solutions, w.needs), w.providers, WEIGHTS);
    for (const s of w.solutions.slice(0, 5)) {
      const a = await small.matchSolution(s, { limit: 10 });
      const b = await exhaustive.matchSolution(s, { limit: 10 });
      expect(a.map((m) => [m.need.id, m.score])).toEqual(b.map((m) => [m.need.id, m.score]));
    }
  });

  it("lists a provider's own solutions", async () => {
    const candidates = new SearchCandidates(w.engine);
    const own = await candidates.solutionsOf(['p1', 'p2'], 1000);
    expect(own.length).toBe(w.solutions.filter((s) => s.providerId === 'p1' || s.providerId === 'p2').length);
    expect(await candidates.solutionsOf([], 10)).toEqual([]);
  });

  it('queries with the need keywords, title first, without words inside other words', () => {
    const text = probeText(w.needs[0]).split(' ');
    expect(text.length).toBeGreaterThan(0);
    expect(text.length).toBeLessThanOrEqual(16);
    for (const word of text) expect(text.some((other) => other !== word && other.includes(word))).toBe(false);
  });
});

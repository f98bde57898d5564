import {
  CAPABILITIES,
  Random,
  capabilitiesFor,
  composeNeed,
  composeSolution,
  flavourOf,
  makeEnterpriseName,
  makeProviderName,
  pickCapability,
} from '@smedx/demo';
import type { Capability } from '@smedx/demo';
import type { NeedFacts, ProviderFacts, SolutionFacts } from '@smedx/matching';
import type { SearchDocument } from '@smedx/platform';
import { DISTRICT_CODES, INDUSTRY_CODES } from '@smedx/taxonomy';
import type { ProviderKindCode } from '@smedx/taxonomy';

/**
 * The matching benchmark's data, made with the demo generator's composers
 * (the same texts, scenario sets, price and day bands as the demo), at a
 * size the demo's own data set does not reach. Seeded: the same on every machine.
 *
 * Only what the search index would hold is made: published solutions of
 * approved providers, and published needs.
 */
export interface MatchDataset {
  providers: Map<string, ProviderFacts>;
  solutions: SolutionFacts[];
  needs: NeedFacts[];
  solutionDocs(): Iterable<SearchDocument[]>;
  needDocs(): Iterable<SearchDocument[]>;
}

export interface DatasetSize {
  solutions: number;
  needs: number;
  seed?: number;
  /** How many providers share the solutions (default one per 40 solutions). */
  providers?: number;
}

const INDUSTRY_WEIGHTS = [22, 24, 21, 10, 10, 8, 5];
const DISTRICT_WEIGHTS: Record<string, number> = { tiexi: 22, hunnan: 15, huanggu: 9, heping: 8, shenhe: 8 };
const LEVEL_WEIGHTS = [30, 40, 20, 5];
/** Enterprises whose level nobody has assessed yet. */
const UNASSESSED = 0.1;
const SOLUTIONS_PER_PROVIDER = 40;
const NEEDS_PER_ENTERPRISE = 5;
const BATCH = 5000;

const id = (prefix: string, n: number): string => `${prefix}-${String(n).padStart(7, '0')}`;

export function generateMatchDataset(size: DatasetSize): MatchDataset {
  const rng = new Random(size.seed ?? 20240312);
  const districtWeights = DISTRICT_CODES.map((d) => DISTRICT_WEIGHTS[d] ?? 2);

  const providerCount = size.providers ?? Math.max(1, Math.ceil(size.solutions / SOLUTIONS_PER_PROVIDER));
  const providers = new Map<string, ProviderFacts>();
  const specialties = new Map<string, { kind: ProviderKindCode; capabilities: Capability[]; weight: number }>();
  for (let i = 1; i <= providerCount; i++) {
    const kind: ProviderKindCode = rng.chance(0.4) ? 'integrator' : 'product';
    const home = rng.weighted(DISTRICT_CODES, districtWeights);
    const others = rng.sample(
      DISTRICT_CODES.filter((d) => d !== home),
      rng.int(0, 3),
    );
    const projects = rng.chance(0.3) ? 0 : rng.int(1, 40);
    const ratings = projects === 0 ? 0 : rng.int(0, projects);
    const provider: ProviderFacts = {
      id: id('p', i),
      name: makeProviderName(rng, kind),
      status: 'approved',
      districts: [home, ...others],
      record: {
        completedProjects: projects,
        acceptancePassRate: projects === 0 ? null : Math.round(rng.float(0.55, 1) * 100) / 100,
        ratingCount: ratings,
        ratingAverage: ratings === 0 ? null : Math.round(rng.float(3, 5) * 10) / 10,
        noShows: rng.chance(0.1) ? rng.int(1, 3) : 0,
      },
    };
    providers.set(provider.id, provider);
    const pool = [...capabilitiesFor(kind)];
    const capabilities: Capability[] = [];
    for (let k = rng.int(2, 3); k > 0 && pool.length; k--) {
      const c = pickCapability(rng, pool);
      capabilities.push(c);
      pool.splice(pool.indexOf(c), 1);
    }
    specialties.set(provider.id, { kind, capabilities, weight: rng.float(0.5, 3) });
  }

  const providerList = [...providers.values()];
  const providerWeights = providerList.map((p) => specialties.get(p.id)!.weight);
  const solutions: SolutionFacts[] = [];
  const extras = new Map<string, { deliveryMode: string; providerKind: string }>();
  for (let i = 1; i <= size.solutions; i++) {
    const provider = rng.weighted(providerList, providerWeights);
    const mine = specialties.get(provider.id)!;
    const capability = rng.chance(0.85) ? pickCapability(rng, mine.capabilities) : pickCapability(rng, CAPABILITIES);
    const s = composeSolution(rng, { capability });
    const solution: SolutionFacts = {
      id: id('s', i),
      title: s.title,
      summary: s.summary,
      description: s.description,
      scenarios: s.scenarios,
      industries: s.industries,
      priceMinFen: s.priceMinFen,
      priceMaxFen: s.priceMaxFen,
      deployDays: s.deployDays,
      levels: s.levels,
      providerId: provider.id,
      providerName: provider.name,
      status: 'published',
    };
    solutions.push(solution);
    extras.set(solution.id, { deliveryMode: s.deliveryMode, providerKind: mine.kind });
  }

  const enterpriseCount = Math.max(1, Math.ceil(size.needs / NEEDS_PER_ENTERPRISE));
  const needs: NeedFacts[] = [];
  const enterprises = Array.from({ length: enterpriseCount }, (_, i) => {
    const industry = rng.weighted(INDUSTRY_CODES, INDUSTRY_WEIGHTS);
    const district = rng.weighted(DISTRICT_CODES, districtWeights);
    const scale: 'above' | 'below' = rng.chance(0.6) ? 'above' : 'below';
    return {
      id: id('e', i + 1),
      name: makeEnterpriseName(rng, industry, district),
      industry,
      district,
      scale,
      employees: scale === 'above' ? rng.int(60, 950) : rng.int(8, 150),
      annualRevenueFen: (scale === 'above' ? rng.int(2000, 38000) : rng.int(300, 1990)) * 1_000_000,
      product: rng.pick(flavourOf(industry).products),
      level: rng.chance(UNASSESSED) ? null : rng.weighted([1, 2, 3, 4], LEVEL_WEIGHTS),
    };
  });
  for (let i = 1; i <= size.needs; i++) {
    const e = rng.pick(enterprises);
    // Less digitised firms ask for basics, more digitised ones for advanced offerings (as the demo).
    const level = e.level ?? 2;
    const capability = rng.weighted(
      CAPABILITIES,
      CAPABILITIES.map((c) => c.weight * (level >= c.levels[0] && level <= c.levels[1] ? 1.5 : 0.4)),
    );
    const n = composeNeed(rng, e, { capability });
    needs.push({
      id: id('n', i),
      title: n.title,
      description: n.description,
      scenarios: n.scenarios,
      budgetFen: n.budgetFen,
      expectedDays: n.expectedDays,
      enterpriseId: e.id,
      enterpriseName: e.name,
      industry: e.industry,
      district: e.district,
      digitalLevel: e.level,
      status: 'published',
    });
  }

  const publishedAt = Date.UTC(2024, 6, 1);
  return {
    providers,
    solutions,
    needs,
    *solutionDocs() {
      for (let i = 0; i < solutions.length; i += BATCH) {
        yield solutions.slice(i, i + BATCH).map((s): SearchDocument => {
          const provider = providers.get(s.providerId)!;
          const extra = extras.get(s.id)!;
          return {
            ...s,
            deliveryMode: extra.deliveryMode,
            providerKind: extra.providerKind,
            providerDistricts: provider.districts,
            providerStatus: provider.status,
            publishedAt,
          };
        });
      }
    },
    *needDocs() {
      for (let i = 0; i < needs.length; i += BATCH) {
        yield needs.slice(i, i + BATCH).map((n): SearchDocument => ({ ...n, bidDeadline: publishedAt + 30 * 86_400_000, publishedAt }));
      }
    },
  };
}

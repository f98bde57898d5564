import { DISTRICT_CODES, DISTRICTS, INDUSTRY_CODES, makeUscc, type DigitalLevel } from '@smedx/taxonomy';
import { capabilityByKey, CAPABILITIES, type Capability } from './capabilities.js';
import {
  capabilitiesFor,
  composeCaseSummary,
  composeNeed,
  composeProviderDescription,
  composeSolution,
  flavourOf,
  makeEnterpriseName,
  makePersonName,
  makeProviderName,
  pickCapability,
} from './compose.js';
import { Random } from './random.js';

export type DemoRole = 'admin' | 'city_officer' | 'district_officer' | 'assessor' | 'organizer';

export interface DemoUser {
  key: string;
  email: string;
  password: string;
  displayName: string;
  roles: { role: DemoRole; district?: string }[];
}

export interface DemoEnterprise {
  key: string;
  ownerKey: string;
  name: string;
  uscc: string;
  industry: string;
  district: string;
  scale: 'above' | 'below';
  employees: number;
  annualRevenueFen: number;
  isLittleGiantFunded: boolean;
  inPilot2022: boolean;
  isSpecialised: boolean;
  digitalLevel: DigitalLevel;
}

export interface DemoProvider {
  key: string;
  ownerKey: string;
  name: string;
  uscc: string;
  kind: 'integrator' | 'product';
  districts: string[];
  description: string;
  decision: 'approve' | 'reject' | 'pending' | 'suspend';
}

export interface DemoSolution {
  key: string;
  providerKey: string;
  title: string;
  summary: string;
  description: string;
  scenarios: string[];
  industries: string[];
  priceMinFen: number;
  priceMaxFen: number;
  deployDays: number;
  deliveryMode: 'saas' | 'private' | 'hybrid';
  levels: number[];
  cases: { enterpriseName: string; summary: string }[];
  publish: boolean;
}

export interface DemoNeed {
  key: string;
  enterpriseKey: string;
  title: string;
  description: string;
  scenarios: string[];
  budgetFen: number;
  expectedDays: number;
  bidDeadlineDaysFromNow: number;
  publish: boolean;
}

export interface DemoDataset {
  users: DemoUser[];
  enterprises: DemoEnterprise[];
  providers: DemoProvider[];
  solutions: DemoSolution[];
  needs: DemoNeed[];
}

export interface DemoOptions {
  seed?: number;
  enterprises?: number;
  providers?: number;
  solutions?: number;
  needs?: number;
}

export const DEMO_PASSWORD = 'demo-pass-2024';
export const DEMO_EMAIL_DOMAIN = 'demo.smedx.cn';
/** The plan's publication date, so the default data set is stable across releases of this file. */
export const DEFAULT_DEMO_SEED = 20240312;

export const DEMO_DEFAULTS: Required<DemoOptions> = Object.freeze({
  seed: DEFAULT_DEMO_SEED,
  enterprises: 240,
  providers: 48,
  solutions: 180,
  needs: 180,
});

/** Share of providers left unapproved (pending, rejected, suspended). */
const PROVIDER_UNAPPROVED_SHARE = 0.125;
/** Share of solutions and needs kept as drafts. */
const SOLUTION_DRAFT_SHARE = 0.05;
const NEED_DRAFT_SHARE = 0.1;

/** The three pilot industries get most enterprises; the plan's "3+N" order. */
const INDUSTRY_WEIGHTS: Readonly<Record<string, number>> = {
  air_cooling: 22,
  machine_tool: 24,
  transmission: 21,
  general_equipment: 10,
  auto_parts: 10,
  power_distribution: 8,
  related: 5,
};

/** Where manufacturers sit: 铁西 (equipment hub), 浑南, 皇姑, 沈河, 和平 most, as the plan names them. */
const DISTRICT_WEIGHTS: Readonly<Record<string, number>> = {
  heping: 8,
  shenhe: 8,
  dadong: 5,
  huanggu: 9,
  tiexi: 22,
  sujiatun: 4,
  hunnan: 15,
  shenbei: 5,
  yuhong: 5,
  liaozhong: 3,
  kangping: 2,
  faku: 2,
  xinmin: 3,
};

/** Extra pull of an industry towards some districts (machine tools in 铁西, auto parts in 大东…). */
const INDUSTRY_DISTRICT_BOOST: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  machine_tool: { tiexi: 2 },
  auto_parts: { dadong: 2, tiexi: 1.5 },
  transmission: { tiexi: 1.5, yuhong: 2 },
  air_cooling: { hunnan: 1.5, shenbei: 2 },
  power_distribution: { hunnan: 1.5, sujiatun: 2 },
};

/** Providers are encouraged to settle in 浑南、铁西、和平、沈河、皇姑. */
const PROVIDER_DISTRICT_WEIGHTS: Readonly<Record<string, number>> = {
  heping: 12,
  shenhe: 10,
  dadong: 3,
  huanggu: 9,
  tiexi: 14,
  sujiatun: 1,
  hunnan: 22,
  shenbei: 3,
  yuhong: 2,
  liaozhong: 1,
  kangping: 1,
  faku: 1,
  xinmin: 1,
};

const pad = (i: number): string => String(i).padStart(3, '0');
const email = (local: string): string => `${local}@${DEMO_EMAIL_DOMAIN}`;

function user(local: string, displayName: string, roles: DemoUser['roles'] = []): DemoUser {
  return { key: `u-${local}`, email: email(local), password: DEMO_PASSWORD, displayName, roles };
}

function weightsOf(codes: readonly string[], table: Readonly<Record<string, number>>): number[] {
  return codes.map((c) => table[c] ?? 1);
}

/**
 * Makes every code appear at least once when there is room, by overwriting positions (never
 * the protected first ones) that hold a code appearing more than once.
 */
function ensureCoverage(rng: Random, values: string[], codes: readonly string[], protectedPrefix: number): void {
  if (values.length - protectedPrefix < codes.length) return;
  for (const code of codes) {
    if (values.includes(code)) continue;
    const counts = new Map<string, number>();
    for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
    const candidates: number[] = [];
    for (let i = protectedPrefix; i < values.length; i += 1) if (counts.get(values[i]!)! > 1) candidates.push(i);
    values[rng.pick(candidates)] = code;
  }
}

function uniqueSerials(rng: Random, count: number, taken: Set<number>): number[] {
  const out: number[] = [];
  while (out.length < count) {
    const n = rng.int(0, 887_503_680);
    if (taken.has(n)) continue;
    taken.add(n);
    out.push(n);
  }
  return out;
}

function uniqueText(make: () => string, taken: Set<string>, fallback: (base: string, attempt: number) => string): string {
  let candidate = make();
  for (let attempt = 0; taken.has(candidate) && attempt < 40; attempt += 1) candidate = make();
  for (let attempt = 2; taken.has(candidate); attempt += 1) candidate = fallback(candidate, attempt);
  taken.add(candidate);
  return candidate;
}

const DISTRICT_ADMIN = new Map(DISTRICTS.map((d) => [d.code, d.adminCode]));

/**
 * A deterministic, realistic data set for demos and manual testing: the same options always
 * give the same data. Enterprise 1 belongs to `enterprise@demo.smedx.cn` (a 铁西 machine-tool
 * maker, eligible for the subsidy) and provider 1 to `provider@demo.smedx.cn` (approved);
 * the other owners are `e002@…`, `p002@…` and so on, all with password {@link DEMO_PASSWORD}.
 */
export function generateDemoDataset(options: DemoOptions = {}): DemoDataset {
  const o = { ...DEMO_DEFAULTS, ...options };
  for (const k of ['enterprises', 'providers', 'solutions', 'needs'] as const) {
    if (!Number.isInteger(o[k]) || o[k] < 0) throw new RangeError(`${k} must be a non-negative integer, got ${o[k]}`);
  }
  const rng = new Random(o.seed);
  const serials = new Set<number>();

  const users: DemoUser[] = [
    user('city', '市工信局·刘志强', [{ role: 'city_officer' }]),
    user('tiexi', '铁西区工信局·孙悦', [{ role: 'district_officer', district: 'tiexi' }]),
    user('hunnan', '浑南区工信局·周航', [{ role: 'district_officer', district: 'hunnan' }]),
    user('assessor', '评估专家·陈思远', [{ role: 'assessor' }]),
    user('organizer', '先进制造业服务中心·赵敏', [{ role: 'organizer' }]),
  ];

  const enterprises = makeEnterprises(rng, o.enterprises, serials, users);
  const { providers, specialties } = makeProviders(rng, o.providers, serials, users);
  const solutions = makeSolutions(rng, o.solutions, providers, specialties, enterprises);
  const needs = makeNeeds(rng, o.needs, enterprises);
  return { users, enterprises, providers, solutions, needs };
}

function makeEnterprises(rng: Random, count: number, serials: Set<number>, users: DemoUser[]): DemoEnterprise[] {
  const industries = Array.from({ length: count }, (_, i) =>
    i === 0 ? 'machine_tool' : rng.weighted(INDUSTRY_CODES, weightsOf(INDUSTRY_CODES, INDUSTRY_WEIGHTS)),
  );
  ensureCoverage(rng, industries, INDUSTRY_CODES, 1);
  const districts = industries.map((industry, i) => {
    if (i === 0) return 'tiexi';
    const boost = INDUSTRY_DISTRICT_BOOST[industry] ?? {};
    return rng.weighted(
      DISTRICT_CODES,
      DISTRICT_CODES.map((d) => (DISTRICT_WEIGHTS[d] ?? 1) * (boost[d] ?? 1)),
    );
  });
  ensureCoverage(rng, districts, DISTRICT_CODES, 1);
  const scales = industries.map((_, i): 'above' | 'below' => (i === 0 || rng.chance(0.6) ? 'above' : 'below'));

  // Flags: 20% specialised; 5% 小巨人, chosen among the specialised 规上; 5% in the 2022 pilot,
  // disjoint from 小巨人. Enterprise 1 keeps none, so the demo account can apply for the subsidy.
  const others = Array.from({ length: Math.max(0, count - 1) }, (_, i) => i + 1);
  const specialised = new Set(rng.sample(others, Math.round(count * 0.2)));
  const giantPool = [...specialised].sort((a, b) => (scales[a] === scales[b] ? a - b : scales[a] === 'above' ? -1 : 1));
  const littleGiants = new Set(giantPool.slice(0, Math.round(count * 0.05)));
  const pilot2022 = new Set(
    rng.sample(
      others.filter((i) => !littleGiants.has(i)),
      Math.round(count * 0.05),
    ),
  );

  const names = new Set<string>();
  const serialNumbers = uniqueSerials(rng, count, serials);
  return industries.map((industry, i) => {
    const key = `e${pad(i + 1)}`;
    const owner = user(i === 0 ? 'enterprise' : key, makePersonName(rng));
    users.push(owner);
    const district = districts[i]!;
    const scale = scales[i]!;
    const above = scale === 'above';
    // 规上 means revenue of at least 20 million CNY; SMEs stay under 1,000 staff and 400 million.
    const revenueWan = above ? Math.round(Math.exp(rng.float(Math.log(2000), Math.log(38000)))) : rng.int(300, 1990);
    const digitalLevel = rng.weighted<DigitalLevel>([1, 2, 3, 4], above ? [25, 45, 25, 5] : [55, 35, 9, 1]);
    return {
      key,
      ownerKey: owner.key,
      name: uniqueText(
        () => makeEnterpriseName(rng, industry, district),
        names,
        (base, n) => base.replace(/(股份有限公司|有限责任公司|有限公司)$/, `${n}$1`),
      ),
      uscc: makeUscc(serialNumbers[i]!, { regionCode: DISTRICT_ADMIN.get(district) }),
      industry,
      district,
      scale,
      employees: above ? rng.int(60, 950) : rng.int(8, 150),
      annualRevenueFen: revenueWan * 1_000_000,
      isLittleGiantFunded: littleGiants.has(i),
      inPilot2022: pilot2022.has(i),
      isSpecialised: specialised.has(i),
      digitalLevel: i === 0 ? 1 : digitalLevel,
    };
  });
}

function makeProviders(
  rng: Random,
  count: number,
  serials: Set<number>,
  users: DemoUser[],
): { providers: DemoProvider[]; specialties: Map<string, Capability[]> } {
  const unapproved = Math.floor(count * PROVIDER_UNAPPROVED_SHARE);
  const decisions: DemoProvider['decision'][] = Array.from({ length: count }, () => 'approve');
  const positions = rng.sample(
    Array.from({ length: Math.max(0, count - 1) }, (_, i) => i + 1),
    unapproved,
  );
  positions.forEach((p, n) => {
    decisions[p] = n % 4 === 3 ? 'suspend' : n % 2 === 0 ? 'pending' : 'reject';
  });

  const specialties = new Map<string, Capability[]>();
  const names = new Set<string>();
  const serialNumbers = uniqueSerials(rng, count, serials);
  const providers = decisions.map((decision, i): DemoProvider => {
    const key = `p${pad(i + 1)}`;
    const kind = i === 0 ? 'integrator' : rng.chance(0.4) ? 'integrator' : 'product';
    const owner = user(i === 0 ? 'provider' : key, makePersonName(rng));
    users.push(owner);
    const mine = i === 0 ? ['oee', 'energy', 'mes'].map(capabilityByKey) : distinct(rng, capabilitiesFor(kind), rng.int(2, 3));
    specialties.set(key, mine);
    const home = i === 0 ? 'hunnan' : rng.weighted(DISTRICT_CODES, weightsOf(DISTRICT_CODES, PROVIDER_DISTRICT_WEIGHTS));
    const served = rng.sample(
      DISTRICT_CODES.filter((d) => d !== home),
      rng.int(0, 3),
    );
    const name = uniqueText(
      () => makeProviderName(rng, kind),
      names,
      (base, n) => base.replace(/(股份有限公司|有限公司)$/, `${n}$1`),
    );
    return {
      key,
      ownerKey: owner.key,
      name,
      uscc: makeUscc(serialNumbers[i]!, { regionCode: DISTRICT_ADMIN.get(home) }),
      kind,
      districts: [home, ...served],
      description: composeProviderDescription(rng, {
        name,
        kind,
        specialties: mine,
        industries: rng.sample(INDUSTRY_CODES.slice(0, 3), rng.int(1, 2)).concat(rng.sample(INDUSTRY_CODES.slice(3), rng.int(0, 2))),
        districts: [home],
      }),
      decision,
    };
  });
  return { providers, specialties };
}

/** `k` distinct capabilities, drawn by weight. */
function distinct(rng: Random, among: readonly Capability[], k: number): Capability[] {
  const pool = [...among];
  const out: Capability[] = [];
  while (out.length < k && pool.length > 0) {
    const c = pickCapability(rng, pool);
    out.push(c);
    pool.splice(pool.indexOf(c), 1);
  }
  return out;
}

function makeSolutions(
  rng: Random,
  count: number,
  providers: readonly DemoProvider[],
  specialties: ReadonlyMap<string, Capability[]>,
  enterprises: readonly DemoEnterprise[],
): DemoSolution[] {
  const approved = providers.filter((p) => p.decision === 'approve');
  const drafts = approved.length === 0 ? count : Math.floor(count * SOLUTION_DRAFT_SHARE);
  const published = count - drafts;

  // Published solutions go to approved providers only: provider 1 (always approved) gets four,
  // every other approved provider one while there are enough, the rest by a per-provider "size".
  const owners: DemoProvider[] = [];
  if (published > 0) {
    const [lead, ...rest] = approved;
    for (let n = 0; n < 4 && owners.length < published; n += 1) owners.push(lead!);
    for (const p of rest) if (owners.length < published) owners.push(p);
    const sizes = approved.map(() => rng.float(0.5, 3));
    while (owners.length < published) owners.push(rng.weighted(approved, sizes));
  }
  const solutionOwners = rng.shuffle(owners);
  if (providers.length > 0) for (let n = 0; n < drafts; n += 1) solutionOwners.push(rng.pick(providers));

  // Each slot gets a capability, mostly one of its provider's specialties.
  const slots = solutionOwners.map((provider, i) => {
    const mine = specialties.get(provider.key) ?? [];
    const capability = mine.length > 0 && rng.chance(0.85) ? pickCapability(rng, mine) : pickCapability(rng, CAPABILITIES);
    return { provider, capability, publish: i < published, entry: false };
  });
  // The published catalogue covers every capability, so that every need finds candidates, and
  // the first offer of each is an entry-level one that the smallest plausible budget can afford.
  const live = slots.filter((slot) => slot.publish);
  if (live.length >= CAPABILITIES.length) {
    for (const c of CAPABILITIES) {
      if (live.some((slot) => slot.capability === c)) continue;
      const counts = new Map<Capability, number>();
      for (const slot of live) counts.set(slot.capability, (counts.get(slot.capability) ?? 0) + 1);
      const spare = live.filter((slot) => counts.get(slot.capability)! > 1);
      const fitting = spare.filter((slot) => specialties.get(slot.provider.key)?.includes(c));
      rng.pick(fitting.length > 0 ? fitting : spare).capability = c;
    }
  }
  const offered = new Set<Capability>();
  for (const slot of live) {
    if (offered.has(slot.capability)) continue;
    offered.add(slot.capability);
    slot.entry = true;
  }

  const byIndustry = new Map<string, DemoEnterprise[]>();
  for (const e of enterprises) {
    const list = byIndustry.get(e.industry);
    if (list) list.push(e);
    else byIndustry.set(e.industry, [e]);
  }
  const titles = new Set<string>();

  return slots.map(({ provider, capability, publish, entry }, i): DemoSolution => {
    let composed = composeSolution(rng, { capability, entry });
    for (let attempt = 0; titles.has(composed.title) && attempt < 40; attempt += 1) {
      composed = composeSolution(rng, { capability, entry });
    }
    let title = composed.title;
    for (let v = 2; titles.has(title); v += 1) title = `${composed.title}V${v}.0`;
    titles.add(title);

    // Cases come from enterprises of the solution's industries (distinct ones).
    const caseFirms = new Set<DemoEnterprise>();
    const caseCount = rng.int(1, 3);
    for (let attempt = 0; caseFirms.size < caseCount && attempt < caseCount * 4 && enterprises.length > 0; attempt += 1) {
      const pool = byIndustry.get(rng.pick(composed.industries)) ?? enterprises;
      caseFirms.add(rng.pick(pool));
    }
    const cases = [...caseFirms].map((e) => ({ enterpriseName: e.name, summary: composeCaseSummary(rng, composed.capability) }));
    return {
      key: `s${pad(i + 1)}`,
      providerKey: provider.key,
      title,
      summary: composed.summary,
      description: composed.description,
      scenarios: composed.scenarios,
      industries: composed.industries,
      priceMinFen: composed.priceMinFen,
      priceMaxFen: composed.priceMaxFen,
      deployDays: composed.deployDays,
      deliveryMode: composed.deliveryMode,
      levels: composed.levels,
      cases: cases.length > 0 ? cases : [{ enterpriseName: '沈阳某装备制造企业', summary: composeCaseSummary(rng, composed.capability) }],
      publish,
    };
  });
}

/** Less digitised firms ask for basics, more digitised ones for advanced offerings. */
function capabilityWeightsFor(level: DigitalLevel): number[] {
  return CAPABILITIES.map((c) => c.weight * (level >= c.levels[0] && level <= c.levels[1] ? 1.5 : 0.4));
}

function makeNeeds(rng: Random, count: number, enterprises: readonly DemoEnterprise[]): DemoNeed[] {
  if (enterprises.length === 0) return [];
  const drafts = Math.floor(count * NEED_DRAFT_SHARE);
  const first = enterprises[0]!;
  // Each enterprise makes one main product, so that all its needs speak of the same one.
  const products = new Map<string, string>();
  const productOf = (e: DemoEnterprise): string => {
    let product = products.get(e.key);
    if (product === undefined) {
      product = rng.pick(flavourOf(e.industry).products);
      products.set(e.key, product);
    }
    return product;
  };
  return Array.from({ length: count }, (_, i): DemoNeed => {
    // The demo enterprise account has a few needs of its own to show.
    const enterprise = i < 3 ? first : rng.pick(enterprises);
    const capability = i === 0 ? capabilityByKey('oee') : rng.weighted(CAPABILITIES, capabilityWeightsFor(enterprise.digitalLevel));
    const need = composeNeed(rng, { ...enterprise, product: productOf(enterprise) }, { capability });
    const publish = i < count - drafts;
    return {
      key: `n${pad(i + 1)}`,
      enterpriseKey: enterprise.key,
      title: need.title,
      description: need.description,
      scenarios: need.scenarios,
      budgetFen: need.budgetFen,
      expectedDays: need.expectedDays,
      bidDeadlineDaysFromNow: publish ? rng.int(10, 45) : rng.int(20, 60),
      publish,
    };
  });
}

import { DISTRICTS, INDUSTRY_CODES, nameOf, type DeliveryModeCode, type DigitalLevel, type ProviderKindCode } from '@smedx/taxonomy';
import { CAPABILITIES, type Capability } from './capabilities.js';
import type { Random } from './random.js';
import {
  BRAND_WORDS,
  COMPANY_SUFFIXES,
  DELIVERY_SENTENCES,
  DISTRICT_PREFIXES,
  EFFECT_SENTENCES,
  GIVEN_NAME_CHARS,
  INDUSTRY_FLAVOURS,
  NEED_CONSTRAINTS,
  NEED_EXTRAS,
  NEED_INTROS,
  PLACE_PREFIXES,
  PROVIDER_WORDS,
  SERVICE_SENTENCES,
  SURNAMES,
  TITLE_PACKS,
  type IndustryFlavour,
} from './vocabulary.js';

const FEN_PER_WAN = 1_000_000;

/**
 * Fills `{key}` from `vars` and `{a-b}` with a random integer in [a, b]. An unknown key throws,
 * so that a template typo fails the tests instead of leaking braces into the data.
 */
export function fill(rng: Random, template: string, vars: Readonly<Record<string, string | number>> = {}): string {
  return template.replace(/\{([^}]+)\}/g, (_, key: string) => {
    const range = /^(\d+)-(\d+)$/.exec(key);
    if (range) return String(rng.int(Number(range[1]), Number(range[2])));
    const value = vars[key];
    if (value === undefined) throw new Error(`no value for {${key}} in "${template}"`);
    return String(value);
  });
}

export function flavourOf(industry: string): IndustryFlavour {
  const flavour = INDUSTRY_FLAVOURS[industry];
  if (!flavour) throw new Error(`no vocabulary for industry '${industry}'`);
  return flavour;
}

/** A 万元 amount as written in Chinese text: at most one decimal, no trailing zero. */
export function formatWan(fen: number): string {
  return String(Math.round(fen / (FEN_PER_WAN / 10)) / 10);
}

/** A yearly revenue as people say it: "1.9亿元", "3300万元", "330万元". */
export function formatRevenue(fen: number): string {
  const wan = fen / FEN_PER_WAN;
  if (wan >= 10_000) return `${Math.round(wan / 1_000) / 10}亿元`;
  if (wan >= 1_000) return `${Math.round(wan / 100) * 100}万元`;
  return `${Math.max(10, Math.round(wan / 10) * 10)}万元`;
}

export function makePersonName(rng: Random): string {
  const given = rng.chance(0.7) ? rng.pick(GIVEN_NAME_CHARS) + rng.pick(GIVEN_NAME_CHARS) : rng.pick(GIVEN_NAME_CHARS);
  return rng.pick(SURNAMES) + given;
}

/** A manufacturer's name: place + trade name + industry word + legal form. */
export function makeEnterpriseName(rng: Random, industry: string, district: string): string {
  const local = DISTRICT_PREFIXES[district];
  const place = local && rng.chance(0.35) ? rng.pick(local) : rng.pick(PLACE_PREFIXES);
  const suffix = rng.weighted(
    COMPANY_SUFFIXES.map((s) => s.text),
    COMPANY_SUFFIXES.map((s) => s.weight),
  );
  return place + rng.pick(BRAND_WORDS) + rng.pick(flavourOf(industry).companyWords) + suffix;
}

/** A service provider's name. */
export function makeProviderName(rng: Random, kind: ProviderKindCode): string {
  const place = rng.pick(['沈阳', '沈阳', '沈阳', '辽宁', '辽宁', '盛京', '东北', '浑南']);
  const suffix = rng.chance(0.2) ? '股份有限公司' : '有限公司';
  return place + rng.pick(BRAND_WORDS) + rng.pick(PROVIDER_WORDS[kind]) + suffix;
}

/** Capabilities with the given provider kind among their usual providers. */
export function capabilitiesFor(kind: ProviderKindCode): Capability[] {
  return CAPABILITIES.filter((c) => c.kinds.includes(kind));
}

export function pickCapability(rng: Random, among: readonly Capability[] = CAPABILITIES): Capability {
  return rng.weighted(
    among,
    among.map((c) => c.weight),
  );
}

/** Two distinct effects of a capability, numbers filled in. */
function twoEffects(rng: Random, capability: Capability): [string, string] {
  const [a, b] = rng.sample(capability.effects, 2);
  return [fill(rng, a!), fill(rng, b ?? a!)];
}

export function composeProviderDescription(
  rng: Random,
  opts: {
    name: string;
    kind: ProviderKindCode;
    specialties: readonly Capability[];
    industries: readonly string[];
    districts: readonly string[];
  },
): string {
  const focus = opts.specialties.map((c) => c.focus).join('、');
  const kindName = opts.kind === 'integrator' ? '系统集成商' : '产品服务商';
  const industryNames = opts.industries.map((i) => flavourOf(i).short).join('、');
  const home = nameOf(DISTRICTS, opts.districts[0] ?? '') ?? '沈阳';
  const sentences = [
    `${opts.name}成立于${rng.int(2006, 2020)}年，总部位于沈阳市${home}，是一家专注于${focus}的数字化转型${kindName}。`,
    `公司现有研发及实施人员${rng.int(18, 220)}人，已为${rng.int(4, 40) * 10}余家制造企业提供数字化服务，客户主要集中在${industryNames}等行业。`,
    opts.kind === 'integrator'
      ? '可提供从评估诊断、方案设计到软硬件集成、上线运维的一站式服务，具备较强的现场工程实施能力。'
      : '核心产品均为自主研发，已形成标准化产品线，支持SaaS订阅和私有化部署，可按企业需求快速配置。',
  ];
  if (rng.chance(0.6)) {
    sentences.push(
      rng.pick([
        '公司是高新技术企业，通过ISO 9001质量管理体系和ISO 27001信息安全管理体系认证。',
        '公司具备CMMI三级认证，拥有软件著作权{20-90}项。',
        '公司是省级专精特新中小企业，参与过多项工业互联网试点示范项目。',
      ]),
    );
  }
  return fill(rng, sentences.join(''));
}

export interface ComposedSolution {
  capability: Capability;
  title: string;
  summary: string;
  description: string;
  scenarios: string[];
  industries: string[];
  priceMinFen: number;
  priceMaxFen: number;
  deployDays: number;
  deliveryMode: DeliveryModeCode;
  levels: DigitalLevel[];
  /** Two filled effects the texts use; handy for case summaries. */
  effects: [string, string];
}

/** Industries a solution made for `primary` plausibly also serves (equipment makers are alike). */
const KINDRED: Readonly<Record<string, readonly string[]>> = {
  air_cooling: ['general_equipment', 'power_distribution', 'related'],
  machine_tool: ['transmission', 'general_equipment', 'related'],
  transmission: ['machine_tool', 'general_equipment', 'auto_parts'],
  general_equipment: ['machine_tool', 'transmission', 'air_cooling', 'related'],
  auto_parts: ['transmission', 'related', 'general_equipment'],
  power_distribution: ['air_cooling', 'general_equipment', 'related'],
  related: ['general_equipment', 'machine_tool', 'auto_parts'],
};

/**
 * A catalogue entry of `capability` (picked by weight when absent) made for `industry`
 * (random when absent). Prices, days and levels stay within the capability's bands and the
 * programme's 小快轻准 range (2万–80万 CNY, 7–120 days).
 */
export function composeSolution(
  rng: Random,
  opts: {
    capability?: Capability;
    industry?: string;
    deliveryMode?: DeliveryModeCode;
    /** An entry-level offer: its lowest price sits in the bottom of the capability's band. */
    entry?: boolean;
  } = {},
): ComposedSolution {
  const capability = opts.capability ?? pickCapability(rng);
  const industry = opts.industry ?? rng.pick(INDUSTRY_CODES);
  const flavour = flavourOf(industry);
  const deliveryMode = opts.deliveryMode ?? rng.pick(capability.modes);

  const packs = rng.chance(0.5) ? TITLE_PACKS[deliveryMode] : TITLE_PACKS.any;
  const titleForm = rng.pick(capability.titles);
  let pack = rng.pick(packs);
  const obj = rng.pick(flavour.objects);
  // "WMSSaaS版" reads badly: after a Latin word, the SaaS pack goes in brackets.
  if (/[A-Za-z]\{pack\}$/.test(titleForm) && /^[A-Za-z]/.test(pack)) pack = '（SaaS）';
  // "通用设备" + "设备联网…" would say 设备 twice.
  const title = fill(rng, titleForm, { obj, ind: flavour.short, pack }).replace('设备设备', '设备');

  const effects = twoEffects(rng, capability);
  const vars = { obj, ind: flavour.short, e1: effects[0], e2: effects[1] };

  const [dayLo, dayHi] = capability.days;
  let deployDays = rng.int(dayLo, dayHi);
  if (deliveryMode === 'saas') deployDays = Math.round(deployDays * 0.6);
  deployDays = Math.min(120, Math.max(7, deployDays));

  const sentences: string[] = [];
  if (rng.chance(0.6)) sentences.push(rng.pick(capability.contexts));
  // Approaches read in their written order (what is installed, then what it does).
  const approaches = rng.chance(0.5) ? capability.approaches : [rng.pick(capability.approaches)];
  sentences.push(...approaches);
  if (rng.chance(0.6)) sentences.push(rng.pick(capability.features));
  sentences.push(rng.pick(DELIVERY_SENTENCES[deliveryMode]));
  sentences.push(rng.pick(EFFECT_SENTENCES));
  if (sentences.length < 6 && rng.chance(0.2)) sentences.push(rng.pick(SERVICE_SENTENCES));
  const description = sentences.map((s) => fill(rng, s, { ...vars, days: deployDays })).join('');

  // Price in whole thousands of yuan; SaaS is an annual fee, so it sits low in the band.
  const [wanLo, wanHi] = capability.priceWan;
  const hi = deliveryMode === 'saas' ? Math.max(wanLo, wanHi * 0.6) : wanHi;
  const lowest = Math.ceil(wanLo * 10);
  const minThousand = rng.int(lowest, Math.max(lowest, opts.entry ? Math.floor(wanLo * 15) : Math.floor(hi * 6)));
  const maxThousand = Math.min(Math.floor(hi * 10), Math.max(minThousand, Math.round(minThousand * rng.float(1.3, 2.5))));
  const priceMinFen = Math.max(20, Math.min(800, minThousand)) * (FEN_PER_WAN / 10);
  const priceMaxFen = Math.max(priceMinFen, Math.min(800, maxThousand) * (FEN_PER_WAN / 10));

  const [lvLo, lvHi] = capability.levels;
  const from = rng.int(lvLo, lvHi);
  const to = rng.int(from, Math.min(lvHi, from + 2));
  const levels: DigitalLevel[] = [];
  for (let l = from; l <= to; l += 1) levels.push(l as DigitalLevel);

  const kindred = rng.sample(KINDRED[industry] ?? [], rng.int(0, 2));

  return {
    capability,
    title,
    summary: fill(rng, rng.pick(capability.summaries), vars),
    description,
    scenarios: [...capability.scenarios],
    industries: [industry, ...kindred],
    priceMinFen,
    priceMaxFen,
    deployDays,
    deliveryMode,
    levels,
    effects,
  };
}

/** A case summary for a solution delivered to some enterprise. */
export function composeCaseSummary(rng: Random, capability: Capability): string {
  const [e1, e2] = twoEffects(rng, capability);
  return fill(rng, rng.pick(['上线{2-8}个月后{e1}，{e2}。', '项目验收时{e1}，{e2}。', '{e1}，{e2}，企业数字化水平提升一级。']), { e1, e2 });
}

export interface NeedContext {
  industry: string;
  /** What the enterprise makes; one of its industry's products when absent. */
  product?: string;
  district: string;
  scale: 'above' | 'below';
  employees: number;
  annualRevenueFen: number;
}

export interface ComposedNeed {
  capability: Capability;
  title: string;
  description: string;
  scenarios: string[];
  budgetFen: number;
  expectedDays: number;
}

const EXPECTED_DAYS = [15, 20, 30, 45, 60, 75, 90, 120];

/** A need as an enterprise writes it, asking for `capability` (picked by weight when absent). */
export function composeNeed(rng: Random, enterprise: NeedContext, opts: { capability?: Capability } = {}): ComposedNeed {
  const capability = opts.capability ?? pickCapability(rng);
  const flavour = flavourOf(enterprise.industry);
  const vars = {
    product: enterprise.product ?? rng.pick(flavour.products),
    machine: rng.pick(flavour.machines),
    process: rng.pick(flavour.processes),
    district: nameOf(DISTRICTS, enterprise.district) ?? '沈阳',
    employees: enterprise.employees,
    revenue: formatRevenue(enterprise.annualRevenueFen),
    scaleWord: enterprise.scale === 'above' ? '规模以上' : '小型',
  };

  // Budget in halves of 万元 inside the capability's price band, never at its very floor (where
  // hardly any offer sits); smaller firms aim lower.
  const [wanLo, wanHi] = capability.priceWan;
  const floor = Math.ceil(wanLo * 1.5 * 2);
  const top = enterprise.scale === 'above' ? wanHi * 0.9 : Math.max(wanLo * 1.5, wanHi * 0.5);
  const budgetHalfWan = rng.int(floor, Math.max(floor, Math.floor(top * 2)));
  const budgetFen = budgetHalfWan * (FEN_PER_WAN / 2);

  const [dayLo, dayHi] = capability.days;
  const fitting = EXPECTED_DAYS.filter((d) => d >= dayLo && d <= Math.max(dayHi, dayLo + 15));
  const expectedDays = fitting.length > 0 ? rng.pick(fitting) : dayHi;

  const scenarios = [...capability.scenarios];
  const sentences = [rng.pick(NEED_INTROS), rng.pick(capability.needPains), rng.pick(capability.needGoals)];
  if (scenarios.length < 4 && rng.chance(0.25)) {
    const extra = rng.pick(NEED_EXTRAS.filter((x) => !scenarios.includes(x.scenario)));
    scenarios.push(extra.scenario);
    sentences.push(extra.text);
  }
  sentences.push(rng.pick(NEED_CONSTRAINTS));
  const description = sentences.map((s) => fill(rng, s, { ...vars, budget: formatWan(budgetFen), days: expectedDays })).join('');

  return {
    capability,
    title: fill(rng, rng.pick(capability.needTitles), vars),
    description,
    scenarios,
    budgetFen,
    expectedDays,
  };
}

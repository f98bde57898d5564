import type { PairScoreInput, ScheduleInput } from '../../../libs/events/src/scheduler/index.js';

/** mulberry32: a small seeded generator, so every machine builds the same instances. */
export class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
}

export interface InstanceShape {
  enterprises: number;
  providers: number;
  slots: number;
  tables: number;
  /** Chance that an organisation attends a given slot. */
  availability: number;
  /** Requests per enterprise and per provider (at most). */
  enterpriseWants: number;
  providerWants: number;
  minPerEnterprise: number;
  maxPerProvider: number;
  /** Industries: a pair in the same industry scores higher, as real match scores do. */
  industries: number;
}

const id = (prefix: string, i: number) => `${prefix}${String(i).padStart(5, '0')}`;

/**
 * A random event: organisations in a few industries; scores higher within an
 * industry, with noise; a few popular providers drawing most requests (as at
 * a real event); each organisation missing some slots.
 */
export function randomInstance(rng: Rng, shape: InstanceShape): ScheduleInput {
  const enterprises = Array.from({ length: shape.enterprises }, (_, i) => id('e', i));
  const providers = Array.from({ length: shape.providers }, (_, i) => id('p', i));
  const industryOf = new Map<string, number>();
  for (const o of [...enterprises, ...providers]) industryOf.set(o, rng.int(0, shape.industries - 1));
  const availability: Record<string, number[]> = {};
  for (const o of [...enterprises, ...providers]) {
    const slots = Array.from({ length: shape.slots }, (_, s) => s).filter(() => rng.next() < shape.availability);
    availability[o] = slots.length ? slots : [rng.int(0, shape.slots - 1)];
  }
  const scores: PairScoreInput[] = [];
  for (const e of enterprises) {
    for (const p of providers) {
      const same = industryOf.get(e) === industryOf.get(p);
      const score = Math.max(0, Math.min(1, (same ? 0.55 : 0.2) + (rng.next() - 0.5) * 0.6));
      scores.push({ enterpriseId: e, providerId: p, score: Math.round(score * 1000) / 1000 });
    }
  }
  // Popularity: provider i is requested with weight 1/(i+1) (Zipf), enterprises alike.
  const zipf = (n: number) => {
    const weights = Array.from({ length: n }, (_, i) => 1 / (i + 1));
    const total = weights.reduce((a, b) => a + b, 0);
    return () => {
      let x = rng.next() * total;
      for (let i = 0; i < n; i++) {
        x -= weights[i];
        if (x <= 0) return i;
      }
      return n - 1;
    };
  };
  const popularProvider = zipf(shape.providers);
  const popularEnterprise = zipf(shape.enterprises);
  const wants: Record<string, string[]> = {};
  for (const e of enterprises) {
    const n = rng.int(0, shape.enterpriseWants);
    wants[e] = [...new Set(Array.from({ length: n }, () => providers[popularProvider()]))];
  }
  for (const p of providers) {
    const n = rng.int(0, shape.providerWants);
    wants[p] = [...new Set(Array.from({ length: n }, () => enterprises[popularEnterprise()]))];
  }
  return {
    enterprises,
    providers,
    slots: shape.slots,
    tables: shape.tables,
    availability,
    wants,
    scores,
    minPerEnterprise: shape.minPerEnterprise,
    maxPerProvider: shape.maxPerProvider,
  };
}

/** A small instance an exact solver proves optimal in well under a second; sizes vary with the seed. */
export function smallInstance(seed: number): ScheduleInput {
  const rng = new Rng(seed);
  return randomInstance(rng, {
    enterprises: rng.int(6, 16),
    providers: rng.int(3, 9),
    slots: rng.int(3, 6),
    tables: rng.int(2, 5),
    availability: 0.5 + rng.next() * 0.4,
    enterpriseWants: rng.int(0, 4),
    providerWants: rng.int(0, 4),
    minPerEnterprise: rng.int(0, 2),
    maxPerProvider: rng.int(2, 5),
    industries: rng.int(1, 3),
  });
}

/** The large event of the target: 400 enterprises × 200 providers × 16 slots × 40 tables. */
export function largeInstance(seed = 20_240_401): ScheduleInput {
  return randomInstance(new Rng(seed), {
    enterprises: 400,
    providers: 200,
    slots: 16,
    tables: 40,
    availability: 0.75,
    enterpriseWants: 5,
    providerWants: 8,
    minPerEnterprise: 1,
    maxPerProvider: 8,
    industries: 6,
  });
}

/**
 * Small seeded PRNG (mulberry32) with the helpers the demo and benchmark generators need.
 * Not for anything security-related; its point is that the same seed gives the same data.
 */
export class Random {
  private state: number;

  constructor(seed = 1) {
    if (!Number.isFinite(seed)) throw new RangeError(`a seed must be a finite number, got ${seed}`);
    // Fold the seed (which may be negative, fractional or above 2^32) into 32 bits.
    this.state = (Math.imul(Math.trunc(seed) ^ 0x9e3779b9, 0x85ebca6b) ^ Math.trunc(seed / 0x100000000)) >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    if (!Number.isInteger(min) || !Number.isInteger(max) || max < min) {
      throw new RangeError(`int needs integers min ≤ max, got ${min}, ${max}`);
    }
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** A float in [min, max). */
  float(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('cannot pick from an empty list');
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** k distinct elements (by position) in random order; all of them when k ≥ length. */
  sample<T>(items: readonly T[], k: number): T[] {
    const copy = items.slice();
    const n = Math.min(Math.max(0, Math.floor(k)), copy.length);
    for (let i = 0; i < n; i += 1) {
      const j = i + Math.floor(this.next() * (copy.length - i));
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy.slice(0, n);
  }

  /** A shuffled copy. */
  shuffle<T>(items: readonly T[]): T[] {
    return this.sample(items, items.length);
  }

  /** One item, with probability proportional to its weight. */
  weighted<T>(items: readonly T[], weights: readonly number[]): T {
    if (items.length === 0 || items.length !== weights.length) {
      throw new RangeError('weighted needs as many weights as items, and at least one item');
    }
    let total = 0;
    for (const w of weights) {
      if (!(w >= 0)) throw new RangeError(`weights must be non-negative, got ${w}`);
      total += w;
    }
    if (total === 0) throw new RangeError('weights must not all be zero');
    let r = this.next() * total;
    for (let i = 0; i < items.length; i += 1) {
      r -= weights[i]!;
      if (r < 0) return items[i]!;
    }
    // Floating-point rounding can leave r a hair above zero: fall back to the last weighted item.
    for (let i = items.length - 1; ; i -= 1) if (weights[i]! > 0) return items[i]!;
  }
}

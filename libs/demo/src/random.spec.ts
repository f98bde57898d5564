import { Random } from './random.js';

describe('Random', () => {
  it('repeats its sequence for the same seed and differs for another', () => {
    const a = new Random(7);
    const b = new Random(7);
    const c = new Random(8);
    const seqA = Array.from({ length: 50 }, () => a.next());
    expect(Array.from({ length: 50 }, () => b.next())).toEqual(seqA);
    expect(Array.from({ length: 50 }, () => c.next())).not.toEqual(seqA);
  });

  it('accepts negative, fractional and large seeds', () => {
    for (const seed of [-1, 0.5, 2 ** 40, 0]) expect(new Random(seed).next()).toBeGreaterThanOrEqual(0);
    expect(new Random(2 ** 40).next()).not.toBe(new Random(0).next());
    expect(() => new Random(Number.NaN)).toThrow(RangeError);
  });

  it('keeps next() in [0, 1) and spreads it', () => {
    const rng = new Random(1);
    const buckets = new Array<number>(10).fill(0);
    for (let i = 0; i < 20_000; i += 1) {
      const x = rng.next();
      expect(x >= 0 && x < 1).toBe(true);
      buckets[Math.floor(x * 10)]! += 1;
    }
    for (const count of buckets) expect(count).toBeGreaterThan(1_800);
  });

  it('draws integers in the inclusive range, reaching both ends', () => {
    const rng = new Random(2);
    const seen = new Set<number>();
    for (let i = 0; i < 2_000; i += 1) seen.add(rng.int(3, 7));
    expect([...seen].sort()).toEqual([3, 4, 5, 6, 7]);
    expect(rng.int(5, 5)).toBe(5);
    expect(() => rng.int(5, 4)).toThrow(RangeError);
  });

  it('samples distinct elements and picks from lists', () => {
    const rng = new Random(3);
    const items = ['a', 'b', 'c', 'd', 'e'];
    const s = rng.sample(items, 3);
    expect(s).toHaveLength(3);
    expect(new Set(s).size).toBe(3);
    expect(rng.sample(items, 9).sort()).toEqual(items);
    expect(rng.sample(items, 0)).toEqual([]);
    expect(items).toContain(rng.pick(items));
    expect(() => rng.pick([])).toThrow(RangeError);
    expect(rng.shuffle(items).sort()).toEqual(items);
  });

  it('follows the weights and never draws a zero-weight item', () => {
    const rng = new Random(4);
    const counts = { a: 0, b: 0, c: 0 };
    for (let i = 0; i < 10_000; i += 1) counts[rng.weighted(['a', 'b', 'c'] as const, [1, 3, 0])] += 1;
    expect(counts.c).toBe(0);
    expect(counts.b / counts.a).toBeGreaterThan(2.5);
    expect(counts.b / counts.a).toBeLessThan(3.5);
    expect(() => rng.weighted(['a'], [0])).toThrow(RangeError);
    expect(() => rng.weighted(['a', 'b'], [1])).toThrow(RangeError);
  });

  it('hits chance(p) about p of the time', () => {
    const rng = new Random(5);
    let hits = 0;
    for (let i = 0; i < 10_000; i += 1) if (rng.chance(0.3)) hits += 1;
    expect(hits).toBeGreaterThan(2_800);
    expect(hits).toBeLessThan(3_200);
  });
});

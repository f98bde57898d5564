import { DEFAULT_EXPOSURE, ExposureLedger, applyFairExposure, gini } from './fair-exposure.js';
import type { Candidate } from './fair-exposure.js';

const c = (id: string, providerId: string, fit: number, newcomer = false): Candidate<string> => ({ item: id, providerId, fit, newcomer });

describe('applyFairExposure', () => {
  it('leaves a diverse list as it is', () => {
    const ranked = Array.from({ length: 12 }, (_, i) => c(`s${i}`, `p${i}`, 1 - i * 0.01));
    const placed = applyFairExposure(ranked, { ...DEFAULT_EXPOSURE, explorationSlots: 0 });
    expect(placed.map((p) => p.item)).toEqual(ranked.map((r) => r.item));
    expect(placed[2]!.placement).toEqual({ rank: 3, baseRank: 3, kind: 'ranked', reason: '按匹配度排第3位' });
  });

  it('gives one provider at most 3 of the top 10 and moves the rest just below them', () => {
    const ranked = [
      ...Array.from({ length: 6 }, (_, i) => c(`a${i}`, 'A', 0.99 - i * 0.01)),
      ...Array.from({ length: 8 }, (_, i) => c(`o${i}`, `p${i}`, 0.9 - i * 0.01)),
    ];
    const placed = applyFairExposure(ranked, { ...DEFAULT_EXPOSURE, explorationSlots: 0 });
    const top = placed.slice(0, 10);
    expect(top.filter((p) => p.providerId === 'A')).toHaveLength(3);
    expect(top.map((p) => p.item)).toEqual(['a0', 'a1', 'a2', 'o0', 'o1', 'o2', 'o3', 'o4', 'o5', 'o6']);
    expect(placed.slice(10).map((p) => p.item)).toEqual(['a3', 'a4', 'a5', 'o7']);
    expect(placed[10]!.placement).toMatchObject({ rank: 11, baseRank: 4, kind: 'capped' });
    expect(placed[10]!.placement.reason).toBe('同一服务商在前10名中最多展示3个，顺延至第11位');
    expect(placed).toHaveLength(ranked.length);
  });

  it('gives an exploration slot to a newcomer within the margin, and not to one beyond it', () => {
    const winners = Array.from({ length: 10 }, (_, i) => c(`w${i}`, `p${i}`, 0.9 - i * 0.01));
    const near = applyFairExposure([...winners, c('n', 'new', 0.79, true)]);
    expect(near.slice(0, 10).map((p) => p.item)).toContain('n');
    expect(near.find((p) => p.item === 'n')!.placement).toMatchObject({ rank: 10, baseRank: 11, kind: 'exploration' });
    expect(near.find((p) => p.item === 'w9')!.placement).toMatchObject({ rank: 11, kind: 'yielded' });

    const far = applyFairExposure([...winners, c('n', 'new', 0.7, true)]);
    expect(far.slice(0, 10).map((p) => p.item)).not.toContain('n');
  });

  it('needs no exploration when a newcomer already ranks in the head, and handles short lists', () => {
    const ranked = [c('n', 'new', 0.95, true), c('a', 'A', 0.9), c('b', 'B', 0.85)];
    expect(applyFairExposure(ranked).map((p) => p.item)).toEqual(['n', 'a', 'b']);
    expect(applyFairExposure([])).toEqual([]);
  });

  it('honours the settings', () => {
    const ranked = Array.from({ length: 5 }, (_, i) => c(`a${i}`, 'A', 1 - i * 0.01));
    const placed = applyFairExposure(ranked, { ...DEFAULT_EXPOSURE, slots: 3, maxPerProvider: 1, explorationSlots: 0 });
    // With nothing else to show, the capped items still follow in their order.
    expect(placed.map((p) => p.item)).toEqual(['a0', 'a1', 'a2', 'a3', 'a4']);
    expect(placed[1]!.placement.kind).toBe('capped');
  });
});

describe('balancing by recent exposure', () => {
  it('lets the less exposed provider take a slot within the balance margin, not beyond it', () => {
    const ranked = [c('a', 'A', 0.9), c('b', 'B', 0.89), c('c', 'C', 0.8)];
    const past = new Map([
      ['A', 10],
      ['B', 1],
    ]);
    const placed = applyFairExposure(ranked, { ...DEFAULT_EXPOSURE, explorationSlots: 0 }, past);
    expect(placed.map((p) => p.item)).toEqual(['b', 'a', 'c']);
    expect(placed[0]!.placement).toMatchObject({ rank: 1, baseRank: 2, kind: 'balanced' });
    expect(placed[0]!.placement.reason).toContain('近期曝光较少');
    // Without a history, or beyond the margin, the order stands.
    expect(applyFairExposure(ranked, { ...DEFAULT_EXPOSURE, explorationSlots: 0 }).map((p) => p.item)).toEqual(['a', 'b', 'c']);
    expect(applyFairExposure([c('a', 'A', 0.9), c('c', 'C', 0.8)], DEFAULT_EXPOSURE, new Map([['A', 10]])).map((p) => p.item)).toEqual([
      'a',
      'c',
    ]);
  });

  it('keeps a decaying ledger of exposure', () => {
    const ledger = new ExposureLedger(1);
    ledger.record(['A', 'B']);
    ledger.record(['A']);
    const now = ledger.snapshot();
    expect(now.get('A')).toBeCloseTo(1.5, 10);
    expect(now.get('B')).toBeCloseTo(0.5, 10);
  });
});

describe('gini', () => {
  it.each([
    [[5, 5, 5, 5], 0],
    [[0, 0, 0, 10], 0.75],
    [[], 0],
    [[1, 2, 3, 4], 0.25],
  ])('%o → %d', (counts, expected) => {
    expect(gini(counts)).toBeCloseTo(expected, 10);
  });
});

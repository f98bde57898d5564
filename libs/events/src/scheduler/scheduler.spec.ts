import fc from 'fast-check';
import { buildProblem, meetingKind, meetingValue } from './schedule-problem.js';
import { scheduleMeetings } from './scheduler.js';
import type { ScheduleInput, ScheduleResult } from './schedule-types.js';

const ent = (i: number) => `e${i}`;
const prov = (i: number) => `p${i}`;

/** Random events: up to 9 enterprises, 6 providers, 6 slots, 4 tables; any availability, requests and scores. */
const instances: fc.Arbitrary<ScheduleInput> = fc
  .record({
    enterprises: fc.integer({ min: 0, max: 9 }),
    providers: fc.integer({ min: 0, max: 6 }),
    slots: fc.integer({ min: 1, max: 6 }),
    tables: fc.integer({ min: 1, max: 4 }),
    minPerEnterprise: fc.integer({ min: 0, max: 3 }),
    maxPerProvider: fc.integer({ min: 0, max: 5 }),
    seed: fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 200, maxLength: 200 }),
  })
  .map(({ enterprises, providers, slots, tables, minPerEnterprise, maxPerProvider, seed }) => {
    let i = 0;
    const next = () => seed[i++ % seed.length] / 1_000_000;
    const es = Array.from({ length: enterprises }, (_, k) => ent(k));
    const ps = Array.from({ length: providers }, (_, k) => prov(k));
    const availability: Record<string, number[]> = {};
    for (const o of [...es, ...ps]) availability[o] = Array.from({ length: slots }, (_, s) => s).filter(() => next() < 0.7);
    const wants: Record<string, string[]> = {};
    for (const e of es) wants[e] = ps.filter(() => next() < 0.25);
    for (const p of ps) wants[p] = es.filter(() => next() < 0.2);
    // Now and then a request to someone of the same side or unknown: ignored.
    if (es.length > 1) wants[es[0]].push(es[1], 'stranger');
    const scores = es.flatMap((e) =>
      ps.map((p) => ({ enterpriseId: e, providerId: p, score: next() < 0.3 ? 0 : Math.round(next() * 1000) / 1000 })),
    );
    return { enterprises: es, providers: ps, slots, tables, availability, wants, scores, minPerEnterprise, maxPerProvider };
  });

function assertValid(input: ScheduleInput, result: ScheduleResult): void {
  const seen = new Set<string>();
  const once = (key: string) => {
    expect(seen.has(key)).toBe(false);
    seen.add(key);
  };
  const perProvider = new Map<string, number>();
  const perEnterprise = new Map<string, number>();
  const perSlot = new Map<number, number>();
  const score = new Map(input.scores.map((s) => [`${s.enterpriseId}|${s.providerId}`, s.score]));
  for (const m of result.meetings) {
    once(`enterprise ${m.enterpriseId} in slot ${m.slot}`);
    once(`provider ${m.providerId} in slot ${m.slot}`);
    once(`table ${m.table} in slot ${m.slot}`);
    once(`pair ${m.enterpriseId} ${m.providerId}`);
    expect(input.enterprises).toContain(m.enterpriseId);
    expect(input.providers).toContain(m.providerId);
    expect(m.slot).toBeGreaterThanOrEqual(0);
    expect(m.slot).toBeLessThan(input.slots);
    expect(m.table).toBeGreaterThanOrEqual(0);
    expect(m.table).toBeLessThan(input.tables);
    expect(input.availability[m.enterpriseId]).toContain(m.slot);
    expect(input.availability[m.providerId]).toContain(m.slot);
    const kind = meetingKind(
      (input.wants[m.enterpriseId] ?? []).includes(m.providerId),
      (input.wants[m.providerId] ?? []).includes(m.enterpriseId),
    );
    expect(m.kind).toBe(kind);
    const pairScore = score.get(`${m.enterpriseId}|${m.providerId}`) ?? 0;
    expect(m.value).toBe(meetingValue(kind, pairScore));
    // A pair nobody asked for meets only on a positive score.
    if (kind === 'recommended') expect(pairScore).toBeGreaterThan(0);
    perProvider.set(m.providerId, (perProvider.get(m.providerId) ?? 0) + 1);
    perEnterprise.set(m.enterpriseId, (perEnterprise.get(m.enterpriseId) ?? 0) + 1);
    perSlot.set(m.slot, (perSlot.get(m.slot) ?? 0) + 1);
  }
  for (const n of perProvider.values()) expect(n).toBeLessThanOrEqual(input.maxPerProvider);
  for (const n of perSlot.values()) expect(n).toBeLessThanOrEqual(input.tables);
  const unmet = new Map(result.unmetMinimums.map((u) => [u.enterpriseId, u]));
  for (const e of input.enterprises) {
    const meetings = perEnterprise.get(e) ?? 0;
    if (meetings < input.minPerEnterprise) {
      expect(unmet.get(e)).toMatchObject({ meetings, required: input.minPerEnterprise });
      expect(unmet.get(e)!.message.length).toBeGreaterThan(0);
    } else {
      expect(unmet.has(e)).toBe(false);
    }
  }
  const total = result.meetings.reduce((sum, m) => sum + m.value, 0);
  expect(result.totalValue).toBeCloseTo(total, 5);
  const sorted = [...result.meetings].sort((a, b) => a.slot - b.slot || a.table - b.table);
  expect(result.meetings).toEqual(sorted);
}

/** The same instance with every list in another order. */
function shuffled(input: ScheduleInput, seed: number): ScheduleInput {
  let state = seed;
  const rnd = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  const shuffle = <T>(list: readonly T[]): T[] => {
    const copy = [...list];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy;
  };
  return {
    ...input,
    enterprises: shuffle(input.enterprises),
    providers: shuffle(input.providers),
    scores: shuffle(input.scores),
    availability: Object.fromEntries(shuffle(Object.entries(input.availability)).map(([k, v]) => [k, shuffle(v)])),
    wants: Object.fromEntries(shuffle(Object.entries(input.wants)).map(([k, v]) => [k, shuffle(v)])),
  };
}

describe('scheduleMeetings (properties)', () => {
  it('never double-books, meets each pair once, respects tables, caps and availability', () => {
    fc.assert(
      fc.property(instances, (input) => {
        assertValid(input, scheduleMeetings(input));
      }),
      { numRuns: 300 },
    );
  });

  it('is deterministic: the same input, in any order, gives the same schedule', () => {
    fc.assert(
      fc.property(instances, fc.integer({ min: 1, max: 1_000_000 }), (input, seed) => {
        const first = scheduleMeetings(input);
        expect(scheduleMeetings(input)).toEqual(first);
        expect(scheduleMeetings(shuffled(input, seed))).toEqual(first);
      }),
      { numRuns: 150 },
    );
  });

  it('schedules every requested pair when nothing stands in the way', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 5 }), (n, slots) => {
        // n enterprises each asking for its own provider; everyone free all day, plenty of tables.
        const all = Array.from({ length: slots }, (_, s) => s);
        const input: ScheduleInput = {
          enterprises: Array.from({ length: n }, (_, i) => ent(i)),
          providers: Array.from({ length: n }, (_, i) => prov(i)),
          slots,
          tables: n,
          availability: Object.fromEntries(
            [...Array(n).keys()].flatMap((i) => [
              [ent(i), all],
              [prov(i), all],
            ]),
          ),
          wants: Object.fromEntries([...Array(n).keys()].map((i) => [ent(i), [prov(i)]])),
          scores: [],
          minPerEnterprise: 1,
          maxPerProvider: 1,
        };
        const result = scheduleMeetings(input);
        expect(result.meetings).toHaveLength(n);
        expect(result.meetings.every((m) => m.providerId === `p${m.enterpriseId.slice(1)}` && m.kind === 'requested')).toBe(true);
        expect(result.unmetMinimums).toEqual([]);
      }),
    );
  });
});

describe('scheduleMeetings (cases)', () => {
  const base = (over: Partial<ScheduleInput>): ScheduleInput => ({
    enterprises: ['e1', 'e2'],
    providers: ['p1'],
    slots: 1,
    tables: 1,
    availability: { e1: [0], e2: [0], p1: [0] },
    wants: {},
    scores: [],
    minPerEnterprise: 0,
    maxPerProvider: 4,
    ...over,
  });

  it('values a mutual request above a one-sided one above a recommendation, the score ranking within a kind', () => {
    expect(meetingValue('mutual', 0)).toBeGreaterThanOrEqual(meetingValue('requested', 1));
    expect(meetingValue('mutual', 0.1)).toBeGreaterThan(meetingValue('requested', 1));
    expect(meetingValue('requested', 0)).toBeGreaterThanOrEqual(meetingValue('recommended', 1));
    expect(meetingValue('requested', 0.8)).toBeGreaterThan(meetingValue('requested', 0.2));
    expect(meetingKind(true, true)).toBe('mutual');
    expect(meetingKind(false, true)).toBe('requested');
    expect(meetingKind(false, false)).toBe('recommended');
  });

  it('gives the one table to the mutual request over a better-scored recommendation', () => {
    const result = scheduleMeetings(
      base({
        wants: { e2: ['p1'], p1: ['e2'] },
        scores: [
          { enterpriseId: 'e1', providerId: 'p1', score: 0.99 },
          { enterpriseId: 'e2', providerId: 'p1', score: 0.1 },
        ],
      }),
    );
    expect(result.meetings).toEqual([{ slot: 0, table: 0, enterpriseId: 'e2', providerId: 'p1', kind: 'mutual', value: 2.1, score: 0.1 }]);
  });

  it('moves a meeting to another slot to make room for a pair that has only one', () => {
    // e1–p1 can meet in slot 0 or 1; e2–p1 only in slot 0. Both must meet.
    const result = scheduleMeetings(
      base({
        slots: 2,
        availability: { e1: [0, 1], e2: [0], p1: [0, 1] },
        wants: { e1: ['p1'], e2: ['p1'] },
        scores: [
          { enterpriseId: 'e1', providerId: 'p1', score: 0.9 },
          { enterpriseId: 'e2', providerId: 'p1', score: 0.1 },
        ],
      }),
    );
    expect(result.meetings.map((m) => `${m.enterpriseId}@${m.slot}`)).toEqual(['e2@0', 'e1@1']);
  });

  it('gives up value to bring an enterprise to the minimum, and explains the one it cannot', () => {
    // p1 can meet two enterprises; e1 is worth most twice over, but e2 and e3 need one meeting each.
    const result = scheduleMeetings(
      base({
        enterprises: ['e1', 'e2', 'e3', 'e4'],
        providers: ['p1', 'p2'],
        slots: 2,
        tables: 2,
        availability: { e1: [0, 1], e2: [0, 1], e3: [0, 1], e4: [], p1: [0, 1], p2: [0, 1] },
        wants: { e1: ['p1', 'p2'] },
        scores: [
          { enterpriseId: 'e2', providerId: 'p1', score: 0.5 },
          { enterpriseId: 'e3', providerId: 'p2', score: 0.4 },
        ],
        minPerEnterprise: 1,
        maxPerProvider: 2,
      }),
    );
    const who = result.meetings.map((m) => `${m.enterpriseId}-${m.providerId}`).sort();
    expect(who).toEqual(['e1-p1', 'e1-p2', 'e2-p1', 'e3-p2']);
    expect(result.unmetMinimums).toEqual([
      expect.objectContaining({ enterpriseId: 'e4', meetings: 0, required: 1, reason: 'no_available_slots' }),
    ]);
  });

  it('names the reason an enterprise stays below the minimum', () => {
    const noCommon = scheduleMeetings(
      base({ slots: 2, availability: { e1: [0], e2: [1], p1: [0] }, wants: { e1: ['p1'], e2: ['p1'] }, minPerEnterprise: 1 }),
    );
    expect(noCommon.unmetMinimums).toEqual([expect.objectContaining({ enterpriseId: 'e2', reason: 'no_common_slot' })]);

    const noCandidates = scheduleMeetings(base({ wants: { e1: ['p1'] }, minPerEnterprise: 1 }));
    expect(noCandidates.unmetMinimums).toEqual([expect.objectContaining({ enterpriseId: 'e2', reason: 'no_candidates' })]);

    const capacity = scheduleMeetings(
      base({
        slots: 2,
        tables: 2,
        availability: { e1: [0, 1], e2: [0, 1], p1: [0, 1] },
        wants: { e1: ['p1'], e2: ['p1'] },
        minPerEnterprise: 1,
        maxPerProvider: 1,
      }),
    );
    expect(capacity.unmetMinimums).toEqual([expect.objectContaining({ enterpriseId: 'e2', reason: 'providers_at_capacity' })]);

    const tables = scheduleMeetings(
      base({
        providers: ['p1', 'p2'],
        availability: { e1: [0], e2: [0], p1: [0], p2: [0] },
        wants: { e1: ['p1'], e2: ['p2'] },
        minPerEnterprise: 1,
      }),
    );
    expect(tables.meetings).toHaveLength(1);
    expect(tables.unmetMinimums).toEqual([expect.objectContaining({ reason: 'tables_full' })]);
  });

  it('keeps a provider at one table across its slots where it can', () => {
    const all = [0, 1, 2];
    const result = scheduleMeetings({
      enterprises: ['e1', 'e2', 'e3'],
      providers: ['p1', 'p2'],
      slots: 3,
      tables: 2,
      availability: { e1: all, e2: all, e3: all, p1: all, p2: all },
      wants: { e1: ['p1', 'p2'], e2: ['p1', 'p2'], e3: ['p1', 'p2'] },
      scores: [],
      minPerEnterprise: 0,
      maxPerProvider: 3,
    });
    expect(result.meetings).toHaveLength(6);
    for (const p of ['p1', 'p2']) expect(new Set(result.meetings.filter((m) => m.providerId === p).map((m) => m.table)).size).toBe(1);
  });

  it('rejects a malformed instance', () => {
    expect(() => scheduleMeetings(base({ slots: 0 }))).toThrow(RangeError);
    expect(() => scheduleMeetings(base({ tables: 1.5 }))).toThrow(RangeError);
    expect(() => buildProblem(base({ providers: ['e1'] }))).toThrow(/both sides/);
  });
});

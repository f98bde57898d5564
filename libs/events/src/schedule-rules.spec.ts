import { firstFreeTable, placementConflicts } from './schedule-rules.js';
import type { PlacedMeeting, ScheduleRules } from './schedule-rules.js';

const rules: ScheduleRules = {
  slots: 3,
  tables: 2,
  maxPerProvider: 2,
  availability: new Map([
    ['e1', [0, 1, 2]],
    ['e2', [0, 1, 2]],
    ['e3', [1]],
    ['p1', [0, 1, 2]],
    ['p2', [0, 1, 2]],
  ]),
  names: new Map([
    ['e1', '沈阳甲机床'],
    ['p1', '辽宁乙科技'],
  ]),
};

const m = (id: string, slot: number, table: number, enterpriseId: string, providerId: string): PlacedMeeting => ({
  id,
  slot,
  table,
  enterpriseId,
  providerId,
});

const staying = [m('a', 0, 0, 'e1', 'p1'), m('b', 1, 0, 'e2', 'p1')];

describe('placementConflicts', () => {
  it('accepts a placement that breaks no rule', () => {
    expect(placementConflicts(rules, staying, [m('new', 2, 1, 'e1', 'p2')])).toEqual([]);
  });

  it.each([
    ['slot out of range', m('x', 3, 0, 'e1', 'p2'), 'slot_out_of_range', 'must be a slot from 0 to 2'],
    ['table out of range', m('x', 2, 2, 'e1', 'p2'), 'table_out_of_range', 'must be a table from 0 to 1'],
    ['a slot the enterprise cannot attend', m('x', 2, 1, 'e3', 'p2'), 'slot_unavailable', 'e3 is not available in slot 2'],
    [
      'the enterprise twice in a slot',
      m('x', 0, 1, 'e1', 'p2'),
      'double_booked',
      '沈阳甲机床 already meets 辽宁乙科技 in slot 0 (table 0): that would double-book it',
    ],
    ['the provider twice in a slot', m('x', 1, 1, 'e3', 'p1'), 'double_booked', '辽宁乙科技 already meets e2 in slot 1'],
    ['a taken table', m('x', 0, 0, 'e2', 'p2'), 'table_taken', 'table 0 in slot 0 is taken by 沈阳甲机床 and 辽宁乙科技'],
    ['a pair meeting twice', m('x', 2, 0, 'e1', 'p1'), 'pair_already_meets', 'already meet in slot 0; a pair meets at most once'],
  ])('refuses %s', (_, placed, code, message) => {
    const [conflict] = placementConflicts(rules, staying, [placed]);
    expect(conflict.code).toBe(code);
    expect(conflict.message).toContain(message);
  });

  it("refuses a meeting beyond the provider's cap", () => {
    const withE4 = { ...rules, availability: new Map([...rules.availability, ['e4', [2]]]) };
    expect(placementConflicts(withE4, staying, [m('x', 2, 1, 'e4', 'p1')])).toEqual([
      expect.objectContaining({
        code: 'provider_at_capacity',
        message: '辽宁乙科技 already has 2 meetings, the most a provider may have at this event',
      }),
    ]);
  });

  it('checks meetings placed together against each other (a swap)', () => {
    const swapped = placementConflicts(
      rules,
      [],
      [
        { ...staying[0], slot: 1 },
        { ...staying[1], slot: 0 },
      ],
    );
    expect(swapped).toEqual([]);
    const clash = placementConflicts(rules, [], [m('a', 1, 0, 'e1', 'p1'), m('b', 1, 1, 'e2', 'p1')]);
    expect(clash).toEqual([expect.objectContaining({ code: 'double_booked', meetingId: 'a' })]);
  });

  it('finds the first free table', () => {
    expect(firstFreeTable(rules, staying, 0)).toBe(1);
    expect(firstFreeTable(rules, [...staying, m('c', 0, 1, 'e2', 'p2')], 0)).toBe(-1);
  });
});

/**
 * The schedule's rules applied to an organiser's edit (add, move, swap):
 * the same rules the scheduler keeps, checked against the meetings that stay
 * where they are. Pure, so each rule is unit-tested on its own.
 */

export interface PlacedMeeting {
  id: string;
  slot: number;
  table: number;
  enterpriseId: string;
  providerId: string;
}

export interface ScheduleRules {
  slots: number;
  tables: number;
  maxPerProvider: number;
  /** Organisation id → the slots it marked available. */
  availability: ReadonlyMap<string, readonly number[]>;
  /** Organisation id → its name, for messages people read. */
  names?: ReadonlyMap<string, string>;
}

export const PLACEMENT_CONFLICTS = [
  'slot_out_of_range',
  'table_out_of_range',
  'slot_unavailable',
  'double_booked',
  'table_taken',
  'pair_already_meets',
  'provider_at_capacity',
] as const;
export type PlacementConflictCode = (typeof PLACEMENT_CONFLICTS)[number];

export interface PlacementConflict {
  code: PlacementConflictCode;
  /** The field a client sent wrong, for the two out-of-range codes (a 400). */
  field?: 'slot' | 'table';
  message: string;
  /** The meeting in the way, where there is one. */
  meetingId?: string;
}

/**
 * What breaks the rules if `placed` (new meetings, or existing ones at their
 * new places) join `staying` (every other meeting of the event). Empty when
 * the edit is valid. The first problem of each placed meeting, in the order:
 * out of range, availability, double booking, table, pair, provider cap.
 */
export function placementConflicts(
  rules: ScheduleRules,
  staying: readonly PlacedMeeting[],
  placed: readonly PlacedMeeting[],
): PlacementConflict[] {
  const name = (id: string) => rules.names?.get(id) ?? id;
  const conflicts: PlacementConflict[] = [];
  const board = [...staying];
  for (const m of placed) {
    const conflict = firstConflict(rules, board, m, name);
    if (conflict) conflicts.push(conflict);
    board.push(m);
  }
  return conflicts;
}

function firstConflict(
  rules: ScheduleRules,
  board: readonly PlacedMeeting[],
  m: PlacedMeeting,
  name: (id: string) => string,
): PlacementConflict | null {
  if (!Number.isInteger(m.slot) || m.slot < 0 || m.slot >= rules.slots) {
    return { code: 'slot_out_of_range', field: 'slot', message: `must be a slot from 0 to ${rules.slots - 1}` };
  }
  if (!Number.isInteger(m.table) || m.table < 0 || m.table >= rules.tables) {
    return { code: 'table_out_of_range', field: 'table', message: `must be a table from 0 to ${rules.tables - 1}` };
  }
  for (const party of [m.enterpriseId, m.providerId]) {
    if (!(rules.availability.get(party) ?? []).includes(m.slot)) {
      return { code: 'slot_unavailable', message: `${name(party)} is not available in slot ${m.slot}` };
    }
  }
  for (const other of board) {
    if (other.slot !== m.slot) continue;
    const party = other.enterpriseId === m.enterpriseId ? m.enterpriseId : other.providerId === m.providerId ? m.providerId : null;
    if (party) {
      return {
        code: 'double_booked',
        message: `${name(party)} already meets ${name(party === m.enterpriseId ? other.providerId : other.enterpriseId)} in slot ${m.slot} (table ${other.table}): that would double-book it`,
        meetingId: other.id,
      };
    }
  }
  const taken = board.find((other) => other.slot === m.slot && other.table === m.table);
  if (taken) {
    return {
      code: 'table_taken',
      message: `table ${m.table} in slot ${m.slot} is taken by ${name(taken.enterpriseId)} and ${name(taken.providerId)}`,
      meetingId: taken.id,
    };
  }
  const pair = board.find((other) => other.enterpriseId === m.enterpriseId && other.providerId === m.providerId);
  if (pair) {
    return {
      code: 'pair_already_meets',
      message: `${name(m.enterpriseId)} and ${name(m.providerId)} already meet in slot ${pair.slot}; a pair meets at most once`,
      meetingId: pair.id,
    };
  }
  const providerMeetings = board.filter((other) => other.providerId === m.providerId).length;
  if (providerMeetings >= rules.maxPerProvider) {
    return {
      code: 'provider_at_capacity',
      message: `${name(m.providerId)} already has ${providerMeetings} meetings, the most a provider may have at this event`,
    };
  }
  return null;
}

/** The lowest table free in `slot`, or -1 when every table is taken. */
export function firstFreeTable(rules: Pick<ScheduleRules, 'tables'>, meetings: readonly PlacedMeeting[], slot: number): number {
  const taken = new Set(meetings.filter((m) => m.slot === slot).map((m) => m.table));
  for (let t = 0; t < rules.tables; t++) if (!taken.has(t)) return t;
  return -1;
}

/**
 * Matchmaking events (供需对接活动): the API's shapes, the life cycle the UI mirrors
 * (the server has the last word), slot times, and the form ↔ API field mapping.
 */
import type { FormInstance } from 'antd';
import type {
  AgendaItem as AgendaItemView,
  AgendaView,
  CheckInCredentials as CheckInCredentialsView,
  CheckInResult as CheckInResultView,
  EventAction,
  EventReport as EventReportView,
  EventView,
  KindFigures as KindFiguresView,
  MeetingView,
  ParticipantView,
  PathParams,
  RegistrationView,
  ScheduleView,
  Wire,
} from '@smedx/contracts';
import { EVENT_TRANSITIONS } from '@smedx/contracts/states/event-state.js';
import { api, fieldProblems } from './api';
import type { PagedGetPath, PageItem } from './api';
import { formatTime } from './format';

export type { EventStatus, MeetingKind, NoShowParty, ParticipantSide, RegistrationStatus, SideCounts } from '@smedx/contracts';

export type MatchmakingEvent = Wire<EventView>;
/** Another participant as every participant sees it (name and side); the whole registration for its own members and the organiser. */
export type Registration = Wire<ParticipantView> & Partial<Wire<RegistrationView>>;
export type Meeting = Wire<MeetingView>;
export type ScheduleResult = Wire<ScheduleView>;
export type UnmetMinimum = ScheduleResult['unmetMinimums'][number];
export type AgendaItem = Wire<AgendaItemView>;
export type Agenda = Wire<AgendaView>;
export type KindFigures = Wire<KindFiguresView>;
export type EventReport = Wire<EventReportView>;
export type CheckInCredentials = Wire<CheckInCredentialsView>;
export type CheckInResult = Wire<CheckInResultView>;

export { DRAFT_ONLY_EVENT_FIELDS, EVENT_LIMITS, agendaVisible } from '@smedx/contracts/states/event-state.js';

/** Whether the event's status allows `action` (the server's own table; the server has the last word). */
export const allows = (event: Pick<MatchmakingEvent, 'status'>, action: EventAction) =>
  EVENT_TRANSITIONS[event.status][action] !== undefined;

const MINUTE = 60_000;

/** When slot `slot` starts. */
export function slotStart(event: Pick<MatchmakingEvent, 'startsAt' | 'slotMinutes'>, slot: number): Date {
  return new Date(new Date(event.startsAt).getTime() + slot * event.slotMinutes * MINUTE);
}

/** `第 1 场 09:00–09:20` in Shanghai time (slots count from 0 in the API, from 1 for people). */
export function slotLabel(event: Pick<MatchmakingEvent, 'startsAt' | 'slotMinutes'>, slot: number): string {
  const from = formatTime(slotStart(event, slot)).slice(11);
  const to = formatTime(slotStart(event, slot + 1)).slice(11);
  return `第 ${slot + 1} 场 ${from}–${to}`;
}

export const tableLabel = (table: number) => `${table + 1} 号桌`;

/** Up to this many quarter hours the arrivals chart shows the empty ones too (a day's check-in); beyond, only those with arrivals. */
const FILL_BUCKETS = 96;

/**
 * The report's arrivals as chart series: a label per quarter hour (`09:15` in Shanghai time, with
 * the date when they span several days), arrivals in it and the running total.
 */
export function arrivalSeries(arrivals: EventReport['arrivals']): { labels: string[]; counts: number[]; cumulative: number[] } {
  const step = arrivals.bucketMinutes * MINUTE;
  const present = new Map(arrivals.buckets.map((b) => [new Date(b.from).getTime(), b]));
  const times = [...present.keys()];
  const first = times[0];
  const last = times[times.length - 1];
  const filled = first !== undefined && last !== undefined && (last - first) / step < FILL_BUCKETS;
  const slots = filled ? Array.from({ length: (last! - first!) / step + 1 }, (_, i) => first! + i * step) : times;
  const days = new Set(slots.map((t) => formatTime(t).slice(0, 10)));
  const labels = slots.map((t) => (days.size > 1 ? formatTime(t).slice(5) : formatTime(t).slice(11)));
  let total = 0;
  const counts = slots.map((t) => present.get(t)?.count ?? 0);
  const cumulative = slots.map((t) => (total = present.get(t)?.cumulative ?? total));
  return { labels, counts, cumulative };
}

/** Every page of a paged list (the API pages by 100 at most). */
export async function allPages<P extends PagedGetPath>(path: P, params: PathParams<P>): Promise<PageItem<P>[]> {
  // The path is one of the paged routes; the page and size go in the query.
  const get = api.get as unknown as (
    path: P,
    params: PathParams<P>,
    query: { page: number; pageSize: number },
  ) => Promise<{ items: PageItem<P>[]; total: number }>;
  const items: PageItem<P>[] = [];
  for (let page = 1; ; page += 1) {
    const data = await get(path, params, { page, pageSize: 100 });
    items.push(...data.items);
    if (items.length >= data.total || !data.items.length) return items;
  }
}

/**
 * Puts the reasons a 400 gives on the form's own fields (`fields`; `rename` maps an API
 * field to a form field, e.g. `budgetFen` → `budgetWan`). True when at least one landed:
 * the caller then need not show a notice as well.
 */
export function showFieldErrors(
  form: FormInstance,
  error: unknown,
  fields: readonly string[],
  rename: Record<string, string> = {},
): boolean {
  const byField = new Map<string, string[]>();
  for (const { field, reason } of fieldProblems(error)) {
    const top = field.split('.')[0] ?? field;
    const name = rename[field] ?? rename[top] ?? top;
    if (!fields.includes(name)) continue;
    byField.set(name, [...(byField.get(name) ?? []), reason]);
  }
  if (!byField.size) return false;
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  return true;
}

/**
 * Matchmaking events (供需对接活动): the API's shapes, the life cycle the UI mirrors
 * (the server has the last word), slot times, and the form ↔ API field mapping.
 */
import type { FormInstance } from 'antd';
import { api, fieldProblems } from './api';
import type { Page } from './api';
import { formatTime } from './format';

export type EventStatus = 'draft' | 'registration_open' | 'registration_closed' | 'scheduled' | 'published' | 'completed' | 'cancelled';
export type RegistrationStatus = 'pending' | 'approved' | 'rejected';
export type ParticipantSide = 'enterprise' | 'provider';
export type MeetingKind = 'mutual' | 'requested' | 'recommended';
export type NoShowParty = 'enterprise' | 'provider' | 'both';

export interface SideCounts {
  pending: number;
  approved: number;
  rejected: number;
}

export interface MatchmakingEvent {
  id: string;
  title: string;
  industry: string;
  district: string;
  venue: string | null;
  online: boolean;
  startsAt: string;
  endsAt: string;
  slotMinutes: number;
  slots: number;
  tables: number;
  capacityEnterprises: number;
  capacityProviders: number;
  minMeetingsPerEnterprise: number;
  maxMeetingsPerProvider: number;
  status: EventStatus;
  organizerId: string;
  registrations: { enterprises: SideCounts; providers: SideCounts };
  scheduledAt: string | null;
  publishedAt: string | null;
  completedAt: string | null;
  cancelledAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** Another participant as every participant sees it (name and side); the whole registration for its own members and the organiser. */
export interface Registration {
  id: string;
  eventId: string;
  organisationId: string;
  organisationName: string;
  side: ParticipantSide;
  status: RegistrationStatus;
  availableSlots?: number[];
  wants?: string[];
  decisionReason?: string | null;
  decidedAt?: string | null;
  checkedInAt?: string | null;
  createdAt?: string;
}

export interface Meeting {
  id: string;
  eventId: string;
  slot: number;
  table: number;
  startsAt: string;
  endsAt: string;
  enterpriseId: string;
  enterpriseName: string;
  providerId: string;
  providerName: string;
  kind: MeetingKind;
  value: number;
  score: number;
  source: 'scheduler' | 'organiser';
  held: boolean | null;
  intent: boolean | null;
  contract: boolean | null;
  noShowBy: NoShowParty | null;
  outcomeAt: string | null;
}

export interface UnmetMinimum {
  enterpriseId: string;
  meetings: number;
  required: number;
  reason: string;
  message: string;
}

export interface ScheduleResult {
  eventId: string;
  status: EventStatus;
  meetings: Meeting[];
  unmetMinimums: UnmetMinimum[];
  totalValue: number;
  candidates: number;
}

export interface AgendaItem {
  meetingId: string;
  slot: number;
  table: number;
  startsAt: string;
  endsAt: string;
  counterpart: { id: string; name: string; side: ParticipantSide };
  kind: MeetingKind;
  held: boolean | null;
  intent: boolean | null;
  contract: boolean | null;
}

export interface Agenda {
  eventId: string;
  title: string;
  venue: string | null;
  online: boolean;
  organisationId: string;
  organisationName: string;
  items: AgendaItem[];
}

export interface KindFigures {
  meetings: number;
  held: number;
  noShows: number;
  intents: number;
  contracts: number;
  intentRate: number | null;
}

export interface EventReport {
  eventId: string;
  title: string;
  status: EventStatus;
  registrations: { enterprises: SideCounts & { checkedIn: number }; providers: SideCounts & { checkedIn: number } };
  meetings: {
    proposed: number;
    scheduled: number;
    recorded: number;
    held: number;
    noShows: number;
    noShowsByProvider: number;
    noShowsByEnterprise: number;
    intents: number;
    contracts: number;
    pending: number;
  };
  byKind: Record<MeetingKind, KindFigures>;
  recommendations: { meetings: number; held: number; intents: number; intentRate: number | null; intentRateOfHeld: number | null };
  funnel: { stage: 'proposed' | 'scheduled' | 'held' | 'intent' | 'contract'; count: number }[];
  unmetMinimums: UnmetMinimum[];
  providerNoShows: { providerId: string; providerName: string; noShows: number }[];
}

/** Limits of one event (mirrors the API's EVENT_LIMITS). */
export const EVENT_LIMITS = { slots: 96, tables: 500, slotMinutes: { min: 5, max: 240 }, capacity: 5000, wants: 200 } as const;

/** What each status allows (mirrors the server's table, for showing buttons; the server has the last word). */
export const EVENT_ACTIONS_BY_STATUS: Record<EventStatus, readonly string[]> = {
  draft: ['edit', 'open_registration', 'cancel'],
  registration_open: ['edit', 'register', 'update_registration', 'decide_registration', 'close_registration', 'cancel'],
  registration_closed: ['edit', 'open_registration', 'update_registration', 'decide_registration', 'schedule', 'cancel'],
  scheduled: ['schedule', 'edit_schedule', 'publish', 'cancel'],
  published: ['check_in', 'record_outcome', 'complete', 'cancel'],
  completed: [],
  cancelled: [],
};

export const allows = (event: Pick<MatchmakingEvent, 'status'>, action: string) => EVENT_ACTIONS_BY_STATUS[event.status].includes(action);

/** Fields fixed once registration has opened (the schedule grid and what registrants signed up for). */
export const DRAFT_ONLY_EVENT_FIELDS = ['industry', 'district', 'slotMinutes', 'slots'] as const;

/** The agenda exists once the schedule is published. */
export const agendaVisible = (status: EventStatus) => status === 'published' || status === 'completed';

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

/** Every page of a paged list (the API pages by 100 at most). */
export async function allPages<T>(path: string): Promise<T[]> {
  const items: T[] = [];
  for (let page = 1; ; page += 1) {
    const data = await api.get<Page<T>>(path, { page, pageSize: 100 });
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

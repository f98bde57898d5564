import type { MatchmakingEvent } from './entities/event.entity.js';
import type { EventMeeting, NoShowParty } from './entities/event-meeting.entity.js';
import type { EventRegistration, ParticipantSide } from './entities/event-registration.entity.js';
import type { EventStatus, RegistrationStatus } from '@smedx/contracts';
import type { MeetingKind, UnmetMinimum } from './scheduler/schedule-types.js';

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface SideCounts {
  pending: number;
  approved: number;
  rejected: number;
}

export interface EventView {
  id: string;
  title: string;
  industry: string;
  district: string;
  venue: string | null;
  online: boolean;
  startsAt: Date;
  /** When the last slot ends. */
  endsAt: Date;
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
  scheduledAt: Date | null;
  publishedAt: Date | null;
  completedAt: Date | null;
  cancelledAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

const MINUTE = 60_000;

/** When slot `slot` starts. */
export function slotStart(event: Pick<MatchmakingEvent, 'startsAt' | 'slotMinutes'>, slot: number): Date {
  return new Date(event.startsAt.getTime() + slot * event.slotMinutes * MINUTE);
}

export function emptyCounts(): { enterprises: SideCounts; providers: SideCounts } {
  return { enterprises: { pending: 0, approved: 0, rejected: 0 }, providers: { pending: 0, approved: 0, rejected: 0 } };
}

export function eventView(e: MatchmakingEvent, registrations = emptyCounts()): EventView {
  return {
    id: e.id,
    title: e.title,
    industry: e.industry,
    district: e.district,
    venue: e.venue,
    online: e.online,
    startsAt: e.startsAt,
    endsAt: slotStart(e, e.slots),
    slotMinutes: e.slotMinutes,
    slots: e.slots,
    tables: e.tables,
    capacityEnterprises: e.capacityEnterprises,
    capacityProviders: e.capacityProviders,
    minMeetingsPerEnterprise: e.minMeetingsPerEnterprise,
    maxMeetingsPerProvider: e.maxMeetingsPerProvider,
    status: e.status,
    organizerId: e.organizerId,
    registrations,
    scheduledAt: e.scheduledAt,
    publishedAt: e.publishedAt,
    completedAt: e.completedAt,
    cancelledAt: e.cancelledAt,
    createdAt: e.createdAt,
    updatedAt: e.updatedAt,
  };
}

/** What every participant of the event sees of another one. */
export interface ParticipantView {
  id: string;
  eventId: string;
  organisationId: string;
  organisationName: string;
  side: ParticipantSide;
  status: RegistrationStatus;
}

/** The whole registration: for its organisation's members and the organiser. */
export interface RegistrationView extends ParticipantView {
  availableSlots: number[];
  wants: string[];
  decisionReason: string | null;
  decidedAt: Date | null;
  checkedInAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export function participantView(r: EventRegistration, name: string): ParticipantView {
  return { id: r.id, eventId: r.eventId, organisationId: r.organisationId, organisationName: name, side: r.side, status: r.status };
}

export function registrationView(r: EventRegistration, name: string): RegistrationView {
  return {
    ...participantView(r, name),
    availableSlots: r.availableSlots,
    wants: r.wants,
    decisionReason: r.decisionReason,
    decidedAt: r.decidedAt,
    checkedInAt: r.checkedInAt,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

export interface MeetingView {
  id: string;
  eventId: string;
  slot: number;
  table: number;
  startsAt: Date;
  endsAt: Date;
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
  outcomeAt: Date | null;
}

export function meetingView(
  m: EventMeeting,
  event: Pick<MatchmakingEvent, 'startsAt' | 'slotMinutes'>,
  names: ReadonlyMap<string, string>,
): MeetingView {
  return {
    id: m.id,
    eventId: m.eventId,
    slot: m.slot,
    table: m.table,
    startsAt: slotStart(event, m.slot),
    endsAt: slotStart(event, m.slot + 1),
    enterpriseId: m.enterpriseId,
    enterpriseName: names.get(m.enterpriseId) ?? '',
    providerId: m.providerId,
    providerName: names.get(m.providerId) ?? '',
    kind: m.kind,
    value: m.value,
    score: m.score,
    source: m.source,
    held: m.held,
    intent: m.intent,
    contract: m.contract,
    noShowBy: m.noShowBy,
    outcomeAt: m.outcomeAt,
  };
}

export interface ScheduleView {
  eventId: string;
  status: EventStatus;
  /** Ordered by slot, then table. */
  meetings: MeetingView[];
  unmetMinimums: UnmetMinimum[];
  totalValue: number;
  /** Candidate pairs the scheduler chose from. */
  candidates: number;
}

export interface AgendaItem {
  meetingId: string;
  slot: number;
  table: number;
  startsAt: Date;
  endsAt: Date;
  counterpart: { id: string; name: string; side: ParticipantSide };
  kind: MeetingKind;
  held: boolean | null;
  intent: boolean | null;
  contract: boolean | null;
}

export interface AgendaView {
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
  /** Intents ÷ meetings of this kind; null without meetings. */
  intentRate: number | null;
}

export interface EventReport {
  eventId: string;
  title: string;
  status: EventStatus;
  registrations: {
    enterprises: SideCounts & { checkedIn: number };
    providers: SideCounts & { checkedIn: number };
  };
  meetings: {
    /** What the scheduler proposed at its last run. */
    proposed: number;
    /** In the schedule now (after the organiser's edits). */
    scheduled: number;
    recorded: number;
    held: number;
    noShows: number;
    noShowsByProvider: number;
    noShowsByEnterprise: number;
    intents: number;
    contracts: number;
    /** Meetings without an outcome yet. */
    pending: number;
  };
  byKind: Record<MeetingKind, KindFigures>;
  /** How good the recommendations were: recommended-only meetings and the share that led to an intent. */
  recommendations: { meetings: number; held: number; intents: number; intentRate: number | null; intentRateOfHeld: number | null };
  /** proposed → scheduled → held → intent → contract. */
  funnel: { stage: 'proposed' | 'scheduled' | 'held' | 'intent' | 'contract'; count: number }[];
  unmetMinimums: UnmetMinimum[];
  providerNoShows: { providerId: string; providerName: string; noShows: number }[];
}

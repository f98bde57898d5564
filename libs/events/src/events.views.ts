import type { EventView, MeetingView, ParticipantView, RegistrationView, SideCounts } from '@smedx/contracts';

export type {
  AgendaItem,
  AgendaView,
  EventReport,
  EventView,
  KindFigures,
  MeetingView,
  Page,
  ParticipantView,
  RegistrationView,
  ScheduleView,
  SideCounts,
} from '@smedx/contracts';
import type { MatchmakingEvent } from './entities/event.entity.js';
import type { EventMeeting } from './entities/event-meeting.entity.js';
import type { EventRegistration } from './entities/event-registration.entity.js';

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

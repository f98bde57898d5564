import { z } from 'zod';
import { EVENT_STATUSES, REGISTRATION_STATUSES } from '../states/event-state.js';
import { count, instant, pageOf, uuid } from '../wire.js';
import { empty, json, jsonOrFile } from './route.js';

export const PARTICIPANT_SIDES = ['enterprise', 'provider'] as const;
export type ParticipantSide = (typeof PARTICIPANT_SIDES)[number];
export const MEETING_KINDS = ['mutual', 'requested', 'recommended'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];
export const NO_SHOW_PARTIES = ['enterprise', 'provider', 'both'] as const;
export type NoShowParty = (typeof NO_SHOW_PARTIES)[number];
/** Why the scheduler could not give an enterprise its minimum of meetings. */
export const UNMET_REASONS = [
  'no_available_slots',
  'no_common_slot',
  'no_candidates',
  'providers_at_capacity',
  'tables_full',
  'slots_taken',
  'no_room',
] as const;
export type UnmetReason = (typeof UNMET_REASONS)[number];

const side = z.enum(PARTICIPANT_SIDES);
const kind = z.enum(MEETING_KINDS);

export const SideCountsSchema = z.strictObject({ pending: count, approved: count, rejected: count });
export type SideCounts = z.output<typeof SideCountsSchema>;

export const EventViewSchema = z.strictObject({
  id: uuid,
  title: z.string(),
  industry: z.string(),
  district: z.string(),
  venue: z.string().nullable(),
  online: z.boolean(),
  startsAt: instant,
  /** When the last slot ends. */
  endsAt: instant,
  slotMinutes: z.number().int(),
  slots: z.number().int(),
  tables: z.number().int(),
  capacityEnterprises: z.number().int(),
  capacityProviders: z.number().int(),
  minMeetingsPerEnterprise: z.number().int(),
  maxMeetingsPerProvider: z.number().int(),
  status: z.enum(EVENT_STATUSES),
  organizerId: uuid,
  registrations: z.strictObject({ enterprises: SideCountsSchema, providers: SideCountsSchema }),
  scheduledAt: instant.nullable(),
  publishedAt: instant.nullable(),
  completedAt: instant.nullable(),
  cancelledAt: instant.nullable(),
  createdAt: instant,
  updatedAt: instant,
});
export type EventView = z.output<typeof EventViewSchema>;

/** What every participant of the event sees of another one. */
export const ParticipantViewSchema = z.strictObject({
  id: uuid,
  eventId: uuid,
  organisationId: uuid,
  organisationName: z.string(),
  side,
  status: z.enum(REGISTRATION_STATUSES),
});
export type ParticipantView = z.output<typeof ParticipantViewSchema>;

/** The whole registration: for its organisation's members and the organiser. */
export const RegistrationViewSchema = ParticipantViewSchema.extend({
  availableSlots: z.array(z.number().int()),
  wants: z.array(uuid),
  decisionReason: z.string().nullable(),
  decidedAt: instant.nullable(),
  checkedInAt: instant.nullable(),
  createdAt: instant,
  updatedAt: instant,
});
export type RegistrationView = z.output<typeof RegistrationViewSchema>;

/** `POST /events/:id/check-in`: the registration, and whether it had checked in before (then `checkedInAt` is that first time). */
export const CheckInResultSchema = RegistrationViewSchema.extend({ alreadyCheckedIn: z.boolean() });
export type CheckInResult = z.output<typeof CheckInResultSchema>;

export const MeetingViewSchema = z.strictObject({
  id: uuid,
  eventId: uuid,
  slot: z.number().int(),
  table: z.number().int(),
  startsAt: instant,
  endsAt: instant,
  enterpriseId: uuid,
  enterpriseName: z.string(),
  providerId: uuid,
  providerName: z.string(),
  kind,
  value: z.number(),
  score: z.number(),
  source: z.enum(['scheduler', 'organiser']),
  held: z.boolean().nullable(),
  intent: z.boolean().nullable(),
  contract: z.boolean().nullable(),
  noShowBy: z.enum(NO_SHOW_PARTIES).nullable(),
  outcomeAt: instant.nullable(),
});
export type MeetingView = z.output<typeof MeetingViewSchema>;

export const UnmetMinimumSchema = z.strictObject({
  enterpriseId: uuid,
  /** Meetings it got. */
  meetings: count,
  required: count,
  reason: z.enum(UNMET_REASONS),
  /** The reason in plain words, for the organiser. */
  message: z.string(),
});

export const ScheduleViewSchema = z.strictObject({
  eventId: uuid,
  status: z.enum(EVENT_STATUSES),
  /** Ordered by slot, then table. */
  meetings: z.array(MeetingViewSchema),
  unmetMinimums: z.array(UnmetMinimumSchema),
  totalValue: z.number(),
  /** Candidate pairs the scheduler chose from. */
  candidates: count,
});
export type ScheduleView = z.output<typeof ScheduleViewSchema>;

export const AgendaItemSchema = z.strictObject({
  meetingId: uuid,
  slot: z.number().int(),
  table: z.number().int(),
  startsAt: instant,
  endsAt: instant,
  counterpart: z.strictObject({ id: uuid, name: z.string(), side }),
  kind,
  held: z.boolean().nullable(),
  intent: z.boolean().nullable(),
  contract: z.boolean().nullable(),
});
export type AgendaItem = z.output<typeof AgendaItemSchema>;

/**
 * What a participant shows at the desk: a signed token (in the QR image) and a
 * short code to type, both naming its registration at this event.
 */
export const CheckInCredentialsSchema = z.strictObject({
  /** Signed (HMAC-SHA256 with the server's secret): the event, the registration and the expiry. */
  token: z.string(),
  /** 6 characters of an alphabet without 0/O/1/I, unique within the event. */
  shortCode: z.string(),
  /** The token as a QR code, an SVG document. */
  qrSvg: z.string(),
  /** The event's end plus a margin. */
  expiresAt: instant,
  checkedInAt: instant.nullable(),
});
export type CheckInCredentials = z.output<typeof CheckInCredentialsSchema>;

export const AgendaViewSchema = z.strictObject({
  eventId: uuid,
  title: z.string(),
  venue: z.string().nullable(),
  online: z.boolean(),
  organisationId: uuid,
  organisationName: z.string(),
  items: z.array(AgendaItemSchema),
  /** While the event takes check-ins (published); null otherwise. */
  checkIn: CheckInCredentialsSchema.nullable(),
});
export type AgendaView = z.output<typeof AgendaViewSchema>;

const rate = z.number().nullable();

export const KindFiguresSchema = z.strictObject({
  meetings: count,
  held: count,
  noShows: count,
  intents: count,
  contracts: count,
  /** Intents ÷ meetings of this kind; null without meetings. */
  intentRate: rate,
});
export type KindFigures = z.output<typeof KindFiguresSchema>;

const checkedInCounts = SideCountsSchema.extend({ checkedIn: count });

export const EventReportSchema = z.strictObject({
  eventId: uuid,
  title: z.string(),
  status: z.enum(EVENT_STATUSES),
  registrations: z.strictObject({ enterprises: checkedInCounts, providers: checkedInCounts }),
  meetings: z.strictObject({
    proposed: count,
    scheduled: count,
    recorded: count,
    held: count,
    noShows: count,
    noShowsByProvider: count,
    noShowsByEnterprise: count,
    intents: count,
    contracts: count,
    pending: count,
  }),
  byKind: z.strictObject({ mutual: KindFiguresSchema, requested: KindFiguresSchema, recommended: KindFiguresSchema }),
  recommendations: z.strictObject({ meetings: count, held: count, intents: count, intentRate: rate, intentRateOfHeld: rate }),
  /** proposed → scheduled → held → intent → contract. */
  funnel: z.array(z.strictObject({ stage: z.enum(['proposed', 'scheduled', 'held', 'intent', 'contract']), count })),
  unmetMinimums: z.array(UnmetMinimumSchema),
  providerNoShows: z.array(z.strictObject({ providerId: uuid, providerName: z.string(), noShows: count })),
  /**
   * Check-ins by time: the quarter hours (`bucketMinutes`) in which someone arrived, in order, each
   * with its count and the running total; `total` is every participant checked in.
   */
  arrivals: z.strictObject({
    bucketMinutes: z.number().int(),
    total: count,
    buckets: z.array(z.strictObject({ from: instant, count, cumulative: count })),
  }),
});
export type EventReport = z.output<typeof EventReportSchema>;

export const eventRoutes = {
  'POST /events': json(EventViewSchema),
  'GET /events': json(pageOf(EventViewSchema)),
  'GET /events/:id': json(EventViewSchema),
  'PATCH /events/:id': json(EventViewSchema),
  'POST /events/:id/open-registration': json(EventViewSchema),
  'POST /events/:id/close-registration': json(EventViewSchema),
  'POST /events/:id/complete': json(EventViewSchema),
  'POST /events/:id/cancel': json(EventViewSchema),
  'POST /events/:id/registrations': json(RegistrationViewSchema),
  /** The organiser and each registration's own members see the whole registration; other participants its public part. */
  'GET /events/:id/registrations': json(pageOf(z.union([RegistrationViewSchema, ParticipantViewSchema]))),
  'PATCH /events/:id/registrations/:rid': json(RegistrationViewSchema),
  'POST /events/:id/registrations/:rid/approve': json(RegistrationViewSchema),
  'POST /events/:id/registrations/:rid/reject': json(RegistrationViewSchema),
  'POST /events/:id/schedule': json(ScheduleViewSchema),
  'GET /events/:id/meetings': json(pageOf(MeetingViewSchema)),
  'POST /events/:id/meetings': json(MeetingViewSchema),
  'POST /events/:id/meetings/swap': json(z.array(MeetingViewSchema)),
  'PATCH /events/:id/meetings/:mid': json(MeetingViewSchema),
  'DELETE /events/:id/meetings/:mid': empty,
  'POST /events/:id/publish': json(EventViewSchema),
  /** JSON, or the .ics calendar with `Accept: text/calendar`. */
  'GET /events/:id/agenda': jsonOrFile(AgendaViewSchema, 'text/calendar'),
  'POST /events/:id/check-in': json(CheckInResultSchema),
  'POST /events/:id/meetings/:mid/outcome': json(MeetingViewSchema),
  'GET /events/:id/report': json(EventReportSchema),
} as const;

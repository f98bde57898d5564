import { z } from 'zod';
import { DISTRICT_CODES, INDUSTRY_CODES } from '@smedx/taxonomy';
import { EVENT_LIMITS, EVENT_STATUSES } from '@smedx/contracts';

export { DRAFT_ONLY_EVENT_FIELDS, EVENT_LIMITS } from '@smedx/contracts';
import { NO_SHOW_PARTIES } from '../entities/event-meeting.entity.js';
import { SHORT_CODE_ALPHABET, SHORT_CODE_LENGTH, normaliseShortCode } from '../check-in-token.js';

const text = (max: number) =>
  z.string({ error: 'must be a string' }).trim().min(1, 'is required').max(max, `must be at most ${max} characters`);

const int = (min: number, max: number) =>
  z
    .number({ error: `must be a whole number from ${min} to ${max}` })
    .int(`must be a whole number from ${min} to ${max}`)
    .min(min, `must be at least ${min}`)
    .max(max, `must be at most ${max}`);

const uuid = z.string({ error: 'must be a UUID' }).uuid('must be a UUID');

/** An event's own fields, as `POST /events` takes them. */
const EventFieldsSchema = z.object({
  title: text(200),
  industry: z.enum(INDUSTRY_CODES, { error: 'must be an industry code from GET /taxonomies' }),
  district: z.enum(DISTRICT_CODES, { error: 'must be a district code from GET /taxonomies' }),
  venue: text(200).nullish(),
  online: z.boolean({ error: 'must be true or false' }).default(false),
  startsAt: z
    .string({ error: 'must be an ISO 8601 date-time' })
    .pipe(z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time with a time zone, e.g. 2025-06-18T09:00:00+08:00' }))
    .transform((s) => new Date(s)),
  slotMinutes: int(EVENT_LIMITS.slotMinutes.min, EVENT_LIMITS.slotMinutes.max),
  slots: int(1, EVENT_LIMITS.slots),
  tables: int(1, EVENT_LIMITS.tables),
  capacityEnterprises: int(1, EVENT_LIMITS.capacity),
  capacityProviders: int(1, EVENT_LIMITS.capacity),
  minMeetingsPerEnterprise: int(0, EVENT_LIMITS.slots),
  maxMeetingsPerProvider: int(1, EVENT_LIMITS.slots),
});

type EventFields = Pick<
  z.infer<typeof EventFieldsSchema>,
  'online' | 'venue' | 'slots' | 'minMeetingsPerEnterprise' | 'maxMeetingsPerProvider'
>;

/** What must hold between an event's fields, whether they come from one request or from a change and the stored event. */
export function eventFieldIssues(v: EventFields): { field: string; reason: string }[] {
  const issues: { field: string; reason: string }[] = [];
  if (!v.online && !v.venue) issues.push({ field: 'venue', reason: 'is required unless the event is online' });
  if (v.minMeetingsPerEnterprise > v.slots)
    issues.push({ field: 'minMeetingsPerEnterprise', reason: `must be at most slots (${v.slots})` });
  if (v.maxMeetingsPerProvider > v.slots) issues.push({ field: 'maxMeetingsPerProvider', reason: `must be at most slots (${v.slots})` });
  return issues;
}

/** `POST /events` (organisers). */
export const CreateEventSchema = EventFieldsSchema.superRefine((v, ctx) => {
  for (const { field, reason } of eventFieldIssues(v)) ctx.addIssue({ code: 'custom', path: [field], message: reason });
});
export type CreateEventInput = z.infer<typeof CreateEventSchema>;

/**
 * `PATCH /events/:id` (its organiser): any of the event's fields; `online` is
 * not defaulted, so leaving it out keeps the stored value. Checked against
 * the stored event in the service.
 */
export const UpdateEventSchema = EventFieldsSchema.extend({ online: z.boolean({ error: 'must be true or false' }) })
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: 'must change at least one field', path: [] });
export type UpdateEventInput = z.infer<typeof UpdateEventSchema>;

const slotList = z
  .array(int(0, EVENT_LIMITS.slots - 1), { error: 'must be a list of slot numbers (from 0)' })
  .max(EVENT_LIMITS.slots, `must list at most ${EVENT_LIMITS.slots} slots`)
  .refine((list) => new Set(list).size === list.length, { message: 'must not repeat a slot' });

const wantList = z
  .array(uuid, { error: 'must be a list of organisation ids' })
  .max(EVENT_LIMITS.wants, `must list at most ${EVENT_LIMITS.wants} organisations`)
  .refine((list) => new Set(list).size === list.length, { message: 'must not repeat an organisation' });

/** `POST /events/:id/registrations`: `availableSlots` defaults to every slot, `wants` to none. */
export const RegisterSchema = z.object({
  organisationId: uuid,
  availableSlots: slotList.optional(),
  wants: wantList.default([]),
});
export type RegisterInput = z.infer<typeof RegisterSchema>;

/** `PATCH /events/:id/registrations/:rid`. */
export const UpdateRegistrationSchema = z
  .object({ availableSlots: slotList.optional(), wants: wantList.optional() })
  .refine((v) => v.availableSlots !== undefined || v.wants !== undefined, { message: 'must change availableSlots or wants', path: [] });
export type UpdateRegistrationInput = z.infer<typeof UpdateRegistrationSchema>;

/** `POST /events/:id/registrations/:rid/reject`. */
export const RejectRegistrationSchema = z.object({ reason: text(500) });
export type RejectRegistrationInput = z.infer<typeof RejectRegistrationSchema>;

/** `POST /events/:id/meetings`: the organiser adds a meeting; `table` defaults to the first free one. */
export const AddMeetingSchema = z.object({
  enterpriseId: uuid,
  providerId: uuid,
  slot: int(0, EVENT_LIMITS.slots - 1),
  table: int(0, EVENT_LIMITS.tables - 1).optional(),
});
export type AddMeetingInput = z.infer<typeof AddMeetingSchema>;

/** `PATCH /events/:id/meetings/:mid`: move to another slot and/or table. */
export const MoveMeetingSchema = z
  .object({ slot: int(0, EVENT_LIMITS.slots - 1).optional(), table: int(0, EVENT_LIMITS.tables - 1).optional() })
  .refine((v) => v.slot !== undefined || v.table !== undefined, { message: 'must give slot or table', path: [] });
export type MoveMeetingInput = z.infer<typeof MoveMeetingSchema>;

/** `POST /events/:id/meetings/swap`: two meetings exchange their slots and tables. */
export const SwapMeetingsSchema = z
  .object({ a: uuid, b: uuid })
  .refine((v) => v.a !== v.b, { message: 'must name two different meetings', path: ['b'] });
export type SwapMeetingsInput = z.infer<typeof SwapMeetingsSchema>;

const shortCodePattern = new RegExp(`^[${SHORT_CODE_ALPHABET}]{${SHORT_CODE_LENGTH}}$`);

/**
 * `POST /events/:id/check-in`: exactly one of `organisationId`, `token` (read
 * from the participant's QR code) or `shortCode` (typed; case, spaces and
 * dashes do not matter).
 */
export const CheckInSchema = z
  .object({
    organisationId: uuid.optional(),
    token: z.string({ error: 'must be a string' }).trim().min(1, 'is required').max(200, 'must be at most 200 characters').optional(),
    shortCode: z
      .string({ error: 'must be a string' })
      .transform(normaliseShortCode)
      .pipe(z.string().regex(shortCodePattern, `must be ${SHORT_CODE_LENGTH} letters or digits (without 0, O, 1 or I)`))
      .optional(),
  })
  .refine((v) => [v.organisationId, v.token, v.shortCode].filter((x) => x !== undefined).length === 1, {
    message: 'give exactly one of organisationId, token or shortCode',
    path: [],
  });
export type CheckInInput = z.infer<typeof CheckInSchema>;

/**
 * `POST /events/:id/meetings/:mid/outcome`: held or not; an intent (意向)
 * and a signed contract only for a held meeting; who missed one that was not.
 */
export const OutcomeSchema = z
  .object({
    held: z.boolean({ error: 'must be true or false' }),
    intent: z.boolean({ error: 'must be true or false' }).default(false),
    contract: z.boolean({ error: 'must be true or false' }).default(false),
    noShowBy: z.enum(NO_SHOW_PARTIES, { error: `must be one of ${NO_SHOW_PARTIES.join(', ')}` }).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.held && v.noShowBy)
      ctx.addIssue({ code: 'custom', path: ['noShowBy'], message: 'is only given for a meeting that was not held' });
    if (!v.held && !v.noShowBy)
      ctx.addIssue({
        code: 'custom',
        path: ['noShowBy'],
        message: 'is required when the meeting was not held (enterprise, provider or both)',
      });
    if (!v.held && v.intent) ctx.addIssue({ code: 'custom', path: ['intent'], message: 'cannot be true for a meeting that was not held' });
    if (!v.held && v.contract)
      ctx.addIssue({ code: 'custom', path: ['contract'], message: 'cannot be true for a meeting that was not held' });
  });
export type OutcomeInput = z.infer<typeof OutcomeSchema>;

const page = z.coerce.number({ error: 'must be a page number' }).int('must be a page number').min(1, 'must be at least 1').default(1);
const pageSize = z.coerce
  .number({ error: 'must be a number from 1 to 100' })
  .int('must be a number from 1 to 100')
  .min(1, 'must be at least 1')
  .max(100, 'must be at most 100')
  .default(20);

/** `GET /events`. */
export const ListEventsSchema = z.object({
  status: z.enum(EVENT_STATUSES, { error: `must be one of ${EVENT_STATUSES.join(', ')}` }).optional(),
  page,
  pageSize,
});
export type ListEventsQuery = z.infer<typeof ListEventsSchema>;

/** `GET /events/:id/registrations` and `GET /events/:id/meetings`. */
export const EventPageSchema = z.object({ page, pageSize });
export type EventPageQuery = z.infer<typeof EventPageSchema>;

/** `GET /events/:id/agenda`: whose agenda (when the caller belongs to several participants) and the format. */
export const AgendaQuerySchema = z.object({
  organisationId: uuid.optional(),
  format: z.enum(['json', 'ics'], { error: 'must be json or ics' }).optional(),
});
export type AgendaQuery = z.infer<typeof AgendaQuerySchema>;

import { z } from 'zod';

/** `GET /notifications` query. */
export const ListNotificationsSchema = z.object({
  unread: z
    .enum(['true', 'false'], { message: 'must be true or false' })
    .optional()
    .transform((v) => v === 'true'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type ListNotificationsQuery = z.infer<typeof ListNotificationsSchema>;

/** An SSE event id: the notification's `seq`. */
const eventId = z
  .string()
  .regex(/^\d{1,15}$/, 'must be the id of an event received before (a non-negative integer)')
  .transform(Number);

/**
 * `GET /notifications/stream` query. `access_token` exists because a browser's
 * `EventSource` cannot send an Authorization header; `lastEventId` mirrors the
 * `Last-Event-ID` header for clients that cannot set it either.
 */
export const NotificationStreamSchema = z.object({
  access_token: z.string().min(1).max(4096).optional(),
  lastEventId: eventId.optional(),
});
export type NotificationStreamQuery = z.infer<typeof NotificationStreamSchema>;

/** The `Last-Event-ID` request header, validated like the query parameter. */
export const LastEventIdHeaderSchema = z.object({ 'Last-Event-ID': eventId.optional() });

const uuid = z.string().uuid('must be a UUID');

/**
 * What a context passes to `NotificationsService.notify`. Checked there: a
 * failure is a programming error of the caller, not a client's.
 */
export const NotifyInputSchema = z.object({
  recipients: z.object({
    userIds: z.array(uuid).max(1000).optional(),
    organisationIds: z.array(uuid).max(1000).optional(),
  }),
  kind: z
    .string()
    .max(60)
    .regex(/^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)*$/, 'must look like "match.strong"'),
  // Titles quote user text (a need's title): cut rather than lose the notification.
  title: z
    .string()
    .trim()
    .min(1)
    .transform((v) => (v.length > 200 ? `${v.slice(0, 199)}…` : v)),
  body: z.string().max(20_000),
  link: z.string().max(500).nullish(),
  data: z.record(z.string(), z.unknown()).nullish(),
  dedupeKey: z.string().min(1).max(200),
});

/** One notification to send; see {@link NotificationsService.notify}. */
export interface NotifyInput {
  recipients: { userIds?: string[]; organisationIds?: string[] };
  /** What happened, e.g. `match.strong`, `bid.received`. */
  kind: string;
  /** Short, in Chinese; longer than 200 characters is cut. */
  title: string;
  body: string;
  /** Where in the web UI the user acts on it, e.g. `/needs/<id>`. */
  link?: string | null;
  data?: Record<string, unknown> | null;
  /**
   * Identifies the fact being notified (e.g. `match.strong:<needId>:<solutionId>`):
   * each user gets at most one notification per key, however often it is sent.
   */
  dedupeKey: string;
}

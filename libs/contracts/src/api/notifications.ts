import { z } from 'zod';
import { count, instant, pageOf, uuid } from '../wire.js';
import { json, stream } from './route.js';

/** A notification as clients see it (inbox items and stream events alike). */
export const NotificationViewSchema = z.strictObject({
  id: uuid,
  /** What it is about, e.g. `bid.awarded`. */
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  /** Where in the web UI the user acts on it, e.g. `/projects/<id>`. */
  link: z.string().nullable(),
  data: z.record(z.string(), z.unknown()).nullable(),
  readAt: instant.nullable(),
  createdAt: instant,
});
export type NotificationView = z.output<typeof NotificationViewSchema>;

/** A page of the caller's notifications, with how many of all of them are unread. */
export const NotificationPageViewSchema = pageOf(NotificationViewSchema).extend({ unread: count });
export type NotificationPageView = z.output<typeof NotificationPageViewSchema>;

/** What marking all read answers: how many changed, and how many remain unread. */
export const ReadAllViewSchema = z.strictObject({ updated: count, unread: count });
export type ReadAllView = z.output<typeof ReadAllViewSchema>;

export const notificationsRoutes = {
  'GET /notifications': json(NotificationPageViewSchema),
  'GET /notifications/stream': stream,
  'POST /notifications/read-all': json(ReadAllViewSchema),
  'POST /notifications/:id/read': json(NotificationViewSchema),
} as const;

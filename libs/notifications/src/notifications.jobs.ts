import { defineJob } from '@smedx/platform';

/** What the `notifications.deliver` job carries: a validated notify input plus its time. */
export interface NotificationDeliveryPayload {
  recipients: { userIds: string[]; organisationIds: string[] };
  kind: string;
  title: string;
  body: string;
  link: string | null;
  data: Record<string, unknown> | null;
  dedupeKey: string;
  /** ISO instant of the `notify` call: the notifications' `createdAt`. */
  at: string;
}

/** Writes the inbox rows of one notification and sends (or keeps) their e-mails; urgent: people wait for it. */
export const NotificationsDeliverJob = defineJob<NotificationDeliveryPayload>('notifications.deliver', { urgent: true });

/** What the `notifications.deliver-many` job carries: several notifications caused by one change. */
export interface NotificationBatchPayload {
  notifications: NotificationDeliveryPayload[];
}

/**
 * Delivers the notifications of one change (a re-match's strong pairs) together:
 * one job and one transaction instead of one per notification. Each keeps its
 * own dedupe key, so each reaches a user once however often the job runs.
 */
export const NotificationsDeliverManyJob = defineJob<NotificationBatchPayload>('notifications.deliver-many', { urgent: true });

/** What the `notifications.send-mail` job carries: notifications whose inbox rows and mail are written. */
export interface NotificationMailPayload {
  notificationIds: string[];
}

/**
 * Sends (over SMTP) the mail of notifications written inside another job's
 * transaction ({@link NotificationsService.deliverNow}); without SMTP the mail
 * was kept with them and there is nothing to do. Idempotent like delivery:
 * each mail is claimed before it is sent.
 */
export const NotificationsSendMailJob = defineJob<NotificationMailPayload>('notifications.send-mail', { urgent: true });

import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager, IsNull, MoreThan } from 'typeorm';
import { CLOCK, NotFoundError, OutboxService, UnitOfWork } from '@smedx/platform';
import type { Clock, Principal } from '@smedx/platform';
import { NotifyInputSchema } from './dto/notifications.dto.js';
import type { ListNotificationsQuery, NotifyInput } from './dto/notifications.dto.js';
import { Notification } from './notification.entity.js';
import { toNotificationView } from './notification.view.js';
import type { NotificationView } from './notification.view.js';
import { NotificationDelivery } from './notification-delivery.service.js';
import { NotificationsDeliverJob, NotificationsDeliverManyJob, NotificationsSendMailJob } from './notifications.jobs.js';
import type { NotificationDeliveryPayload } from './notifications.jobs.js';
import type { NotificationPageView, ReadAllView } from '@smedx/contracts';

/** A page of the caller's notifications with their unread count, whatever the filter (the contract's `NotificationPageView`). */
export type NotificationPage = NotificationPageView;

/**
 * The in-app inbox. Other contexts call {@link notify} inside their own
 * transaction; the notifications themselves are written by the
 * `notifications.deliver` job, or, when the caller is itself a job, in its
 * transaction ({@link deliverNow}).
 */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly outbox: OutboxService,
    private readonly delivery: NotificationDelivery,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * Queues one notification to users and/or every member of organisations,
   * as part of the transaction `tx`: it is delivered if and only if `tx`
   * commits. Each user receives it once per `dedupeKey`, in the inbox, on open
   * live streams and by e-mail (kept in the database when SMTP is not set).
   *
   * @throws Error on invalid input — a bug in the caller, not a client error.
   */
  async notify(tx: EntityManager, input: NotifyInput): Promise<void> {
    await this.notifyAll(tx, [input]);
  }

  /**
   * {@link notify} for several notifications caused by one change (a
   * re-match's new strong pairs): one job delivers them all, in one
   * transaction, each still once per user and dedupe key.
   *
   * @throws Error on invalid input — a bug in the caller, not a client error.
   */
  async notifyAll(tx: EntityManager, inputs: NotifyInput[]): Promise<void> {
    const payloads = this.payloads(inputs);
    if (payloads.length === 1) await this.outbox.add(tx, NotificationsDeliverJob, payloads[0]!);
    else if (payloads.length) await this.outbox.add(tx, NotificationsDeliverManyJob, { notifications: payloads });
  }

  /**
   * Delivers notifications as part of `tx` itself, for a job that found them
   * (a re-match's strong pairs): the inbox rows and their mail are written with
   * `tx` and appear when it commits, with no second job in between. Only the
   * sending of the mail over SMTP is left to a `notifications.send-mail` job,
   * queued with them. The same dedupe keys as {@link notify}: each user is
   * told once per key, whoever delivers it. Not for a request's transaction:
   * the audiences' lookup and the inserts would lengthen it.
   *
   * @throws Error on invalid input — a bug in the caller, not a client error.
   */
  async deliverNow(tx: EntityManager, inputs: NotifyInput[]): Promise<void> {
    const payloads = this.payloads(inputs);
    if (!payloads.length) return;
    const notificationIds = await this.delivery.write(tx, payloads);
    if (notificationIds.length && this.delivery.sendsMail) await this.outbox.add(tx, NotificationsSendMailJob, { notificationIds });
  }

  /** The validated job payloads of these notifications, stamped now; those that reach nobody left out. */
  private payloads(inputs: NotifyInput[]): NotificationDeliveryPayload[] {
    const at = this.clock.now().toISOString();
    return inputs.map((input) => deliveryPayload(input, at)).filter((p) => p !== null);
  }

  /** The caller's inbox, newest first. */
  async list(actor: Principal, query: ListNotificationsQuery): Promise<NotificationPage> {
    const repo = this.dataSource.getRepository(Notification);
    const [rows, total] = await repo.findAndCount({
      where: { userId: actor.userId, ...(query.unread ? { readAt: IsNull() } : {}) },
      order: { createdAt: 'DESC', seq: 'DESC' },
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    });
    const unread = query.unread ? total : await repo.countBy({ userId: actor.userId, readAt: IsNull() });
    return { items: rows.map(toNotificationView), total, unread, page: query.page, pageSize: query.pageSize };
  }

  /**
   * Marks one of the caller's notifications read; reading it again keeps the
   * first time. Another user's notification is reported as not found.
   */
  async markRead(actor: Principal, id: string): Promise<NotificationView> {
    return this.uow.run(async (tx) => {
      const notification = await tx.findOneBy(Notification, { id, userId: actor.userId });
      if (!notification) throw new NotFoundError('notification', id);
      if (!notification.readAt) {
        notification.readAt = this.clock.now();
        await tx.update(Notification, { seq: notification.seq, readAt: IsNull() }, { readAt: notification.readAt });
      }
      return toNotificationView(notification);
    });
  }

  /** Marks every unread notification of the caller read. */
  async markAllRead(actor: Principal): Promise<ReadAllView> {
    const result = await this.uow.run((tx) =>
      tx.update(Notification, { userId: actor.userId, readAt: IsNull() }, { readAt: this.clock.now() }),
    );
    return { updated: result.affected ?? 0, unread: 0 };
  }

  /**
   * What a reconnecting stream missed: the user's newest `limit` notifications
   * after an event id, oldest first (older ones are in the inbox).
   */
  async missedSince(userId: string, seq: number, limit: number): Promise<Notification[]> {
    const rows = await this.dataSource.getRepository(Notification).find({
      where: { userId, seq: MoreThan(seq) },
      order: { seq: 'DESC' },
      take: limit,
    });
    return rows.reverse();
  }
}

/** The validated job payload of one notification; null when it reaches nobody. */
function deliveryPayload(input: NotifyInput, at: string): NotificationDeliveryPayload | null {
  const parsed = NotifyInputSchema.safeParse(input);
  if (!parsed.success) {
    throw new Error(`invalid notification: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  const n = parsed.data;
  const userIds = [...new Set(n.recipients.userIds ?? [])];
  const organisationIds = [...new Set(n.recipients.organisationIds ?? [])];
  if (!userIds.length && !organisationIds.length) return null;
  return {
    recipients: { userIds, organisationIds },
    kind: n.kind,
    title: n.title,
    body: n.body,
    link: n.link ?? null,
    data: n.data ?? null,
    dedupeKey: n.dedupeKey,
    at,
  };
}

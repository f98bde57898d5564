import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager, In, LessThan } from 'typeorm';
import { CLOCK, OnJob, UnitOfWork } from '@smedx/platform';
import type { Clock, JobContext } from '@smedx/platform';
import { IdentityService } from '@smedx/identity';
import { CLAIMABLE_MAIL_STATUSES, MailMessage } from './mail-message.entity.js';
import { MAILER } from './mailer.port.js';
import type { Mailer } from './mailer.port.js';
import { Notification } from './notification.entity.js';
import { NotificationsDeliverJob, NotificationsDeliverManyJob, NotificationsSendMailJob } from './notifications.jobs.js';
import type { NotificationBatchPayload, NotificationDeliveryPayload, NotificationMailPayload } from './notifications.jobs.js';

/**
 * A message claimed by a job that has neither finished nor retried by then is
 * free again (its worker died for good).
 */
const CLAIM_LEASE_MS = 10 * 60_000;

/**
 * Runs the `notifications.deliver`, `notifications.deliver-many` and
 * `notifications.send-mail` jobs, and writes the notifications a job delivers
 * in its own transaction ({@link write}). Idempotent: inbox rows are unique per
 * (user, dedupe key) and each e-mail is claimed before it is sent and marked
 * after, so a retried or duplicated job neither repeats a notification nor
 * sends a mail twice (short of a crash between the SMTP handover and the mark,
 * where sending again beats losing it).
 */
@Injectable()
export class NotificationDelivery {
  private readonly logger = new Logger('NotificationDelivery');

  constructor(
    private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly identity: IdentityService,
    @Inject(MAILER) private readonly mailer: Mailer,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @OnJob(NotificationsDeliverJob)
  async deliver(payload: NotificationDeliveryPayload, context: JobContext): Promise<void> {
    await this.deliverAll([payload], context);
  }

  @OnJob(NotificationsDeliverManyJob)
  async deliverMany(payload: NotificationBatchPayload, context: JobContext): Promise<void> {
    await this.deliverAll(payload.notifications, context);
  }

  @OnJob(NotificationsSendMailJob)
  async sendMailOf(payload: NotificationMailPayload, context: JobContext): Promise<void> {
    if (this.sendsMail) await this.sendMail(payload.notificationIds, context.jobId);
  }

  /** Whether written mail still has to be sent by a job (SMTP), or was kept with its notification. */
  get sendsMail(): boolean {
    return this.mailer.kind === 'smtp';
  }

  private async deliverAll(payloads: NotificationDeliveryPayload[], context: JobContext): Promise<void> {
    // Inbox rows and their mail commit together, so no notification lacks its e-mail after a crash.
    const notificationIds = await this.uow.run((tx) => this.write(tx, payloads));
    if (this.sendsMail) await this.sendMail(notificationIds, context.jobId);
  }

  /**
   * The inbox rows of these notifications and their mail, written in `tx` with
   * four statements whatever their number (the audiences' contacts, the inbox
   * rows, which of them are these notifications', their mail): rows already
   * there (an earlier run) are left as they are, and so is their mail. Returns
   * the ids of these notifications' inbox rows, new or not, whose mail
   * {@link sendMail} sends when SMTP is set.
   */
  async write(tx: EntityManager, payloads: NotificationDeliveryPayload[]): Promise<string[]> {
    const inbox = new Map<string, Delivery>();
    // Every distinct audience looked up in one query: a re-match's notices go to a dozen organisations.
    const audiences = new Map<string, NotificationDeliveryPayload[]>();
    for (const p of payloads) {
      const key = JSON.stringify([p.recipients.userIds, p.recipients.organisationIds]);
      audiences.set(key, [...(audiences.get(key) ?? []), p]);
    }
    const groups = [...audiences.values()];
    const contacts = await this.identity.contactsOfEach(
      groups.map((group) => group[0]!.recipients),
      tx,
    );
    for (const [i, group] of groups.entries()) {
      for (const to of contacts[i]!) {
        for (const payload of group) inbox.set(deliveryKey(to.userId, payload.dedupeKey), { to, payload });
      }
    }
    if (!inbox.size) return [];
    const deliveries = [...inbox.values()];
    await tx
      .createQueryBuilder()
      .insert()
      .into(Notification)
      .values(
        deliveries.map(({ to, payload }) => ({
          id: randomUUID(),
          userId: to.userId,
          kind: payload.kind,
          title: payload.title,
          body: payload.body,
          link: payload.link,
          data: payload.data as never,
          dedupeKey: payload.dedupeKey,
          readAt: null,
          createdAt: new Date(payload.at),
        })),
      )
      .orIgnore()
      .updateEntity(false)
      .execute();
    const found = await tx.find(Notification, {
      select: { id: true, userId: true, dedupeKey: true },
      where: {
        dedupeKey: In([...new Set(deliveries.map((d) => d.payload.dedupeKey))]),
        userId: In([...new Set(deliveries.map((d) => d.to.userId))]),
      },
    });
    // The query's cross product may hold pairs of other notifications: only these are for this delivery to mail.
    const rows = found.filter((row) => inbox.has(deliveryKey(row.userId, row.dedupeKey)));
    await this.writeMail(tx, rows, inbox);
    return rows.map((r) => r.id);
  }

  private async writeMail(
    tx: EntityManager,
    rows: Pick<Notification, 'id' | 'userId' | 'dedupeKey'>[],
    inbox: Map<string, Delivery>,
  ): Promise<void> {
    if (!rows.length) return;
    const now = this.clock.now();
    // Without SMTP keeping the message is the whole delivery: it is written kept, with no claim to go through.
    const keep = this.mailer.kind === 'database';
    await tx
      .createQueryBuilder()
      .insert()
      .into(MailMessage)
      .values(
        rows.map((row) => {
          const { to, payload } = inbox.get(deliveryKey(row.userId, row.dedupeKey))!;
          return {
            id: randomUUID(),
            notificationId: row.id,
            to: to.email,
            subject: payload.title,
            body: mailText(to.displayName, payload),
            status: keep ? ('kept' as const) : ('pending' as const),
            attempts: keep ? 1 : 0,
            createdAt: now,
          };
        }),
      )
      .orIgnore()
      .updateEntity(false)
      .execute();
  }

  /** Sends every not-yet-sent mail of these notifications; throws (so the job retries) if any failed. */
  private async sendMail(notificationIds: string[], jobId: number): Promise<void> {
    if (!notificationIds.length) return;
    const stale = new Date(this.clock.now().getTime() - CLAIM_LEASE_MS);
    const ids = In(notificationIds);
    const due = await this.dataSource.getRepository(MailMessage).find({
      where: [
        { notificationId: ids, status: In([...CLAIMABLE_MAIL_STATUSES]) },
        { notificationId: ids, status: 'sending', claimedBy: jobId },
        { notificationId: ids, status: 'sending', claimedAt: LessThan(stale) },
      ],
      order: { createdAt: 'ASC', to: 'ASC' },
    });
    const failures: string[] = [];
    for (const mail of due) {
      if (!(await this.claim(mail.id, jobId, stale))) continue;
      try {
        const outcome = await this.mailer.send({ to: mail.to, subject: mail.subject, text: mail.body });
        await this.finish(mail.id, { status: outcome, sentAt: outcome === 'sent' ? this.clock.now() : null, lastError: null });
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        failures.push(`${mail.to}: ${message}`);
        await this.finish(mail.id, { status: 'failed', lastError: message.slice(0, 2000) });
      }
    }
    if (failures.length) {
      this.logger.warn(`job ${jobId}: ${failures.length} e-mail(s) not sent`);
      throw new Error(`${failures.length} of ${due.length} e-mail(s) not sent: ${failures.join('; ')}`.slice(0, 2000));
    }
  }

  /** Takes the message for this job unless another live job holds it; true when taken. */
  private async claim(mailId: string, jobId: number, stale: Date): Promise<boolean> {
    const result = await this.uow.statement((db) =>
      db
        .createQueryBuilder()
        .update(MailMessage)
        .set({ status: 'sending', claimedBy: jobId, claimedAt: this.clock.now() })
        .where([
          { id: mailId, status: In([...CLAIMABLE_MAIL_STATUSES]) },
          { id: mailId, status: 'sending', claimedBy: jobId },
          { id: mailId, status: 'sending', claimedAt: LessThan(stale) },
        ])
        .execute(),
    );
    return result.affected === 1;
  }

  private async finish(mailId: string, patch: Pick<Partial<MailMessage>, 'status' | 'sentAt' | 'lastError'>): Promise<void> {
    await this.uow.statement((db) =>
      db
        .createQueryBuilder()
        .update(MailMessage)
        .set({ ...patch, attempts: () => 'attempts + 1' })
        .where({ id: mailId })
        .execute(),
    );
  }
}

interface Delivery {
  to: { userId: string; email: string; displayName: string };
  payload: NotificationDeliveryPayload;
}

const deliveryKey = (userId: string, dedupeKey: string): string => `${userId}\u0000${dedupeKey}`;

/** The plain-text e-mail of a notification, in Chinese like the platform. */
export function mailText(displayName: string, n: Pick<NotificationDeliveryPayload, 'title' | 'body' | 'link'>): string {
  const lines = [`${displayName}，您好：`, '', n.title, '', n.body];
  if (n.link) lines.push('', `查看详情：${n.link}`);
  lines.push('', '——', '中小企业数字化转型供需对接平台（本邮件由系统自动发送，请勿直接回复）');
  return lines.join('\n');
}

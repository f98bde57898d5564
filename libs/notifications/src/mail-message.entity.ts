import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TimeColumn } from '@smedx/platform';

/**
 * `pending` → `sending` (claimed by one job) → `sent` through SMTP; `kept`
 * when no SMTP server is configured (written so with its notification); `failed` is claimed again by the job's
 * next attempt.
 */
export type MailStatus = 'pending' | 'sending' | 'sent' | 'kept' | 'failed';

/** Statuses a delivery job may claim a message from. */
export const CLAIMABLE_MAIL_STATUSES: readonly MailStatus[] = ['pending', 'failed'];

/**
 * The e-mail of one notification. Written with the notification, so mail is
 * never silently dropped: without SMTP it stays here as `kept`.
 */
@Entity('mail_message')
@Index(['status'])
export class MailMessage {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid', unique: true })
  notificationId!: string;

  @Column({ length: 254 })
  to!: string;

  @Column({ length: 200 })
  subject!: string;

  @Column({ type: 'text' })
  body!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: MailStatus;

  @Column({ type: 'int', default: 0 })
  attempts!: number;

  @Column({ type: 'text', nullable: true })
  lastError!: string | null;

  /** The outbox job sending it: that job's retry may take it over at once. */
  @Column({ type: 'int', nullable: true })
  claimedBy!: number | null;

  @TimeColumn({ nullable: true })
  claimedAt!: Date | null;

  @TimeColumn({ nullable: true })
  sentAt!: Date | null;

  @TimeColumn()
  createdAt!: Date;
}

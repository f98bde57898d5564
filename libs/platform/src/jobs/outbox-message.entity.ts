import type { JobStatus } from '@smedx/contracts';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { JsonColumn, TimeColumn } from '../database/column-types.js';

/** A job's states (`JOB_STATUSES`). */
export type OutboxStatus = JobStatus;

/**
 * One unit of background work, written in the same transaction as the change
 * that causes it. Its increasing id is also the change sequence that each
 * embedded search index follows.
 */
@Entity('outbox_message')
@Index(['status', 'availableAt'])
@Index(['job', 'collapseKey'])
export class OutboxMessage {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ length: 120 })
  job!: string;

  @JsonColumn()
  payload!: object;

  /** The subject of a job declared with `collapse` (see `JobOptions.collapse`); null for other jobs. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  collapseKey!: string | null;

  @Column({ type: 'varchar', length: 16, default: 'pending' })
  status!: OutboxStatus;

  @Column({ default: 0 })
  attempts!: number;

  @TimeColumn()
  availableAt!: Date;

  @TimeColumn({ nullable: true })
  lockedUntil!: Date | null;

  @Column({ type: 'text', nullable: true })
  lastError!: string | null;

  @CreateDateColumn()
  createdAt!: Date;

  @TimeColumn({ nullable: true })
  completedAt!: Date | null;
}

import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { JsonColumn, TimeColumn } from '@smedx/platform';
import type { EventStatus } from '@smedx/contracts';
import type { UnmetMinimum } from '../scheduler/schedule-types.js';

/** PostgreSQL hands `double precision` back as a number already; SQLite too. Kept explicit for nulls. */
const numberOrNull = { to: (v: number | null) => v, from: (v: string | number | null) => (v === null ? null : Number(v)) };

/**
 * A matchmaking event (供需对接活动): a day of 1:1 meetings between
 * enterprises and providers, in `slots` slots of `slotMinutes` from
 * `startsAt`, at `tables` tables.
 */
@Entity('matchmaking_event')
@Index(['status', 'startsAt'])
@Index(['organizerId', 'createdAt'])
export class MatchmakingEvent {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ length: 200 })
  title!: string;

  @Column({ length: 32 })
  industry!: string;

  @Column({ length: 32 })
  district!: string;

  /** Where it takes place; null for an online-only event. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  venue!: string | null;

  @Column({ type: 'boolean', default: false })
  online!: boolean;

  @TimeColumn()
  startsAt!: Date;

  @Column({ type: 'integer' })
  slotMinutes!: number;

  @Column({ type: 'integer' })
  slots!: number;

  @Column({ type: 'integer' })
  tables!: number;

  @Column({ type: 'integer' })
  capacityEnterprises!: number;

  @Column({ type: 'integer' })
  capacityProviders!: number;

  @Column({ type: 'integer' })
  minMeetingsPerEnterprise!: number;

  @Column({ type: 'integer' })
  maxMeetingsPerProvider!: number;

  @Column({ type: 'varchar', length: 24, default: 'draft' })
  status!: EventStatus;

  /** The organiser (a user with the organizer role) who created it and runs it. */
  @Column({ type: 'uuid' })
  organizerId!: string;

  /** Meetings the scheduler proposed at its last run (the start of the report's funnel). */
  @Column({ type: 'integer', nullable: true })
  proposedMeetings!: number | null;

  /** Total value of the scheduler's proposal. */
  @Column({ type: 'double precision', nullable: true, transformer: numberOrNull })
  proposedValue!: number | null;

  /** Enterprises the last scheduler run left below the minimum, and why. */
  @JsonColumn({ nullable: true })
  unmetMinimums!: UnmetMinimum[] | null;

  @TimeColumn({ nullable: true })
  scheduledAt!: Date | null;

  @TimeColumn({ nullable: true })
  publishedAt!: Date | null;

  @TimeColumn({ nullable: true })
  completedAt!: Date | null;

  @TimeColumn({ nullable: true })
  cancelledAt!: Date | null;

  @CreateDateColumn()
  createdAt!: Date;

  @UpdateDateColumn()
  updatedAt!: Date;
}

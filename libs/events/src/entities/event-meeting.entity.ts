import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { TimeColumn } from '@smedx/platform';
import type { MeetingKind } from '../scheduler/schedule-types.js';

import type { NoShowParty } from '@smedx/contracts';

export { NO_SHOW_PARTIES } from '@smedx/contracts';
export type { NoShowParty } from '@smedx/contracts';

const number = { to: (v: number) => v, from: (v: string | number) => Number(v) };

/**
 * One 1:1 meeting of an event's schedule, and its outcome. The unique
 * indexes are the schedule's rules in the database: one meeting per table,
 * enterprise and provider in a slot, one meeting per pair.
 */
@Entity('event_meeting')
@Index(['eventId', 'slot', 'table'], { unique: true })
@Index(['eventId', 'slot', 'enterpriseId'], { unique: true })
@Index(['eventId', 'slot', 'providerId'], { unique: true })
@Index(['eventId', 'enterpriseId', 'providerId'], { unique: true })
@Index(['providerId', 'noShowBy'])
export class EventMeeting {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  eventId!: string;

  @Column({ type: 'integer' })
  slot!: number;

  @Column({ name: 'table_no', type: 'integer' })
  table!: number;

  @Column({ type: 'uuid' })
  enterpriseId!: string;

  @Column({ type: 'uuid' })
  providerId!: string;

  @Column({ type: 'varchar', length: 16 })
  kind!: MeetingKind;

  /** The scheduler's value of the pair: match score plus the request bonus. */
  @Column({ type: 'double precision', transformer: number })
  value!: number;

  /** The pair's match score when the meeting was planned. */
  @Column({ type: 'double precision', transformer: number })
  score!: number;

  /** Who put it there: the scheduler, or the organiser by hand. */
  @Column({ type: 'varchar', length: 16, default: 'scheduler' })
  source!: 'scheduler' | 'organiser';

  /** Outcome: null until recorded. */
  @Column({ type: 'boolean', nullable: true })
  held!: boolean | null;

  @Column({ type: 'boolean', nullable: true })
  intent!: boolean | null;

  @Column({ type: 'boolean', nullable: true })
  contract!: boolean | null;

  /** Who missed a meeting that was not held. */
  @Column({ type: 'varchar', length: 16, nullable: true })
  noShowBy!: NoShowParty | null;

  @TimeColumn({ nullable: true })
  outcomeAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  outcomeBy!: string | null;

  @CreateDateColumn()
  createdAt!: Date;

  @UpdateDateColumn()
  updatedAt!: Date;
}

import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { JsonColumn, TimeColumn } from '@smedx/platform';
import type { RegistrationStatus } from '@smedx/contracts';

import type { ParticipantSide } from '@smedx/contracts';

export type { ParticipantSide } from '@smedx/contracts';

/** An enterprise or provider signed up for an event, with whom it wants to meet and when it can. */
@Entity('event_registration')
@Index(['eventId', 'organisationId'], { unique: true })
@Index(['eventId', 'side', 'status'])
@Index(['eventId', 'checkInCode'], { unique: true })
export class EventRegistration {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  eventId!: string;

  @Column({ type: 'uuid' })
  organisationId!: string;

  @Column({ type: 'varchar', length: 16 })
  side!: ParticipantSide;

  /** Slot numbers (from 0) it can attend, ascending. */
  @JsonColumn()
  availableSlots!: number[];

  /** Organisations of the other side it wants to meet. */
  @JsonColumn()
  wants!: string[];

  @Column({ type: 'varchar', length: 16, default: 'pending' })
  status!: RegistrationStatus;

  @Column({ type: 'uuid' })
  registeredBy!: string;

  @Column({ type: 'uuid', nullable: true })
  decidedBy!: string | null;

  @TimeColumn({ nullable: true })
  decidedAt!: Date | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  decisionReason!: string | null;

  @TimeColumn({ nullable: true })
  checkedInAt!: Date | null;

  /** The short code typed at the desk instead of scanning; given with the first check-in credentials, unique within the event. */
  @Column({ type: 'varchar', length: 8, nullable: true })
  checkInCode!: string | null;

  @CreateDateColumn()
  createdAt!: Date;

  @UpdateDateColumn()
  updatedAt!: Date;
}

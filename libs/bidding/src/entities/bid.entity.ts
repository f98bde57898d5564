import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { JsonColumn, MoneyColumn, TimeColumn } from '@smedx/platform';
import type { BidStatus } from '@smedx/contracts';
import type { BidAttachment } from '../dto/bid.dto.js';

/**
 * A provider's sealed offer on a need; it holds the current terms, every
 * version (the first included) is kept in {@link BidRevision}.
 */
@Entity('bid')
@Index(['needId', 'status'])
@Index(['providerId', 'status'])
// One bid in the running per provider and need; a withdrawn one leaves room for a new bid.
@Index('UQ_bid_active_provider_need', ['needId', 'providerId'], { unique: true, where: "status IN ('submitted', 'shortlisted')" })
export class Bid {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ length: 36 })
  needId!: string;

  @Column({ length: 36 })
  providerId!: string;

  /** A published solution of the same provider that the offer builds on. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  solutionId!: string | null;

  @MoneyColumn()
  priceFen!: number;

  @Column({ type: 'int' })
  deliveryDays!: number;

  @Column({ type: 'text' })
  proposal!: string;

  /** Metadata of the files that come with the proposal (the files live elsewhere). */
  @JsonColumn()
  attachments!: BidAttachment[];

  @Column({ type: 'varchar', length: 16, default: 'submitted' })
  status!: BidStatus;

  /** The number of the current version: 1 when submitted, +1 per revision. */
  @Column({ type: 'int', default: 1 })
  revision!: number;

  /** The member who submitted it. */
  @Column({ length: 36 })
  submittedBy!: string;

  /** Business times, by the injected clock (the deadline is judged by it). */
  @TimeColumn()
  submittedAt!: Date;

  @TimeColumn({ nullable: true })
  revisedAt!: Date | null;

  @TimeColumn({ nullable: true })
  shortlistedAt!: Date | null;

  @TimeColumn({ nullable: true })
  withdrawnAt!: Date | null;

  /** When it was awarded or not awarded. */
  @TimeColumn({ nullable: true })
  decidedAt!: Date | null;

  @CreateDateColumn()
  createdAt!: Date;

  @UpdateDateColumn()
  updatedAt!: Date;
}

import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { JsonColumn, MoneyColumn, TimeColumn } from '@smedx/platform';
import type { NeedSite } from './dto/need.dto.js';
import type { NeedStatus } from '@smedx/contracts';

/** A transformation need (需求) an enterprise publishes for providers to bid on. */
@Entity('need')
@Index(['enterpriseId', 'status'])
@Index(['status', 'publishedAt'])
export class Need {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ length: 36 })
  enterpriseId!: string;

  @Column({ length: 120 })
  title!: string;

  @Column({ type: 'text' })
  description!: string;

  @JsonColumn()
  scenarios!: string[];

  @MoneyColumn()
  budgetFen!: number;

  @Column({ type: 'int' })
  expectedDays!: number;

  @TimeColumn()
  bidDeadline!: Date;

  /** Further sites of a joint need (a chain publishing for its members); empty for most needs. */
  @JsonColumn()
  sites!: NeedSite[];

  /** Shown only to the enterprise, officers and providers it consented to. */
  @Column({ type: 'text', nullable: true })
  privateDetails!: string | null;

  /**
   * Copied from the enterprise on every write: search and matching filter on
   * them without a join into another context's table.
   */
  @Column({ length: 32 })
  industry!: string;

  @Column({ length: 32 })
  district!: string;

  @Column({ type: 'varchar', length: 16, default: 'draft' })
  status!: NeedStatus;

  @TimeColumn({ nullable: true })
  publishedAt!: Date | null;

  @TimeColumn({ nullable: true })
  cancelledAt!: Date | null;

  /**
   * When the bidding context's deadline job closed bidding (and told the
   * enterprise); null while bids are open, and again after an extension.
   */
  @TimeColumn({ nullable: true })
  biddingClosedAt!: Date | null;

  /** The bid the enterprise awarded (a bidding-context id); set with status `awarded`. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  awardedBidId!: string | null;

  @TimeColumn({ nullable: true })
  awardedAt!: Date | null;

  /** The member who created it; notifications and the audit trail name a person. */
  @Column({ length: 36 })
  createdBy!: string;

  @CreateDateColumn()
  createdAt!: Date;

  @UpdateDateColumn()
  updatedAt!: Date;
}

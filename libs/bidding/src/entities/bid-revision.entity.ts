import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { JsonColumn, MoneyColumn, TimeColumn } from '@smedx/platform';
import type { BidAttachment } from '../dto/bid.dto.js';

/** One version of a bid's terms, as submitted (revision 1) or revised; never changed afterwards. */
@Entity('bid_revision')
@Index(['bidId', 'revision'], { unique: true })
export class BidRevision {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ length: 36 })
  bidId!: string;

  @Column({ type: 'int' })
  revision!: number;

  @MoneyColumn()
  priceFen!: number;

  @Column({ type: 'int' })
  deliveryDays!: number;

  @Column({ type: 'text' })
  proposal!: string;

  @Column({ type: 'varchar', length: 36, nullable: true })
  solutionId!: string | null;

  @JsonColumn()
  attachments!: BidAttachment[];

  /** Why the provider revised (empty for the first version). */
  @Column({ type: 'varchar', length: 500, nullable: true })
  note!: string | null;

  @Column({ length: 36 })
  createdBy!: string;

  @TimeColumn()
  createdAt!: Date;
}

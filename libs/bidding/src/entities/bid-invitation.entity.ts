import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * An enterprise's invitation (邀请投标) to a provider to bid on one of its
 * published needs, from a match or a solution page: one per provider and
 * need. `bidId` is set when the invited provider bids (the invitation's
 * answer, what the matchmaking funnel counts).
 */
@Entity('bid_invitation')
@Index(['needId', 'providerId'], { unique: true })
@Index(['providerId', 'createdAt'])
export class BidInvitation {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ length: 36 })
  needId!: string;

  @Column({ length: 36 })
  enterpriseId!: string;

  @Column({ length: 36 })
  providerId!: string;

  /** The provider's solution the enterprise saw (a match or the solution page), if any. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  solutionId!: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  message!: string | null;

  @Column({ length: 36 })
  invitedBy!: string;

  /** The bid the invited provider then made on the need. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  bidId!: string | null;

  @CreateDateColumn()
  createdAt!: Date;
}

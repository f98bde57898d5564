import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TimeColumn } from '@smedx/platform';
import type { ChainPosition, InvitationStatus } from '@smedx/contracts';

/**
 * An invitation into a chain, addressed to an enterprise by USCC and/or to a person by
 * e-mail. Its token is handed out once; only the token's SHA-256 is kept, so a leaked
 * database does not let anyone join a chain.
 */
@Entity('chain_invitation')
@Index(['chainId', 'status'])
export class ChainInvitation {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  chainId!: string;

  @Column({ type: 'varchar', length: 16 })
  position!: ChainPosition;

  /** The invited enterprise's unified social credit code; the joining enterprise must carry it. */
  @Column({ type: 'varchar', length: 18, nullable: true })
  uscc!: string | null;

  /** Lower-cased; for an invitation without USCC, the accepting user's e-mail must be this one. */
  @Column({ type: 'varchar', length: 254, nullable: true })
  email!: string | null;

  /** As the leader wrote it (bulk uploads carry it); for display only. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  enterpriseName!: string | null;

  /** SHA-256 of the token, hex. */
  @Column({ type: 'varchar', length: 64, unique: true })
  tokenHash!: string;

  @Column({ type: 'varchar', length: 32, default: 'pending' })
  status!: InvitationStatus;

  @TimeColumn()
  expiresAt!: Date;

  @Column({ type: 'uuid' })
  createdBy!: string;

  /** The user who registered through it (status `accepted_pending_enterprise`). */
  @Column({ type: 'uuid', nullable: true })
  claimedBy!: string | null;

  @TimeColumn({ nullable: true })
  claimedAt!: Date | null;

  /** Who accepted or declined it, and when. */
  @Column({ type: 'uuid', nullable: true })
  respondedBy!: string | null;

  @TimeColumn({ nullable: true })
  respondedAt!: Date | null;

  /** The enterprise that joined (accepted) or turned it down (declined, when known). */
  @Column({ type: 'uuid', nullable: true })
  enterpriseId!: string | null;

  /** Row of the uploaded file it came from (header = row 1); null for a single invitation. */
  @Column({ type: 'integer', nullable: true })
  sourceRow!: number | null;

  @TimeColumn()
  invitedAt!: Date;

  @CreateDateColumn()
  createdAt!: Date;
}

import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TimeColumn } from '@smedx/platform';
import type { ChainPosition, JointNeedConsent } from '@smedx/contracts';

/**
 * An enterprise in a chain, upstream or downstream of the leader (the leader itself is not
 * a member row). Joining is the member's consent that the leader sees its digital level and
 * the counts of its needs and projects on the chain dashboard.
 */
@Entity('chain_member')
@Index(['chainId', 'enterpriseId'], { unique: true })
@Index(['enterpriseId'])
export class ChainMember {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  chainId!: string;

  @Column({ type: 'uuid' })
  enterpriseId!: string;

  @Column({ type: 'varchar', length: 16 })
  position!: ChainPosition;

  /** The invitation it joined through. */
  @Column({ type: 'uuid' })
  invitationId!: string;

  /** Whether the leader may name it as a site of the chain's joint needs (联合需求). */
  @Column({ type: 'varchar', length: 16, default: 'opted_out' })
  jointNeeds!: JointNeedConsent;

  /** What happens at this member's site, shown on joint needs; set when it opts in. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  siteNote!: string | null;

  @TimeColumn({ nullable: true })
  optedInAt!: Date | null;

  @TimeColumn()
  joinedAt!: Date;

  @CreateDateColumn()
  createdAt!: Date;
}

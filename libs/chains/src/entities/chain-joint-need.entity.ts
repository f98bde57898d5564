import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { JsonColumn } from '@smedx/platform';

/**
 * A joint need (联合需求): one need of the leader in the demand context, published on
 * behalf of the members that opted in, each a site of it. This row ties the need to the
 * chain; the need itself (and its sites) lives in the demand context.
 */
@Entity('chain_joint_need')
@Index(['chainId'])
export class ChainJointNeed {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  chainId!: string;

  @Column({ type: 'uuid', unique: true })
  needId!: string;

  /** The member enterprises it was published for, as at creation. */
  @JsonColumn()
  siteEnterpriseIds!: string[];

  @Column({ type: 'uuid' })
  createdBy!: string;

  @CreateDateColumn()
  createdAt!: Date;
}

import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { JsonColumn, TimeColumn } from '@smedx/platform';
import type { ChainCaseStatus } from '@smedx/contracts';

/**
 * A chain case (链式典型案例) nominated by the leader: accepted transformation projects of
 * the chain's enterprises told as one story. Officers list the nominations; their review
 * and award belong to the nominations capability.
 */
@Entity('chain_case')
@Index(['chainId'])
@Index(['status', 'nominatedAt'])
export class ChainCase {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  chainId!: string;

  @Column({ length: 120 })
  title!: string;

  @Column({ type: 'text' })
  summary!: string;

  @JsonColumn()
  projectIds!: string[];

  @Column({ type: 'varchar', length: 16, default: 'nominated' })
  status!: ChainCaseStatus;

  @Column({ type: 'uuid' })
  nominatedBy!: string;

  @TimeColumn()
  nominatedAt!: Date;

  @CreateDateColumn()
  createdAt!: Date;
}

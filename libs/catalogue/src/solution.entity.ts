import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { JsonColumn, MoneyColumn, TimeColumn } from '@smedx/platform';
import type { SolutionCase } from './dto/solution.dto.js';
import type { SolutionStatus } from '@smedx/contracts';

/** A 小快轻准 product or solution in a provider's catalogue. */
@Entity('solution')
@Index(['providerId', 'status'])
@Index(['status', 'publishedAt'])
export class Solution {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ length: 36 })
  providerId!: string;

  @Column({ length: 120 })
  title!: string;

  @Column({ length: 300 })
  summary!: string;

  @Column({ type: 'text' })
  description!: string;

  @JsonColumn()
  scenarios!: string[];

  @JsonColumn()
  industries!: string[];

  @MoneyColumn()
  priceMinFen!: number;

  @MoneyColumn()
  priceMaxFen!: number;

  @Column({ type: 'int' })
  deployDays!: number;

  @Column({ type: 'varchar', length: 16 })
  deliveryMode!: string;

  @JsonColumn()
  levels!: number[];

  @JsonColumn()
  cases!: SolutionCase[];

  @Column({ type: 'varchar', length: 16, default: 'draft' })
  status!: SolutionStatus;

  @TimeColumn({ nullable: true })
  publishedAt!: Date | null;

  @TimeColumn({ nullable: true })
  delistedAt!: Date | null;

  /** The member who created it; notifications and the audit trail name a person. */
  @Column({ length: 36 })
  createdBy!: string;

  @CreateDateColumn()
  createdAt!: Date;

  @UpdateDateColumn()
  updatedAt!: Date;
}

import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { JsonColumn, MoneyColumn, TimeColumn } from '@smedx/platform';
import type { InvestmentLine, SubsidyChangeRequest, SubsidyDecision, SubsidyStatus } from '@smedx/contracts';

export { CHANGE_KINDS } from '@smedx/contracts';
export type { ChangeKind, ChangeStatus, SubsidyChangeRequest, SubsidyDecision } from '@smedx/contracts';

/**
 * An application for the programme subsidy (专项资金) on an accepted
 * project: the enterprise's investment lines and the figures they give,
 * the review history, change requests and the money paid or to be clawed back.
 */
@Entity('subsidy_application')
@Index(['enterpriseId', 'status'])
@Index(['district', 'status'])
@Index(['status', 'submittedAt'])
export class SubsidyApplication {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  enterpriseId!: string;

  @Column({ type: 'uuid' })
  projectId!: string;

  /**
   * The project id while the application is live, null once rejected or
   * revoked: the unique index keeps one live application per project even
   * under concurrent submissions (NULLs never collide, on either driver).
   */
  @Column({ type: 'uuid', nullable: true, unique: true })
  liveProjectId!: string | null;

  /** The enterprise's district at submission: its officer runs the preliminary review (属地原则). */
  @Column({ length: 32 })
  district!: string;

  /** The level the project's passed acceptance found. */
  @Column({ type: 'integer' })
  levelAfter!: number;

  @JsonColumn()
  lines!: InvestmentLine[];

  @MoneyColumn()
  totalInvestmentFen!: number;

  @MoneyColumn()
  eligibleFen!: number;

  /** What the lines give: 50% of `eligibleFen`, capped (estimateSubsidy). */
  @MoneyColumn()
  amountFen!: number;

  /** Fixed at the city's approval. */
  @MoneyColumn({ nullable: true })
  approvedFen!: number | null;

  @MoneyColumn({ nullable: true })
  disbursedFen!: number | null;

  /** Paid money to be recovered after a revocation for fraud (收回已经拨付的财政资金). */
  @MoneyColumn({ nullable: true })
  clawbackFen!: number | null;

  @Column({ type: 'varchar', length: 24 })
  status!: SubsidyStatus;

  @JsonColumn()
  history!: SubsidyDecision[];

  @JsonColumn()
  changes!: SubsidyChangeRequest[];

  @Column({ type: 'uuid' })
  submittedBy!: string;

  /** The latest (re)submission. */
  @TimeColumn()
  submittedAt!: Date;

  @TimeColumn({ nullable: true })
  approvedAt!: Date | null;

  @TimeColumn({ nullable: true })
  disbursedAt!: Date | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  paymentReference!: string | null;

  @TimeColumn({ nullable: true })
  revokedAt!: Date | null;

  @CreateDateColumn()
  createdAt!: Date;

  @UpdateDateColumn()
  updatedAt!: Date;
}

import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { JsonColumn, MoneyColumn, TimeColumn } from '@smedx/platform';
import type { InvestmentLine } from '../subsidy-rules.js';
import type { SubsidyStatus } from '@smedx/contracts';

/** One step of the application's history: a submission, a review decision, a payment, a revocation. */
export interface SubsidyDecision {
  action: 'submit' | 'resubmit' | 'approve' | 'return' | 'reject' | 'disburse' | 'revoke';
  /** The review stage: 初审 by the district, 复核 by the city; null for the enterprise's own steps. */
  stage: 'district' | 'city' | null;
  fromStatus: SubsidyStatus | null;
  toStatus: SubsidyStatus;
  reason: string | null;
  actorId: string;
  /** ISO 8601. */
  at: string;
}

export const CHANGE_KINDS = ['subject', 'content', 'nature'] as const;
/** A major change (第九条): the project's subject (主体), main content (主要建设内容) or nature (建设性质). */
export type ChangeKind = (typeof CHANGE_KINDS)[number];

export type ChangeStatus = 'pending' | 'approved' | 'rejected';

/** A change request: asked by the enterprise, decided by the district, an approved one filed with the city (备案). */
export interface SubsidyChangeRequest {
  id: string;
  kind: ChangeKind;
  description: string;
  reason: string;
  status: ChangeStatus;
  requestedBy: string;
  requestedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionReason: string | null;
  /** When the approved change was filed with the city; null otherwise. */
  filedWithCityAt: string | null;
}

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

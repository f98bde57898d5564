import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { ValueTransformer } from 'typeorm';
import { JsonColumn, MoneyColumn, TimeColumn } from '@smedx/platform';
import type {
  ExpertScore,
  NominationCategory,
  NominationEvidence,
  NominationObjection,
  NominationStatus,
  NominationStep,
} from '@smedx/contracts';

/** PostgreSQL may hand back double precision columns as strings. */
const numberOrNull: ValueTransformer = {
  to: (v: number | null | undefined) => v,
  from: (v: string | number | null) => (v === null || v === undefined ? null : Number(v)),
};

export { NOMINATION_CATEGORIES } from '@smedx/contracts';
export type { ExpertScore, NominationCategory, NominationEvidence, NominationObjection, NominationStep } from '@smedx/contracts';

/**
 * A nomination for one of the programme's awards (SPEC capability 17): who or what is
 * nominated, the evidence, the district's recommendation, the experts' scores, the public
 * notice with its objections and the award. `industry` and `district` are the nominee's at
 * nomination time (the district decides the recommendation); the indicators attribute an
 * award through `enterpriseId` (the enterprise, or the chain's leader) like every other figure.
 */
@Entity('nomination')
@Index(['status', 'category'])
@Index(['district', 'status'])
@Index(['enterpriseId'])
export class Nomination {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 24 })
  category!: NominationCategory;

  /** The chain case, solution or enterprise nominated. */
  @Column({ type: 'uuid' })
  subjectId!: string;

  /**
   * `category:subjectId` while the nomination is live, null once rejected: the unique index
   * lets a subject be nominated once at a time (and again after a rejection).
   */
  @Column({ type: 'varchar', length: 64, nullable: true, unique: true })
  liveSubjectKey!: string | null;

  /** The organisation nominated: the enterprise, the provider of the product, the chain's leader. */
  @Column({ type: 'uuid' })
  nomineeId!: string;

  /** The enterprise the award counts for in the indicators; null for a product. */
  @Column({ type: 'uuid', nullable: true })
  enterpriseId!: string | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  industry!: string | null;

  @Column({ type: 'varchar', length: 32 })
  district!: string;

  @Column({ length: 120 })
  title!: string;

  @Column({ type: 'text' })
  summary!: string;

  @JsonColumn()
  evidence!: NominationEvidence[];

  @Column({ type: 'varchar', length: 16 })
  status!: NominationStatus;

  @JsonColumn()
  scores!: ExpertScore[];

  /** The mean of the scores without the highest and the lowest; null before three scores. */
  @Column({ type: 'double precision', nullable: true, transformer: numberOrNull })
  reviewScore!: number | null;

  @TimeColumn({ nullable: true })
  noticeStartsAt!: Date | null;

  @TimeColumn({ nullable: true })
  noticeEndsAt!: Date | null;

  @JsonColumn()
  objections!: NominationObjection[];

  @MoneyColumn({ nullable: true })
  awardFen!: number | null;

  @TimeColumn({ nullable: true })
  awardedAt!: Date | null;

  @JsonColumn()
  history!: NominationStep[];

  @Column({ type: 'uuid' })
  nominatedBy!: string;

  @TimeColumn()
  nominatedAt!: Date;

  @CreateDateColumn()
  createdAt!: Date;

  @UpdateDateColumn()
  updatedAt!: Date;
}

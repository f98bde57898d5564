import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { JsonColumn, TimeColumn } from '@smedx/platform';
import type { DigitalLevel } from '@smedx/taxonomy';
import type { AdvisoryReason, Answers, DiagnosisKind, DimensionScore, SceneLevels, SuggestedNeed, Weakness } from '@smedx/contracts';

export { ADVISORY_REASONS, DIAGNOSIS_KINDS } from '@smedx/contracts';
export type { AdvisoryReason, DiagnosisKind } from '@smedx/contracts';

/**
 * One filled MIIT questionnaire (中小企业数字化水平评测指标, 2024) with its result. The answers are
 * kept, so a result can be recomputed if the scoring rule changes; industry and district are the
 * enterprise's when it was diagnosed (共性需求 are counted per industry).
 */
@Entity('diagnosis')
@Index(['enterpriseId', 'createdAt'])
@Index(['industry', 'createdAt'])
export class Diagnosis {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  enterpriseId!: string;

  @Column({ length: 32 })
  industry!: string;

  @Column({ length: 32 })
  district!: string;

  @Column({ type: 'varchar', length: 16 })
  kind!: DiagnosisKind;

  /** Whether it set the enterprise's official level: always for an assessment, for a self-check only outside the pilot. */
  @Column({ type: 'boolean' })
  official!: boolean;

  @Column({ type: 'varchar', length: 32, nullable: true })
  advisoryReason!: AdvisoryReason | null;

  /** The assessor (assessment) or the enterprise member (self-check) who filed it. */
  @Column({ type: 'uuid' })
  filedBy!: string;

  /** Version of the questionnaire answered ('2024'). */
  @Column({ length: 8 })
  questionnaireVersion!: string;

  @JsonColumn()
  answers!: Answers;

  @JsonColumn()
  sceneLevels!: SceneLevels;

  /** Total of 100, three decimals. */
  @Column({ type: 'double precision' })
  score!: number;

  @Column({ type: 'integer' })
  level!: DigitalLevel;

  @Column({ type: 'boolean' })
  belowLevelOne!: boolean;

  /** Scores per dimension, group and indicator. */
  @JsonColumn()
  dimensions!: DimensionScore[];

  @JsonColumn()
  weakest!: Weakness[];

  @JsonColumn()
  suggestions!: SuggestedNeed[];

  @TimeColumn()
  createdAt!: Date;
}

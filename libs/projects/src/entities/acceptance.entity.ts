import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { JsonColumn, TimeColumn } from '@smedx/platform';

import type { AcceptanceEvidence, AcceptanceResult, OpenMilestoneReason } from '@smedx/contracts';

export { EVIDENCE_KINDS } from '@smedx/contracts';
export type { AcceptanceEvidence, AcceptanceResult, EvidenceKind, OpenMilestoneReason } from '@smedx/contracts';

/**
 * One acceptance test (验收测评) of a project by an assessor, along the plan's
 * four dimensions: application effect, data integration (数据贯通), return on
 * investment (投入产出比) and management reform (管理体制配套改革), plus the
 * digital level after the work. A project has at most one passed acceptance
 * and any number of failed ones before it.
 */
@Entity('project_acceptance')
@Index(['projectId', 'round'], { unique: true })
@Index(['providerId', 'result'])
export class Acceptance {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  projectId!: string;

  /** Copied from the project: the provider's pass rate counts its acceptances in one query. */
  @Column({ type: 'uuid' })
  providerId!: string;

  /** 1 for the first acceptance, 2 after one rework, … */
  @Column({ type: 'integer' })
  round!: number;

  @Column({ type: 'uuid' })
  assessorId!: string;

  @Column({ type: 'varchar', length: 8 })
  result!: AcceptanceResult;

  /** MIIT digital level (1–4) the assessor found after the work. */
  @Column({ type: 'integer' })
  levelAfter!: number;

  @Column({ type: 'text' })
  dataIntegration!: string;

  /** 0–100, optional score of data integration. */
  @Column({ type: 'integer', nullable: true })
  dataIntegrationScore!: number | null;

  /** Return on investment in percent, up to two decimals (not money). */
  @Column({ type: 'double precision' })
  roiPercent!: number;

  @Column({ type: 'text' })
  managementReform!: string;

  @Column({ type: 'text', nullable: true })
  applicationEffect!: string | null;

  /** Why it passed or failed; a failure's reasons are what the rework addresses. */
  @Column({ type: 'text' })
  reasons!: string;

  @JsonColumn()
  evidence!: AcceptanceEvidence[];

  /** The milestones open when it passed, each with the assessor's reason (a pass needs one for every open milestone). */
  @JsonColumn({ default: '[]' })
  openMilestones!: OpenMilestoneReason[];

  /** When the assessor decided. */
  @TimeColumn()
  decidedAt!: Date;
}

import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { MoneyColumn, TimeColumn } from '@smedx/platform';
import type { DigitalLevel, PilotBatchCode, ScaleCode } from '@smedx/taxonomy';

import type { DigitalLevelSource, EnrolmentBasis } from '@smedx/contracts';

/**
 * Why an enterprise is in the pilot pool (`EnrolmentBasis`): 规上 enterprises "应改尽改" (all that
 * should, must), 规下 enterprises "愿改尽改" (all that are willing, may). What set the current
 * digital level (`DigitalLevelSource`): an assessor's on-site assessment, a self-check or an
 * acceptance test. Both lists live in the contract.
 */
export type { DigitalLevelSource, EnrolmentBasis } from '@smedx/contracts';

/** An SME (中小企业) taking part in the programme; an organisation whose members are its staff. */
@Entity('enterprise')
@Index(['industry', 'district'])
@Index(['district'])
@Index(['pilotBatch'])
export class Enterprise {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ length: 200 })
  name!: string;

  /** Unified social credit code (统一社会信用代码), checked on the way in. */
  @Column({ length: 18, unique: true })
  uscc!: string;

  @Column({ length: 32 })
  industry!: string;

  @Column({ length: 32 })
  district!: string;

  @Column({ type: 'varchar', length: 8 })
  scale!: ScaleCode;

  @Column({ type: 'integer', nullable: true })
  employees!: number | null;

  @MoneyColumn({ nullable: true })
  annualRevenueFen!: number | null;

  /** Already funded as 专精特新"小巨人" by the central SME fund: excluded from the subsidy. */
  @Column({ type: 'boolean', default: false })
  isLittleGiantFunded!: boolean;

  /** Took part in the 2022 transformation pilot (工信厅联企业〔2022〕22号): excluded from the subsidy. */
  @Column({ type: 'boolean', default: false })
  inPilot2022!: boolean;

  /** 专精特新 (specialised, refined, distinctive, innovative). */
  @Column({ type: 'boolean', default: false })
  isSpecialised!: boolean;

  @Column({ type: 'integer', nullable: true })
  digitalLevel!: DigitalLevel | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  digitalLevelSource!: DigitalLevelSource | null;

  @TimeColumn({ nullable: true })
  digitalLevelAt!: Date | null;

  /** 链主; set by a city officer through the chains context. */
  @Column({ type: 'boolean', default: false })
  isChainLeader!: boolean;

  /** Batch of the dynamic pilot pool (动态试点企业库), or null when not enrolled. */
  @Column({ type: 'varchar', length: 16, nullable: true })
  pilotBatch!: PilotBatchCode | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  pilotEnrolmentBasis!: EnrolmentBasis | null;

  @TimeColumn({ nullable: true })
  pilotEnrolledAt!: Date | null;

  @CreateDateColumn()
  createdAt!: Date;

  @UpdateDateColumn()
  updatedAt!: Date;
}

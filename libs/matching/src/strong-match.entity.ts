import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { TimeColumn } from '@smedx/platform';

/**
 * A pair that became a strong match (score at or above `MATCH_STRONG_THRESHOLD`
 * among the need's top `MATCH_TOP_N`). One row per pair, ever: inserting it
 * is what decides that both sides are notified, so a retried or repeated
 * re-matching job finds the row and notifies no one again.
 */
@Entity('strong_match')
@Index(['needId', 'solutionId'], { unique: true })
@Index(['solutionId'])
export class StrongMatch {
  /** Chosen by the inserting job, so that it can tell its own insert from an earlier one. */
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ length: 36 })
  needId!: string;

  @Column({ length: 36 })
  solutionId!: string;

  @Column({ length: 36 })
  enterpriseId!: string;

  @Column({ length: 36 })
  providerId!: string;

  /** The score when the pair first became strong. */
  @Column({ type: 'double precision' })
  score!: number;

  @TimeColumn()
  createdAt!: Date;
}

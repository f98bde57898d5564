import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { MilestoneStatus } from '@smedx/contracts';

/** A step of a project with its planned and actual dates (Asia/Shanghai calendar days). */
@Entity('project_milestone')
@Index(['projectId', 'position'])
@Index(['status', 'plannedDate'])
export class Milestone {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  projectId!: string;

  /** Order within the project: by planned date, then by when it was added. */
  @Column({ type: 'integer' })
  position!: number;

  @Column({ length: 120 })
  title!: string;

  @Column({ type: 'varchar', length: 16, default: 'planned' })
  status!: MilestoneStatus;

  /** `YYYY-MM-DD`. */
  @Column({ length: 10 })
  plannedDate!: string;

  /** `YYYY-MM-DD` it was done, set with status `done`. */
  @Column({ type: 'varchar', length: 10, nullable: true })
  actualDate!: string | null;

  /**
   * The planned date the parties were last told is overdue: the hourly check
   * skips a milestone already reported for that date, and re-planning it arms
   * the check again.
   */
  @Column({ type: 'varchar', length: 10, nullable: true })
  overdueNotifiedFor!: string | null;

  @Column({ type: 'uuid' })
  createdBy!: string;

  @CreateDateColumn()
  createdAt!: Date;

  @UpdateDateColumn()
  updatedAt!: Date;
}

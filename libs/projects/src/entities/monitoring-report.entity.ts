import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { JsonColumn, TimeColumn } from '@smedx/platform';

/** An assessor's process-monitoring report (过程监测) on a running project. */
@Entity('project_monitoring_report')
@Index(['projectId', 'filedAt'])
export class MonitoringReport {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  projectId!: string;

  @Column({ type: 'uuid' })
  assessorId!: string;

  @Column({ type: 'text' })
  summary!: string;

  @Column({ type: 'text' })
  findings!: string;

  /** 0–100, the assessor's estimate of the work done. */
  @Column({ type: 'integer' })
  progressPercent!: number;

  @JsonColumn()
  risks!: string[];

  /** When the assessor filed it. */
  @TimeColumn()
  filedAt!: Date;
}

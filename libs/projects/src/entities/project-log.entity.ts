import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TimeColumn } from '@smedx/platform';

export const PROJECT_LOG_KINDS = ['progress', 'visit', 'training', 'issue', 'feedback', 'other'] as const;
export type ProjectLogKind = (typeof PROJECT_LOG_KINDS)[number];

/** One entry of the service-tracking log (服务跟踪), written by a member of either party. */
@Entity('project_log')
@Index(['projectId', 'writtenAt'])
export class ProjectLog {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  projectId!: string;

  /** Which side wrote it; a user belonging to both parties writes as the enterprise. */
  @Column({ type: 'varchar', length: 16 })
  side!: 'enterprise' | 'provider';

  @Column({ type: 'uuid' })
  authorId!: string;

  @Column({ type: 'varchar', length: 16 })
  kind!: ProjectLogKind;

  @Column({ type: 'text' })
  content!: string;

  /** `YYYY-MM-DD` the tracked work happened; the day written when not given. */
  @Column({ length: 10 })
  occurredOn!: string;

  /** When it was written (the injected clock; orders the log). */
  @TimeColumn()
  writtenAt!: Date;
}

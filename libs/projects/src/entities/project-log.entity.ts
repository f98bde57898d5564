import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TimeColumn } from '@smedx/platform';

import type { ProjectLogKind, ProjectSide } from '@smedx/contracts';

export { PROJECT_LOG_KINDS } from '@smedx/contracts';
export type { ProjectLogKind } from '@smedx/contracts';

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
  side!: ProjectSide;

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

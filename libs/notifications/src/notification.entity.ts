import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { JsonColumn, TimeColumn } from '@smedx/platform';

/** One message in one user's inbox, written only by the `notifications.deliver` job. */
@Entity('notification')
@Index(['userId', 'dedupeKey'], { unique: true })
@Index(['userId', 'createdAt'])
@Index(['userId', 'readAt'])
export class Notification {
  /**
   * Increases with every insert: the key each api process's live streams
   * follow (the SSE event id).
   */
  @PrimaryGeneratedColumn()
  seq!: number;

  /** The public id clients use; `seq` stays internal. */
  @Column({ type: 'uuid', unique: true })
  id!: string;

  @Column({ type: 'uuid' })
  userId!: string;

  /** What happened, e.g. `match.strong`, `bid.received`. */
  @Column({ length: 60 })
  kind!: string;

  @Column({ length: 200 })
  title!: string;

  @Column({ type: 'text' })
  body!: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  link!: string | null;

  @JsonColumn({ nullable: true })
  data!: Record<string, unknown> | null;

  /** With `userId` unique: a retried or repeated job notifies a user once. */
  @Column({ length: 200 })
  dedupeKey!: string;

  @TimeColumn({ nullable: true })
  readAt!: Date | null;

  /** When the cause happened (the clock at `notify`), not when the job ran. */
  @TimeColumn()
  createdAt!: Date;
}

import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { JsonColumn, TimeColumn } from '@smedx/platform';

/** One recorded decision: who did what to which object, when and why. */
@Entity('audit_entry')
@Index(['entityType', 'entityId'])
@Index(['at'])
export class AuditEntry {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** The outbox job that wrote it: a retried job writes the entry once. */
  @Column({ unique: true })
  jobId!: number;

  @Column({ type: 'varchar', length: 36, nullable: true })
  actorId!: string | null;

  @Column({ length: 80 })
  action!: string;

  @Column({ length: 40 })
  entityType!: string;

  @Column({ length: 64 })
  entityId!: string;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @JsonColumn({ nullable: true })
  data!: Record<string, unknown> | null;

  @TimeColumn()
  at!: Date;
}

import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TimeColumn } from '@smedx/platform';

import type { BlacklistSource } from '@smedx/contracts';

export { BLACKLIST_SOURCES } from '@smedx/contracts';
export type { BlacklistSource } from '@smedx/contracts';

/**
 * An enterprise barred from programme funds (黑名单) for three years: entered
 * by a city officer, or by the revocation of an application for fraud. A
 * city officer may lift it early, with a reason; the entry stays as history.
 */
@Entity('blacklist_entry')
@Index(['enterpriseId', 'until'])
export class BlacklistEntry {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  enterpriseId!: string;

  @Column({ type: 'text' })
  reason!: string;

  @TimeColumn()
  from!: Date;

  /** `from` plus three years. */
  @TimeColumn()
  until!: Date;

  @Column({ type: 'varchar', length: 24 })
  source!: BlacklistSource;

  /** The revoked application, for `fraud_revocation`. */
  @Column({ type: 'uuid', nullable: true })
  applicationId!: string | null;

  @Column({ type: 'uuid' })
  createdBy!: string;

  @TimeColumn({ nullable: true })
  liftedAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  liftedBy!: string | null;

  @Column({ type: 'text', nullable: true })
  liftReason!: string | null;

  @CreateDateColumn()
  createdAt!: Date;
}

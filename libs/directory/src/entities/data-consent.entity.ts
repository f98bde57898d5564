import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { JsonColumn, TimeColumn } from '@smedx/platform';

import type { ConsentScope } from '@smedx/contracts';

/** What an enterprise may share (`CONSENT_SCOPES`): its diagnosis results, and the private details of its needs. */
export { CONSENT_SCOPES } from '@smedx/contracts';
export type { ConsentScope } from '@smedx/contracts';

/**
 * An enterprise's consent that another organisation (a provider or a chain leader) may see
 * some of its data. Revoking keeps the row, so the history of who could see what stays.
 */
@Entity('data_consent')
@Index(['enterpriseId', 'granteeOrganisationId'])
export class DataConsent {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ length: 36 })
  enterpriseId!: string;

  @Column({ length: 36 })
  granteeOrganisationId!: string;

  @Column({ type: 'varchar', length: 16 })
  granteeKind!: 'enterprise' | 'provider';

  @JsonColumn()
  scopes!: ConsentScope[];

  @Column({ length: 36 })
  grantedBy!: string;

  @TimeColumn()
  grantedAt!: Date;

  @Column({ type: 'varchar', length: 36, nullable: true })
  revokedBy!: string | null;

  @TimeColumn({ nullable: true })
  revokedAt!: Date | null;
}

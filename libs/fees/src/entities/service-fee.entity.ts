import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { MoneyColumn, TimeColumn } from '@smedx/platform';
import type { ServiceFeeKind } from '@smedx/contracts';

/**
 * A service fee paid for one enterprise (SPEC capability 17): a diagnosis (评估诊断) or an
 * acceptance-monitoring (验收监测) fee, paid to a service organisation (a think tank or third-party
 * body, or a provider on the platform). The sum per enterprise and kind stays within its cap.
 */
@Entity('service_fee')
@Index(['enterpriseId', 'kind'])
@Index(['serviceOrganisationName'])
@Index(['district', 'paidAt'])
export class ServiceFee {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  enterpriseId!: string;

  /** The enterprise's district when the fee was recorded (district officers see their district's). */
  @Column({ type: 'varchar', length: 32 })
  district!: string;

  @Column({ type: 'varchar', length: 24 })
  kind!: ServiceFeeKind;

  @MoneyColumn()
  amountFen!: number;

  @Column({ length: 200 })
  serviceOrganisationName!: string;

  /** The organisation on the platform that was paid, when it is one (a provider). */
  @Column({ type: 'uuid', nullable: true })
  serviceOrganisationId!: string | null;

  @TimeColumn()
  paidAt!: Date;

  @Column({ type: 'varchar', length: 100, nullable: true })
  reference!: string | null;

  @Column({ type: 'uuid' })
  recordedBy!: string;

  @CreateDateColumn()
  createdAt!: Date;
}

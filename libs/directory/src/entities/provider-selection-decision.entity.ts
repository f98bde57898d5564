import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TimeColumn } from '@smedx/platform';
import type { ProviderStatus, SelectionDecision } from '@smedx/contracts';

/** One selection (遴选) decision by a city officer, kept as the provider's history. */
@Entity('provider_selection_decision')
@Index(['providerId', 'decidedAt'])
export class ProviderSelectionDecision {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ length: 36 })
  providerId!: string;

  @Column({ type: 'varchar', length: 16 })
  decision!: SelectionDecision;

  @Column({ type: 'varchar', length: 16 })
  fromStatus!: ProviderStatus;

  @Column({ type: 'varchar', length: 16 })
  toStatus!: ProviderStatus;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ length: 36 })
  actorId!: string;

  @TimeColumn()
  decidedAt!: Date;
}

import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, ValueTransformer } from 'typeorm';
import { JsonColumn } from '@smedx/platform';
import type { ProviderKindCode } from '@smedx/taxonomy';
import type { ProviderStatus } from '@smedx/contracts';

/** PostgreSQL may hand back numeric columns as strings. */
const numberOrNull: ValueTransformer = {
  to: (v: number | null | undefined) => v,
  from: (v: string | number | null) => (v === null || v === undefined ? null : Number(v)),
};

/** A digital service provider (数字化服务商): a system integrator or a product provider. */
@Entity('provider')
export class Provider {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ length: 200 })
  name!: string;

  @Column({ length: 18, unique: true })
  uscc!: string;

  @Column({ type: 'varchar', length: 16 })
  kind!: ProviderKindCode;

  /** District codes the provider serves (at least one). */
  @JsonColumn()
  districts!: string[];

  @Column({ type: 'text', default: '' })
  description!: string;

  /** Selection (遴选) state; see `provider-selection.ts`. */
  @Column({ type: 'varchar', length: 16, default: 'pending' })
  status!: ProviderStatus;

  /** Share of accepted projects that passed acceptance (0–1); null before the first acceptance. */
  @Column({ type: 'double precision', nullable: true, transformer: numberOrNull })
  acceptancePassRate!: number | null;

  @Column({ type: 'integer', default: 0 })
  completedProjects!: number;

  /** Mean rating (1–5); null before the first rating. */
  @Column({ type: 'double precision', nullable: true, transformer: numberOrNull })
  ratingAverage!: number | null;

  @Column({ type: 'integer', default: 0 })
  ratingCount!: number;

  /** Matchmaking meetings the provider registered for and missed. */
  @Column({ type: 'integer', default: 0 })
  noShows!: number;

  @CreateDateColumn()
  createdAt!: Date;

  @UpdateDateColumn()
  updatedAt!: Date;
}

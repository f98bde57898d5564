import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { ValueTransformer } from 'typeorm';
import { JsonColumn, TimeColumn } from '@smedx/platform';
import type { RatingAppeal, RatingStatus } from '@smedx/contracts';

/** PostgreSQL may hand back double precision columns as strings. */
const asNumber: ValueTransformer = {
  to: (v: number | null | undefined) => v,
  from: (v: string | number | null) => (v === null || v === undefined ? null : Number(v)),
};

export type { RatingAppeal, RatingSide } from '@smedx/contracts';

/**
 * The enterprise's rating of a transformation project after its acceptance (passed or failed):
 * 1–5 on quality, timeliness and service with an optional text, the provider's one reply and at
 * most one appeal. One rating per project (unique `projectId`).
 */
@Entity('rating')
@Index(['providerId', 'status'])
@Index(['district', 'status'])
export class Rating {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid', unique: true })
  projectId!: string;

  @Column({ type: 'uuid' })
  enterpriseId!: string;

  @Column({ type: 'uuid' })
  providerId!: string;

  /** The project's district: its officer decides appeals. */
  @Column({ type: 'varchar', length: 32 })
  district!: string;

  @Column({ type: 'integer' })
  quality!: number;

  @Column({ type: 'integer' })
  timeliness!: number;

  @Column({ type: 'integer' })
  service!: number;

  /** Mean of the three, two decimals. */
  @Column({ type: 'double precision', transformer: asNumber })
  score!: number;

  @Column({ type: 'text', nullable: true })
  text!: string | null;

  @Column({ type: 'varchar', length: 16 })
  status!: RatingStatus;

  @Column({ type: 'text', nullable: true })
  reply!: string | null;

  @Column({ type: 'uuid', nullable: true })
  repliedBy!: string | null;

  @TimeColumn({ nullable: true })
  repliedAt!: Date | null;

  @JsonColumn({ nullable: true })
  appeal!: RatingAppeal | null;

  @Column({ type: 'uuid' })
  ratedBy!: string;

  @TimeColumn()
  ratedAt!: Date;

  @CreateDateColumn()
  createdAt!: Date;

  @UpdateDateColumn()
  updatedAt!: Date;
}

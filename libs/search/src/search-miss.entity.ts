import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { JsonColumn, TimeColumn } from '@smedx/platform';

/**
 * A search that found nothing or next to nothing: what was looked for and
 * not found. No user, no address, no session: only the query, its filters
 * and what it implied.
 */
@Entity('search_miss')
@Index(['at'])
export class SearchMiss {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** `solutions` or `needs`. */
  @Column({ type: 'varchar', length: 16 })
  target!: string;

  /** The query text as typed (trimmed; at most 200 characters, as the API allows). */
  @Column({ type: 'varchar', length: 200 })
  query!: string;

  /** The meaningful words understood. */
  @JsonColumn()
  terms!: string[];

  /** Scenario codes: the filter's when given, else those the words imply. */
  @JsonColumn()
  scenarios!: string[];

  /** Industry codes: the filter's when given, else those the words imply. */
  @JsonColumn()
  industries!: string[];

  /** The other filters asked (codes and bounds only). */
  @JsonColumn()
  filters!: Record<string, unknown>;

  @Column({ type: 'integer' })
  total!: number;

  @TimeColumn()
  at!: Date;
}

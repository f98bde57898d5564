import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { JsonColumn, TimeColumn } from '@smedx/platform';
import type { LexiconKind } from '@smedx/lexicon';

/** A lexicon entry an officer added (the data file holds the rest): it applies without a deploy. */
@Entity('lexicon_entry')
@Index(['kind', 'term'], { unique: true })
export class LexiconEntryRecord {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 16 })
  kind!: LexiconKind;

  /** Folded, as the lexicon keys it. */
  @Column({ length: 64 })
  term!: string;

  @JsonColumn()
  values!: string[];

  @Column({ type: 'varchar', length: 36 })
  createdBy!: string;

  @TimeColumn()
  createdAt!: Date;
}

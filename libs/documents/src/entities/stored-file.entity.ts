import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { FileKind } from '../file-types.js';

/**
 * One upload: its bytes live in the file store under `sha256` (the same
 * bytes uploaded twice are stored once, and count once against the quota),
 * this row says who uploaded them, under which name, for which organisation.
 * An upload is used by attaching it to an owner as a {@link Document}.
 */
@Entity('stored_file')
@Index(['organisationId'])
@Index(['uploadedBy'])
@Index(['sha256'])
export class StoredFile {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ length: 64 })
  sha256!: string;

  @Column({ type: 'integer' })
  size!: number;

  /** Read from the bytes, never taken from the client. */
  @Column({ length: 120 })
  contentType!: string;

  @Column({ type: 'varchar', length: 16 })
  kind!: FileKind;

  /** Sanitised (`sanitiseFileName`). */
  @Column({ length: 255 })
  name!: string;

  /** The organisation whose quota it counts against; null for officers and assessors, counted per user. */
  @Column({ type: 'uuid', nullable: true })
  organisationId!: string | null;

  @Column({ type: 'uuid' })
  uploadedBy!: string;

  @CreateDateColumn()
  createdAt!: Date;
}

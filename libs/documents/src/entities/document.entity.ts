import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { DocumentStatus } from '@smedx/contracts';
import { TimeColumn } from '@smedx/platform';

/**
 * A file attached to an owner object (a subsidy application, a provider's
 * selection application, a project's acceptance, a nomination …) as one kind
 * of evidence. Never changed in place and never deleted while the owner is
 * retained: a replacement is a new version (`version` + 1) and the replaced
 * row gets `supersededBy`, so what a reviewer decided on stays readable.
 */
@Entity('document')
@Index(['ownerKind', 'ownerId'])
@Index(['fileId'])
@Index(['sha256'])
export class Document {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Registered by the owning context (`DocumentOwners`), e.g. `subsidy_application`. */
  @Column({ length: 40 })
  ownerKind!: string;

  @Column({ type: 'uuid' })
  ownerId!: string;

  /** One of the kinds the owner's rule lists, e.g. `invoice`. */
  @Column({ length: 40 })
  kind!: string;

  @Column({ type: 'uuid' })
  fileId!: string;

  @Column({ length: 64 })
  sha256!: string;

  @Column({ type: 'integer' })
  size!: number;

  @Column({ length: 120 })
  mime!: string;

  @Column({ length: 255 })
  name!: string;

  @Column({ type: 'integer' })
  version!: number;

  @Column({ type: 'uuid', nullable: true })
  replacesId!: string | null;

  /** The newer version that replaced this one; null for the current version. */
  @Column({ type: 'uuid', nullable: true })
  supersededBy!: string | null;

  @Column({ type: 'varchar', length: 16 })
  status!: DocumentStatus;

  @Column({ type: 'text', nullable: true })
  reviewNote!: string | null;

  @Column({ type: 'uuid', nullable: true })
  reviewedBy!: string | null;

  @TimeColumn({ nullable: true })
  reviewedAt!: Date | null;

  @Column({ type: 'uuid' })
  uploadedBy!: string;

  @CreateDateColumn()
  createdAt!: Date;
}

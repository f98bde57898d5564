import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { PlatformRole } from '@smedx/platform';

@Entity('role_grant')
@Index(['userId', 'role', 'district'], { unique: true })
export class RoleGrant {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  userId!: string;

  @Column({ type: 'varchar', length: 32 })
  role!: PlatformRole;

  /** District code for district officers; empty string otherwise (unique index needs a value). */
  @Column({ length: 32, default: '' })
  district!: string;

  @Column({ type: 'varchar', length: 36, nullable: true })
  grantedBy!: string | null;

  @CreateDateColumn()
  createdAt!: Date;
}

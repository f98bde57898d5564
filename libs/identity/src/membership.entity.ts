import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A user's place in an organisation (an enterprise or a provider). */
@Entity('membership')
@Index(['organisationId', 'userId'], { unique: true })
@Index(['userId'])
export class Membership {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  organisationId!: string;

  @Column({ type: 'varchar', length: 16 })
  organisationKind!: 'enterprise' | 'provider';

  @Column({ type: 'uuid' })
  userId!: string;

  @Column({ type: 'varchar', length: 16 })
  role!: 'owner' | 'member';

  @CreateDateColumn()
  createdAt!: Date;
}

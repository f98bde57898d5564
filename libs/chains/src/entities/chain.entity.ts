import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/**
 * An industrial chain (产业链) led by a chain-leader enterprise (链主), which brings its
 * upstream and downstream enterprises onto the platform to transform together (链式转型).
 * One chain per leader: the leader's suppliers and customers are one roster.
 */
@Entity('chain')
export class Chain {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid', unique: true })
  leaderEnterpriseId!: string;

  @Column({ length: 120 })
  name!: string;

  @Column({ type: 'text' })
  description!: string;

  /** The leader's member who created it. */
  @Column({ type: 'uuid' })
  createdBy!: string;

  @CreateDateColumn()
  createdAt!: Date;

  @UpdateDateColumn()
  updatedAt!: Date;
}

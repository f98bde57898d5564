import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('user_account')
export class User {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Stored lower-cased; unique. */
  @Column({ length: 254, unique: true })
  email!: string;

  @Column({ length: 200 })
  passwordHash!: string;

  @Column({ length: 80 })
  displayName!: string;

  @CreateDateColumn()
  createdAt!: Date;
}

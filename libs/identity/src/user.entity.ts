import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { TimeColumn } from '@smedx/platform';

@Entity('user_account')
export class User {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Stored lower-cased; unique. */
  @Column({ length: 254, unique: true })
  email!: string;

  @Column({ length: 200 })
  passwordHash!: string;

  /** Mainland mobile number (11 digits), optional and unique: signs in with a one-time code by SMS. */
  @Column({ type: 'varchar', length: 11, nullable: true, unique: true })
  mobile!: string | null;

  @Column({ length: 80 })
  displayName!: string;

  /**
   * Carried in every token as `ver`; raised when the user's roles, memberships or password
   * change, which revokes every token issued before (the auth guard answers 401).
   */
  @Column({ type: 'integer', default: 0 })
  tokenVersion!: number;

  /** Wrong passwords in a row since the last successful login or lock-out. */
  @Column({ type: 'integer', default: 0 })
  failedLogins!: number;

  /** Until then login is refused, even with the right password (after too many failures). */
  @TimeColumn({ nullable: true })
  lockedUntil!: Date | null;

  @CreateDateColumn()
  createdAt!: Date;
}

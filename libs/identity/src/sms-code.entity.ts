import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TimeColumn } from '@smedx/platform';

/** `active` until used, replaced by a newer code (`superseded`) or killed by too many wrong tries (`exhausted`). */
export type SmsCodeStatus = 'active' | 'used' | 'superseded' | 'exhausted';

/**
 * One sign-in code sent (or, for a number nobody registered, pretended sent)
 * to a mobile number. Only its HMAC is kept; the rows of the last hour also
 * count the number's requests for the rate limit.
 */
@Entity('sms_code')
@Index(['mobile', 'createdAt'])
export class SmsCode {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ length: 11 })
  mobile!: string;

  /** HMAC-SHA256 (hex) of the number and the code, keyed by a secret derived from JWT_SECRET. */
  @Column({ length: 64 })
  codeHash!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: SmsCodeStatus;

  @Column({ type: 'integer', default: 0 })
  failedAttempts!: number;

  @TimeColumn()
  expiresAt!: Date;

  @TimeColumn()
  createdAt!: Date;
}

import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TimeColumn } from '@smedx/platform';

/**
 * A text message kept instead of sent: with no SMS provider configured the
 * database adapter writes it here, and admins read it (`GET /admin/sms-messages`),
 * as kept e-mail stays in `mail_message`. With a provider nothing is written.
 */
@Entity('sms_message')
@Index(['createdAt'])
export class SmsMessage {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ length: 11 })
  mobile!: string;

  @Column({ length: 300 })
  text!: string;

  @TimeColumn()
  createdAt!: Date;
}

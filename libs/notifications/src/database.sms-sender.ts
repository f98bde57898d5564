import type { DataSource } from 'typeorm';
import type { Clock, OutgoingSmsCode, SmsOutcome, SmsSender } from '@smedx/platform';
import { SmsMessage } from './sms-message.entity.js';

/** The text of a sign-in code message (also what a provider's template should say). */
export function smsCodeText(message: OutgoingSmsCode): string {
  return `您的登录验证码为 ${message.code}，${message.validMinutes} 分钟内有效。如非本人操作，请忽略本短信。`;
}

/** Without an SMS provider: the message is kept in `sms_message`, where admins can read it. */
export class DatabaseSmsSender implements SmsSender {
  readonly kind = 'database' as const;

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async sendCode(message: OutgoingSmsCode): Promise<SmsOutcome> {
    await this.dataSource
      .getRepository(SmsMessage)
      .insert({ mobile: message.mobile, text: smsCodeText(message), createdAt: this.clock.now() });
    return 'kept';
  }
}

import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, CLOCK, SMS_SENDER } from '@smedx/platform';
import type { AppConfig, Clock, SmsSender } from '@smedx/platform';
import { AliyunSmsSender } from './aliyun.sms-sender.js';
import { DatabaseSmsSender } from './database.sms-sender.js';
import { DatabaseMailer } from './database.mailer.js';
import { MAILER } from './mailer.port.js';
import type { Mailer } from './mailer.port.js';
import { NotificationDelivery } from './notification-delivery.service.js';
import { NotificationStreams } from './notification-streams.service.js';
import { NotificationsService } from './notifications.service.js';
import { SmsMessagesService } from './sms-messages.service.js';
import { SmtpMailer } from './smtp.mailer.js';

/** SMTP_URL set → SMTP through nodemailer (sender SMTP_FROM); otherwise mail is kept in the database. */
export function createMailer(config: Pick<AppConfig, 'smtp'>): Mailer {
  return config.smtp ? new SmtpMailer(config.smtp.url, config.smtp.from) : new DatabaseMailer();
}

/** SMS_PROVIDER=aliyun → Alibaba Cloud SMS; otherwise sign-in codes are kept in `sms_message` for admins to read. */
export function createSmsSender(config: Pick<AppConfig, 'sms'>, dataSource: DataSource, clock: Clock): SmsSender {
  return config.sms.provider ? new AliyunSmsSender(config.sms.provider) : new DatabaseSmsSender(dataSource, clock);
}

/**
 * Inbox, live streams, e-mail and text messages (SMS). Global because every context that changes
 * something people wait for notifies through {@link NotificationsService}.
 */
@Global()
@Module({
  providers: [
    { provide: MAILER, inject: [APP_CONFIG], useFactory: createMailer },
    { provide: SMS_SENDER, inject: [APP_CONFIG, DataSource, CLOCK], useFactory: createSmsSender },
    SmsMessagesService,
    NotificationsService,
    NotificationDelivery,
    NotificationStreams,
  ],
  exports: [NotificationsService, NotificationStreams, MAILER, SMS_SENDER, SmsMessagesService],
})
export class NotificationsModule implements OnApplicationShutdown {
  constructor(@Inject(MAILER) private readonly mailer: Mailer) {}

  async onApplicationShutdown(): Promise<void> {
    await this.mailer.close();
  }
}

import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG } from '@smedx/platform';
import type { AppConfig } from '@smedx/platform';
import { DatabaseMailer } from './database.mailer.js';
import { MAILER } from './mailer.port.js';
import type { Mailer } from './mailer.port.js';
import { NotificationDelivery } from './notification-delivery.service.js';
import { NotificationStreams } from './notification-streams.service.js';
import { NotificationsService } from './notifications.service.js';
import { SmtpMailer } from './smtp.mailer.js';

/** SMTP_URL set → SMTP through nodemailer (sender SMTP_FROM); otherwise mail is kept in the database. */
export function createMailer(config: Pick<AppConfig, 'smtp'>): Mailer {
  return config.smtp ? new SmtpMailer(config.smtp.url, config.smtp.from) : new DatabaseMailer();
}

/**
 * Inbox, live streams and e-mail. Global because every context that changes
 * something people wait for notifies through {@link NotificationsService}.
 */
@Global()
@Module({
  providers: [
    { provide: MAILER, inject: [APP_CONFIG], useFactory: createMailer },
    NotificationsService,
    NotificationDelivery,
    NotificationStreams,
  ],
  exports: [NotificationsService, NotificationStreams, MAILER],
})
export class NotificationsModule implements OnApplicationShutdown {
  constructor(@Inject(MAILER) private readonly mailer: Mailer) {}

  async onApplicationShutdown(): Promise<void> {
    await this.mailer.close();
  }
}

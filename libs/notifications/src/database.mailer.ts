import type { Mailer, MailOutcome } from './mailer.port.js';

/**
 * Without SMTP: the message already sits in `mail_message` (the delivery job
 * writes it first), so keeping it is all there is to do.
 */
export class DatabaseMailer implements Mailer {
  readonly kind = 'database' as const;

  async send(): Promise<MailOutcome> {
    return 'kept';
  }

  async close(): Promise<void> {}
}

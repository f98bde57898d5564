import { createTransport } from 'nodemailer';
import type { Mailer, MailOutcome, OutgoingMail } from './mailer.port.js';

/** SMTP through nodemailer; the URL carries host, port, TLS and credentials. */
export class SmtpMailer implements Mailer {
  readonly kind = 'smtp' as const;
  private readonly transport;

  constructor(
    url: string,
    private readonly from: string,
  ) {
    // Bounded waits: a silent server fails the job (retried later) instead of holding it for minutes.
    this.transport = createTransport({ url, connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 60_000 });
  }

  async send(mail: OutgoingMail): Promise<MailOutcome> {
    await this.transport.sendMail({ from: this.from, to: mail.to, subject: mail.subject, text: mail.text });
    return 'sent';
  }

  async close(): Promise<void> {
    this.transport.close();
  }
}

/** Injection token of the {@link Mailer}. */
export const MAILER = Symbol('MAILER');

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
}

/**
 * `sent`: an SMTP server accepted it. `kept`: no server is configured; the
 * message stays in the `mail_message` table (and the inbox) instead.
 */
export type MailOutcome = 'sent' | 'kept';

/**
 * Sends e-mail. `SMTP_URL` picks the adapter: set → {@link SmtpMailer}
 * (nodemailer, sender `SMTP_FROM`); unset → {@link DatabaseMailer}, which keeps
 * the message in the database so nothing is silently dropped.
 */
export interface Mailer {
  readonly kind: 'smtp' | 'database';
  /** Resolves once the message is handed over (or kept); rejects if the server refused it. */
  send(mail: OutgoingMail): Promise<MailOutcome>;
  close(): Promise<void>;
}

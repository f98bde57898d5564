import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { DatabaseMailer } from './database.mailer.js';
import { createMailer } from './notifications.module.js';
import { SmtpMailer } from './smtp.mailer.js';

describe('createMailer', () => {
  it('picks SMTP when SMTP_URL is set, the database otherwise', () => {
    expect(createMailer({ smtp: { url: 'smtp://127.0.0.1:2525', from: 'smedx <noreply@smedx.local>' } })).toBeInstanceOf(SmtpMailer);
    expect(createMailer({ smtp: null })).toBeInstanceOf(DatabaseMailer);
  });
});

describe('SmtpMailer against a real SMTP server', () => {
  let server: SMTPServer;
  let port: number;
  let refuse = false;
  const received: { from: string; to: string[]; raw: string }[] = [];

  beforeAll(async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onRcptTo(address, _session, callback) {
        if (refuse) return callback(Object.assign(new Error('no such mailbox'), { responseCode: 550 }));
        callback();
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            raw: Buffer.concat(chunks).toString('utf8'),
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('hands the message to the server with the configured sender', async () => {
    const mailer = new SmtpMailer(`smtp://127.0.0.1:${port}`, 'smedx <noreply@smedx.test>');
    await expect(mailer.send({ to: 'li.wei@example.cn', subject: '投标提醒', text: '您好' })).resolves.toBe('sent');
    await mailer.close();
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ from: 'noreply@smedx.test', to: ['li.wei@example.cn'] });
    expect(received[0].raw).toMatch(/^Subject: =\?UTF-8\?/m);
  });

  it('rejects when the server refuses it', async () => {
    refuse = true;
    const mailer = new SmtpMailer(`smtp://127.0.0.1:${port}`, 'noreply@smedx.test');
    await expect(mailer.send({ to: 'nobody@example.cn', subject: 'x', text: 'y' })).rejects.toThrow(/no such mailbox/);
    await mailer.close();
  });
});

/** Injection token of the {@link SmsSender}. */
export const SMS_SENDER = Symbol('SMS_SENDER');

/** A one-time sign-in code for one mainland mobile number. */
export interface OutgoingSmsCode {
  /** 11 digits, e.g. `13800138000`. */
  mobile: string;
  /** The plain code (6 digits); only the adapter ever sees it besides the user. */
  code: string;
  /** How long the code works, for the message text. */
  validMinutes: number;
}

/**
 * `sent`: the provider accepted it. `kept`: no provider is configured; the
 * message stays in the `sms_message` table, readable by admins (embedded mode).
 */
export type SmsOutcome = 'sent' | 'kept';

/**
 * Sends sign-in codes by SMS. `SMS_PROVIDER` picks the adapter (the
 * notifications context builds it): `aliyun` → Alibaba Cloud SMS (dysmsapi
 * SendSms, a template with a `code` parameter); unset → the database adapter,
 * which keeps the message so that nothing is silently dropped. The port lives
 * here, not beside the adapters, because identity (which sends codes) sits
 * beneath notifications.
 */
export interface SmsSender {
  readonly kind: 'aliyun' | 'database';
  /** Resolves once the provider accepted the message (or it was kept); rejects when it was refused. */
  sendCode(message: OutgoingSmsCode): Promise<SmsOutcome>;
}

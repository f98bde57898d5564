import { createHmac, randomUUID } from 'node:crypto';
import type { OutgoingSmsCode, SmsOutcome, SmsSender } from '@smedx/platform';

export interface AliyunSmsSettings {
  endpoint: string;
  accessKeyId: string;
  accessKeySecret: string;
  signName: string;
  templateCode: string;
}

/** What the adapter needs from outside, replaceable in tests (no network there). */
export interface AliyunSmsRuntime {
  fetch: typeof fetch;
  now: () => Date;
  nonce: () => string;
}

/** RFC 3986 percent-encoding as Alibaba Cloud's RPC signature wants it (`*` → %2A, `~` kept). */
export function aliyunPercentEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * The RPC signature (SignatureVersion 1.0, HMAC-SHA1) of Alibaba Cloud's
 * documented scheme: parameters sorted by name, each pair percent-encoded,
 * joined with `&`; string to sign `METHOD&%2F&<encoded query>`; key `secret&`.
 */
export function aliyunRpcSignature(params: Record<string, string>, accessKeySecret: string, method = 'GET'): string {
  const query = Object.keys(params)
    .filter((k) => k !== 'Signature')
    .sort()
    .map((k) => `${aliyunPercentEncode(k)}=${aliyunPercentEncode(params[k]!)}`)
    .join('&');
  const stringToSign = `${method}&${aliyunPercentEncode('/')}&${aliyunPercentEncode(query)}`;
  return createHmac('sha1', `${accessKeySecret}&`).update(stringToSign, 'utf8').digest('base64');
}

/**
 * Alibaba Cloud SMS (短信服务, dysmsapi `SendSms`, version 2017-05-25) over
 * HTTPS GET with the RPC signature. The template's one parameter is `code`.
 */
export class AliyunSmsSender implements SmsSender {
  readonly kind = 'aliyun' as const;

  constructor(
    private readonly settings: AliyunSmsSettings,
    private readonly runtime: AliyunSmsRuntime = { fetch: globalThis.fetch, now: () => new Date(), nonce: randomUUID },
  ) {}

  /** The signed URL of one SendSms request. */
  requestUrl(message: OutgoingSmsCode): string {
    const params: Record<string, string> = {
      AccessKeyId: this.settings.accessKeyId,
      Action: 'SendSms',
      Format: 'JSON',
      PhoneNumbers: message.mobile,
      RegionId: 'cn-hangzhou',
      SignName: this.settings.signName,
      SignatureMethod: 'HMAC-SHA1',
      SignatureNonce: this.runtime.nonce(),
      SignatureVersion: '1.0',
      TemplateCode: this.settings.templateCode,
      TemplateParam: JSON.stringify({ code: message.code }),
      Timestamp: this.runtime
        .now()
        .toISOString()
        .replace(/\.\d{3}Z$/, 'Z'),
      Version: '2017-05-25',
    };
    const signature = aliyunRpcSignature(params, this.settings.accessKeySecret);
    const query = Object.entries({ Signature: signature, ...params })
      .map(([k, v]) => `${aliyunPercentEncode(k)}=${aliyunPercentEncode(v)}`)
      .join('&');
    return `${this.settings.endpoint.replace(/\/+$/, '')}/?${query}`;
  }

  async sendCode(message: OutgoingSmsCode): Promise<SmsOutcome> {
    const response = await this.runtime.fetch(this.requestUrl(message), { method: 'GET', signal: AbortSignal.timeout(10_000) });
    const body = (await response.json().catch(() => null)) as { Code?: string; Message?: string; RequestId?: string } | null;
    if (!response.ok || body?.Code !== 'OK') {
      throw new Error(`Alibaba Cloud SMS refused the message: HTTP ${response.status} ${body?.Code ?? ''} ${body?.Message ?? ''}`.trim());
    }
    return 'sent';
  }
}

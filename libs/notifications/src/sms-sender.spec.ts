import { AliyunSmsSender, aliyunPercentEncode, aliyunRpcSignature } from './aliyun.sms-sender.js';
import { DatabaseSmsSender } from './database.sms-sender.js';
import { createSmsSender } from './notifications.module.js';
import type { DataSource } from 'typeorm';
import { FakeClock } from '@smedx/platform';

const SETTINGS = {
  endpoint: 'https://dysmsapi.aliyuncs.com',
  accessKeyId: 'testId',
  accessKeySecret: 'testSecret',
  signName: '沈阳数字化转型',
  templateCode: 'SMS_71390007',
};

describe('Alibaba Cloud SMS signature', () => {
  it("matches the SendSms example of Alibaba Cloud's documentation (HTTP 协议及签名)", () => {
    const params = {
      AccessKeyId: 'testId',
      Action: 'SendSms',
      Format: 'XML',
      OutId: '123',
      PhoneNumbers: '15300000001',
      RegionId: 'cn-hangzhou',
      SignName: '阿里云短信测试专用',
      SignatureMethod: 'HMAC-SHA1',
      SignatureNonce: '45e25e9b-0a6f-4070-8c85-2956eda1b466',
      SignatureVersion: '1.0',
      TemplateCode: 'SMS_71390007',
      TemplateParam: '{"customer":"test"}',
      Timestamp: '2017-07-12T02:42:19Z',
      Version: '2017-05-25',
    };
    expect(aliyunRpcSignature(params, 'testSecret')).toBe('zJDF+Lrzhj/ThnlvIToysFRq6t4=');
  });

  it('percent-encodes as the RPC scheme wants', () => {
    expect(aliyunPercentEncode('a b*~')).toBe('a%20b%2A~');
    expect(aliyunPercentEncode("!'()")).toBe('%21%27%28%29');
    expect(aliyunPercentEncode('/=&+')).toBe('%2F%3D%26%2B');
  });
});

describe('AliyunSmsSender', () => {
  const sent: string[] = [];
  const reply = (status: number, body: unknown) =>
    (async (url: string | URL | Request) => {
      sent.push(String(url));
      return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
    }) as typeof fetch;
  const sender = (fetchImpl: typeof fetch) =>
    new AliyunSmsSender(SETTINGS, {
      fetch: fetchImpl,
      now: () => new Date('2025-03-01T02:00:00.123Z'),
      nonce: () => '45e25e9b-0a6f-4070-8c85-2956eda1b466',
    });

  beforeEach(() => sent.splice(0));

  it('sends one signed GET with the template and the code', async () => {
    await expect(
      sender(reply(200, { Code: 'OK', Message: 'OK' })).sendCode({ mobile: '13800138000', code: '042137', validMinutes: 5 }),
    ).resolves.toBe('sent');
    expect(sent).toHaveLength(1);
    const url = new URL(sent[0]!);
    expect(url.origin + url.pathname).toBe('https://dysmsapi.aliyuncs.com/');
    const params = Object.fromEntries(url.searchParams);
    const { Signature, ...signed } = params;
    expect(signed).toEqual({
      AccessKeyId: 'testId',
      Action: 'SendSms',
      Format: 'JSON',
      PhoneNumbers: '13800138000',
      RegionId: 'cn-hangzhou',
      SignName: '沈阳数字化转型',
      SignatureMethod: 'HMAC-SHA1',
      SignatureNonce: '45e25e9b-0a6f-4070-8c85-2956eda1b466',
      SignatureVersion: '1.0',
      TemplateCode: 'SMS_71390007',
      TemplateParam: '{"code":"042137"}',
      Timestamp: '2025-03-01T02:00:00Z',
      Version: '2017-05-25',
    });
    expect(Signature).toBe(aliyunRpcSignature(signed, 'testSecret'));
    // The query is encoded by the RPC rules (spaces %20, never +) so the server recomputes the same signature.
    expect(sent[0]).toContain('TemplateParam=%7B%22code%22%3A%22042137%22%7D');
  });

  it('rejects when the provider refuses the message', async () => {
    await expect(
      sender(reply(200, { Code: 'isv.BUSINESS_LIMIT_CONTROL', Message: '触发分钟级流控' })).sendCode({
        mobile: '13800138000',
        code: '000001',
        validMinutes: 5,
      }),
    ).rejects.toThrow(/isv.BUSINESS_LIMIT_CONTROL/);
    await expect(sender(reply(500, {})).sendCode({ mobile: '13800138000', code: '000001', validMinutes: 5 })).rejects.toThrow(/HTTP 500/);
  });
});

describe('createSmsSender', () => {
  it('picks Alibaba Cloud when SMS_PROVIDER=aliyun, the database otherwise', () => {
    const dataSource = {} as DataSource;
    const clock = new FakeClock();
    const addressLimits = { addressLimit: 20, addressWindowSeconds: 3600 };
    expect(createSmsSender({ sms: { provider: { kind: 'aliyun', ...SETTINGS }, ...addressLimits } }, dataSource, clock)).toBeInstanceOf(
      AliyunSmsSender,
    );
    expect(createSmsSender({ sms: { provider: null, ...addressLimits } }, dataSource, clock)).toBeInstanceOf(DatabaseSmsSender);
  });
});

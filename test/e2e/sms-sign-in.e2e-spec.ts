import { randomBytes } from 'node:crypto';
import { SmsCode } from '@smedx/identity';
import { startTestApp, TestApp } from '../support/test-app.js';
import { loginAdmin, registerUser } from '../factories/users.js';
import type { TestUser } from '../factories/users.js';

let numbers = 0;
/** A fresh mainland number per call, so the per-number limits of one test do not touch another. */
const freshMobile = () => `139${String(process.pid % 10_000).padStart(4, '0')}${String(++numbers).padStart(4, '0')}`;

describe('sign-in by mobile number and SMS code', () => {
  let t: TestApp;
  let admin: TestUser;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await loginAdmin(t);
  });
  afterAll(async () => {
    await t.close();
  });

  /** A user with a mobile number, set through PATCH /auth/me. */
  async function userWithMobile(): Promise<TestUser & { mobile: string }> {
    const user = await registerUser(t, 'sms');
    const mobile = freshMobile();
    const res = await t.patch('/auth/me', { mobile }, { token: user.token });
    expect(res.status).toBe(200);
    return { ...user, mobile };
  }

  /** The code as an admin reads it from the kept messages (no SMS provider in embedded mode). */
  async function keptCode(mobile: string): Promise<string> {
    const res = await t.get('/admin/sms-messages', { token: admin.token, query: { mobile } });
    expect(res.status).toBe(200);
    const text: string = res.body.items[0].text;
    return text.match(/(\d{6})/)![1]!;
  }

  const requestCode = (mobile: string) => t.post('/auth/sms-code', { mobile });
  const smsLogin = (mobile: string, code: string) => t.post('/auth/sms-login', { mobile, code });

  it('sends a code to a registered number and signs in with it, once; the table keeps only a hash', async () => {
    const user = await userWithMobile();
    expect((await t.get('/auth/me', { token: user.token })).body.mobile).toBe(user.mobile);

    const sent = await requestCode(user.mobile);
    expect(sent.status).toBe(202);
    expect(sent.body).toEqual({ message: expect.stringContaining('验证码'), expiresInSeconds: 300, resendAfterSeconds: 60 });
    const code = await keptCode(user.mobile);

    const rows = await t.dataSource.getRepository(SmsCode).findBy({ mobile: user.mobile });
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(code);
    expect(rows[0]!.codeHash).toMatch(/^[0-9a-f]{64}$/);

    const session = await smsLogin(user.mobile, code);
    expect(session.status).toBe(200);
    expect(session.body.user).toMatchObject({ id: user.id, email: user.email, mobile: user.mobile });
    expect((await t.get('/auth/me', { token: session.body.accessToken })).status).toBe(200);
    const audit = await t.get('/audit', { token: admin.token, query: { entityId: user.id, action: 'user.signed_in_by_sms' } });
    expect(audit.body.items).toHaveLength(1);

    const again = await smsLogin(user.mobile, code);
    expect(again.status).toBe(401);
    expect(again.body.code).toBe('sms_code_invalid');
  });

  it('counts wrong codes down; the fifth wrong try kills the code', async () => {
    const user = await userWithMobile();
    await requestCode(user.mobile);
    const code = await keptCode(user.mobile);
    const wrong = code === '000000' ? '111111' : '000000';
    for (const remaining of [4, 3, 2, 1]) {
      const res = await smsLogin(user.mobile, wrong);
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject({ code: 'sms_code_wrong', details: { remainingAttempts: remaining } });
      expect(res.body.message).toContain(`还可尝试 ${remaining} 次`);
    }
    const fifth = await smsLogin(user.mobile, wrong);
    expect(fifth.status).toBe(410);
    expect(fifth.body.code).toBe('sms_code_exhausted');
    const right = await smsLogin(user.mobile, code);
    expect(right.status).toBe(410);
    expect(right.body.code).toBe('sms_code_exhausted');
  });

  it('refuses a code after 5 minutes; a new code supersedes the old', async () => {
    const user = await userWithMobile();
    await requestCode(user.mobile);
    const first = await keptCode(user.mobile);
    t.clock.advance(5 * 60_000 + 1000);
    const expired = await smsLogin(user.mobile, first);
    expect(expired.status).toBe(410);
    expect(expired.body.code).toBe('sms_code_expired');

    expect((await requestCode(user.mobile)).status).toBe(202);
    const second = await keptCode(user.mobile);
    t.clock.advance(61_000);
    expect((await requestCode(user.mobile)).status).toBe(202);
    const third = await keptCode(user.mobile);
    if (second !== third) expect((await smsLogin(user.mobile, second)).body.code).toBe('sms_code_wrong');
    expect((await smsLogin(user.mobile, third)).status).toBe(200);
  });

  it('limits a number to one code a minute and five an hour', async () => {
    const mobile = freshMobile();
    expect((await requestCode(mobile)).status).toBe(202);
    const soon = await requestCode(mobile);
    expect(soon.status).toBe(429);
    expect(soon.body.code).toBe('sms_rate_limited');
    expect(Number(soon.headers.get('retry-after'))).toBeGreaterThan(55);
    expect(soon.body.message).toMatch(/^该手机号获取验证码过于频繁/);
    for (let i = 0; i < 4; i += 1) {
      t.clock.advance(61_000);
      expect((await requestCode(mobile)).status).toBe(202);
    }
    t.clock.advance(61_000);
    const sixth = await requestCode(mobile);
    expect(sixth.status).toBe(429);
    expect(Number(sixth.headers.get('retry-after'))).toBeGreaterThan(3000);
    t.clock.advance(3600_000);
    expect((await requestCode(mobile)).status).toBe(202);
  });

  it('answers an unknown number exactly as a registered one, and sends it nothing', async () => {
    const known = await userWithMobile();
    const unknown = freshMobile();
    const [a, b] = [await requestCode(known.mobile), await requestCode(unknown)];
    expect(b.status).toBe(a.status);
    expect(b.body).toEqual(a.body);
    expect((await t.get('/admin/sms-messages', { token: admin.token, query: { mobile: unknown } })).body.total).toBe(0);
    const guess = await smsLogin(unknown, '123456');
    expect(guess.status).toBe(401);
    expect(guess.body).toMatchObject({ code: 'sms_code_wrong', details: { remainingAttempts: 4 } });
  });

  it('validates the number and the code at the edge; one number, one account', async () => {
    const bad = await requestCode('12345678901');
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/^mobile: /);
    const badCode = await smsLogin(freshMobile(), '12ab');
    expect(badCode.status).toBe(400);
    expect(badCode.body.message).toMatch(/^code: /);

    const owner = await userWithMobile();
    const other = await registerUser(t, 'sms-other');
    const taken = await t.patch('/auth/me', { mobile: owner.mobile }, { token: other.token });
    expect(taken.status).toBe(409);
    expect(taken.body.code).toBe('mobile_taken');
    const email = `sms-${randomBytes(3).toString('hex')}@test.smedx.cn`;
    const register = await t.post('/auth/register', {
      email,
      password: 'correct horse battery',
      displayName: '王五',
      mobile: owner.mobile,
    });
    expect(register.status).toBe(409);
    const mobile = freshMobile();
    const fresh = await t.post('/auth/register', {
      email,
      password: 'correct horse battery',
      displayName: '王五',
      mobile: `${mobile.slice(0, 3)} ${mobile.slice(3)}`,
    });
    expect(fresh.status).toBe(201);
    expect(fresh.body.user.mobile).toBe(mobile);
    const removed = await t.patch('/auth/me', { mobile: null }, { token: fresh.body.accessToken });
    expect(removed.body.mobile).toBeNull();
  });

  it('keeps the kept messages to admins', async () => {
    const user = await registerUser(t, 'nosy');
    expect((await t.get('/admin/sms-messages', { token: user.token })).status).toBe(403);
  });
});

describe('sign-in codes per client address', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ SMS_CODE_ADDRESS_LIMIT: '3', SMS_CODE_ADDRESS_WINDOW_SECONDS: '600' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('refuses the address once it asked for codes for too many numbers', async () => {
    for (let i = 0; i < 3; i += 1) expect((await t.post('/auth/sms-code', { mobile: freshMobile() })).status).toBe(202);
    const res = await t.post('/auth/sms-code', { mobile: freshMobile() });
    expect(res.status).toBe(429);
    expect(res.body).toMatchObject({ code: 'rate_limited' });
    expect(res.headers.get('retry-after')).toBeTruthy();
  });
});

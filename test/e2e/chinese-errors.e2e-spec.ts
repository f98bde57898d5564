import { hasChinese, isErrorCode, JOB_KIND_NAMES } from '@smedx/contracts';
import { declaredJobNames } from '@smedx/platform';
import { startTestApp, TestApp } from '../support/test-app.js';
import { registerUser } from '../factories/users.js';
import { enterpriseInput } from '../factories/directory.js';

/** Every error body carries a registered `code` and a Chinese `messageZh`; the English `message` stays. */
describe('Chinese-first error messages', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const expectChinese = (body: { code?: unknown; messageZh?: unknown }) => {
    expect(isErrorCode(body.code)).toBe(true);
    expect(typeof body.messageZh).toBe('string');
    expect(hasChinese(body.messageZh as string)).toBe(true);
  };

  it("names every background job the platform declares in Chinese (the admin's 后台任务 page)", () => {
    const names = declaredJobNames();
    expect(names).toEqual(expect.arrayContaining(['notifications.deliver', 'matching.rematch-need']));
    expect(names.filter((job) => !hasChinese(JOB_KIND_NAMES[job] ?? ''))).toEqual([]);
  });

  it('a wrong password: 401 wrong_credentials, 邮箱或密码错误', async () => {
    const user = await registerUser(t);
    const res = await t.post('/auth/login', { email: user.email, password: 'not the password' });
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ code: 'wrong_credentials', messageZh: '邮箱或密码错误' });
    expect(res.body.message).toContain('wrong e-mail or password');
  });

  it('a USCC with a wrong check character: the field problem in Chinese, the English reason kept', async () => {
    const owner = await registerUser(t);
    const good = enterpriseInput().uscc as string;
    const wrong = good.slice(0, 17) + (good.endsWith('X') ? 'Y' : 'X');
    const res = await t.post('/enterprises', enterpriseInput({ uscc: wrong }), { token: owner.token });
    expect(res.status).toBe(400);
    expectChinese(res.body);
    expect(res.body.code).toBe('invalid_input');
    expect(res.body.message).toContain('uscc: wrong check character');
    const problem = res.body.details.problems.find((p: { field: string }) => p.field === 'uscc');
    expect(problem.reason).toMatch(/^wrong check character/);
    expect(problem.reasonZh).toBe(`校验位错误（第18位为“${wrong.charAt(17)}”，应为“${good.charAt(17)}”）`);
    expect(res.body.messageZh).toContain('统一社会信用代码：校验位错误');
  });

  it('zod validation reasons read in Chinese by their kind', async () => {
    const res = await t.post('/auth/register', { email: 'x@test.smedx.cn', displayName: '测试' });
    expect(res.status).toBe(400);
    expectChinese(res.body);
    expect(res.body.messageZh).toContain('密码');
  });

  it('a route refused for want of a role: 403 role_required in Chinese', async () => {
    const user = await registerUser(t);
    const res = await t.get('/audit', { token: user.token });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ code: 'role_required', messageZh: '当前账号的角色无权执行此操作' });
    expect(res.body.message).toBe('requires role city_officer or district_officer or admin');
  });

  it('guards, unknown routes, malformed bodies and missing entities all carry a code and Chinese', async () => {
    const user = await registerUser(t);
    const answers = [
      [await t.get('/auth/me'), 401, 'unauthenticated'],
      [await t.get('/no/such/route'), 404, 'route_not_found'],
      [await t.call('POST', '/auth/login', { body: '{"email":', raw: true }), 400, 'invalid_json'],
      [await t.get('/enterprises/00000000-0000-4000-8000-000000000000', { token: user.token }), 404, 'enterprise_not_found'],
    ] as const;
    for (const [res, status, code] of answers) {
      expect([res.status, res.body.code]).toEqual([status, code]);
      expectChinese(res.body);
    }
  });
});

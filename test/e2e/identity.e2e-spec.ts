import { startTestApp, TestApp } from '../support/test-app.js';
import { login, loginAdmin, registerUser, userWithRole } from '../factories/users.js';
import { createProvider } from '../factories/directory.js';

describe('identity: accounts, roles, organisations', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('registers, logs in and answers /auth/me', async () => {
    const reg = await t.post('/auth/register', { email: 'Li.Wei@Example.com', password: 'long enough pw', displayName: '李伟' });
    expect(reg.status).toBe(201);
    expect(reg.body.accessToken).toEqual(expect.any(String));
    expect(reg.body.user).toMatchObject({ email: 'li.wei@example.com', displayName: '李伟', roles: [] });
    expect(reg.body.user).not.toHaveProperty('passwordHash');

    const login = await t.post('/auth/login', { email: 'li.wei@example.com', password: 'long enough pw' });
    expect(login.status).toBe(200);
    const me = await t.get('/auth/me', { token: login.body.accessToken });
    expect(me.status).toBe(200);
    expect(me.body.id).toBe(reg.body.user.id);
  });

  it('rejects invalid input with 400 naming the field', async () => {
    const res = await t.post('/auth/register', { email: 'not-an-email', password: 'long enough pw', displayName: '张三' });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    expect(res.body.message).toMatch(/^email: /);
    const short = await t.post('/auth/register', { email: 'a@b.cn', password: 'short', displayName: '张三' });
    expect(short.status).toBe(400);
    expect(short.body.message).toMatch(/password: .*8/);
  });

  it('answers malformed JSON with 400, not 500', async () => {
    const res = await t.call('POST', '/auth/login', { body: '{"email":', raw: true });
    expect(res.status).toBe(400);
    expect(res.body.statusCode).toBe(400);
  });

  it('refuses a duplicate e-mail with 409 and a wrong password with 401', async () => {
    const user = await registerUser(t);
    const dup = await t.post('/auth/register', { email: user.email, password: 'another password', displayName: 'x' });
    expect(dup.status).toBe(409);
    const wrong = await t.post('/auth/login', { email: user.email, password: 'wrong password!' });
    expect(wrong.status).toBe(401);
    const unknown = await t.post('/auth/login', { email: 'nobody@nowhere.cn', password: 'wrong password!' });
    expect(unknown.status).toBe(401);
  });

  it('requires a valid bearer token', async () => {
    expect((await t.get('/auth/me')).status).toBe(401);
    expect((await t.get('/auth/me', { token: 'garbage' })).status).toBe(401);
  });

  it('lets only an admin grant roles, records the grant in the audit trail', async () => {
    const admin = await loginAdmin(t);
    const user = await registerUser(t);
    const other = await registerUser(t);

    const byUser = await t.post(`/admin/users/${other.id}/roles`, { role: 'city_officer' }, { token: user.token });
    expect(byUser.status).toBe(403);

    const noDistrict = await t.post(`/admin/users/${user.id}/roles`, { role: 'district_officer' }, { token: admin.token });
    expect(noDistrict.status).toBe(400);
    expect(noDistrict.body.message).toMatch(/district/);
    const badDistrict = await t.post(
      `/admin/users/${user.id}/roles`,
      { role: 'district_officer', district: 'atlantis' },
      { token: admin.token },
    );
    expect(badDistrict.status).toBe(400);
    const badRole = await t.post(`/admin/users/${user.id}/roles`, { role: 'emperor' }, { token: admin.token });
    expect(badRole.status).toBe(400);
    expect(badRole.body.message).toMatch(/^role: /);

    const granted = await t.post(`/admin/users/${user.id}/roles`, { role: 'city_officer' }, { token: admin.token });
    expect(granted.status).toBe(201);
    expect(granted.body.roles).toEqual([{ role: 'city_officer', district: null }]);

    const unknownUser = await t.post(
      `/admin/users/00000000-0000-4000-8000-000000000000/roles`,
      { role: 'assessor' },
      { token: admin.token },
    );
    expect(unknownUser.status).toBe(404);

    await t.drain();
    // The grant revoked the tokens issued before it: the user signs in again.
    const stale = await t.get('/audit', { token: user.token });
    expect(stale).toMatchObject({ status: 401, body: { code: 'token_revoked' } });
    user.token = await login(t, user);
    const audit = await t.get('/audit', { token: user.token, query: { entityId: user.id, action: 'role.granted' } });
    expect(audit.status).toBe(200);
    expect(audit.body.items).toHaveLength(1);
    expect(audit.body.items[0]).toMatchObject({ actorId: admin.id, entityType: 'user', data: { role: 'city_officer' } });

    expect((await t.get('/audit', { token: other.token })).status).toBe(403);
  });

  it('takes a revoked role away at once', async () => {
    const officer = await userWithRole(t, 'city_officer');
    expect((await t.get('/audit', { token: officer.token })).status).toBe(200);
    const admin = await loginAdmin(t);
    const revoked = await t.call('DELETE', `/admin/users/${officer.id}/roles/city_officer`, { token: admin.token });
    expect(revoked.status).toBe(200);
    // The token issued while the role was held is revoked (401); a fresh one lacks the role (403).
    const stale = await t.get('/audit', { token: officer.token });
    expect(stale).toMatchObject({ status: 401, body: { statusCode: 401, code: 'token_revoked' } });
    expect(stale.body.message).toMatch(/重新登录/);
    expect((await t.get('/audit', { token: await login(t, officer) })).status).toBe(403);
  });

  it('rate-limits login', async () => {
    const limited = await startTestApp({ AUTH_RATE_LIMIT: '3', AUTH_RATE_WINDOW_SECONDS: '60' });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) {
        statuses.push((await limited.post('/auth/login', { email: 'x@y.cn', password: 'whatever!' })).status);
      }
      expect(statuses.slice(0, 3)).toEqual([401, 401, 401]);
      expect(statuses.slice(3)).toEqual([429, 429]);
    } finally {
      await limited.close();
    }
  });

  describe('passwords', () => {
    it.each([
      ['too short', 'ab1!', /8/],
      ['one kind of character only', 'abcdefghijkl', /至少两类/],
      ['too common', 'Password123', /常见/],
      ['holding the e-mail name', 'wangxiaoming-2024', /邮箱/],
    ])('refuses a password %s with 400 naming the field', async (_, password, reason) => {
      const res = await t.post('/auth/register', { email: 'wangxiaoming@example.cn', password, displayName: '王小明' });
      expect(res.status).toBe(400);
      expect(res.body.message).toMatch(/^password: /);
      expect(res.body.message).toMatch(reason);
    });

    it('changes a password: the current one is required, every earlier token is revoked, the answer is a fresh session', async () => {
      const user = await registerUser(t, 'changer');
      const second = await login(t, user);
      const wrong = await t.post(
        '/auth/password',
        { currentPassword: 'not my password', newPassword: 'brand new pass 2025' },
        { token: user.token },
      );
      expect(wrong).toMatchObject({ status: 400, body: { code: 'wrong_password' } });
      expect(wrong.body.message).toMatch(/^currentPassword: /);
      const weak = await t.post('/auth/password', { currentPassword: user.password, newPassword: '12345678' }, { token: user.token });
      expect(weak.status).toBe(400);
      expect(weak.body.message).toMatch(/^newPassword: /);

      const changed = await t.post(
        '/auth/password',
        { currentPassword: user.password, newPassword: 'brand new pass 2025' },
        { token: user.token },
      );
      expect(changed.status).toBe(200);
      for (const old of [user.token, second]) {
        expect(await t.get('/auth/me', { token: old })).toMatchObject({ status: 401, body: { code: 'token_revoked' } });
      }
      expect((await t.get('/auth/me', { token: changed.body.accessToken })).status).toBe(200);
      expect((await t.post('/auth/login', { email: user.email, password: user.password })).status).toBe(401);
      expect((await t.post('/auth/login', { email: user.email, password: 'brand new pass 2025' })).status).toBe(200);
    });

    it('locks an account after repeated wrong passwords, whatever is sent meanwhile, until the lock ends', async () => {
      const locking = await startTestApp({ LOGIN_MAX_FAILURES: '3', LOGIN_LOCK_SECONDS: '600' });
      try {
        const user = await registerUser(locking, 'locked');
        const attempt = (password: string) => locking.post('/auth/login', { email: user.email, password });
        expect((await attempt('wrong password 1')).status).toBe(401);
        // A success in between starts the count again.
        expect((await attempt(user.password)).status).toBe(200);
        expect((await attempt('wrong password 2')).status).toBe(401);
        expect((await attempt('wrong password 3')).status).toBe(401);
        const third = await attempt('wrong password 4');
        expect(third).toMatchObject({ status: 429, body: { statusCode: 429, code: 'account_locked' } });
        expect(third.body.message).toMatch(/锁定/);
        expect(Number(third.headers.get('retry-after'))).toBe(600);
        const right = await attempt(user.password);
        expect(right.status).toBe(429);
        expect(Number(right.headers.get('retry-after'))).toBeLessThanOrEqual(600);
        // A token issued before keeps working: the lock guards the password, not the sessions.
        expect((await locking.get('/auth/me', { token: user.token })).status).toBe(200);
        locking.clock.advance(601_000);
        expect((await attempt(user.password)).status).toBe(200);
        await locking.drain();
        const admin = await loginAdmin(locking);
        const audit = await locking.get('/audit', { token: admin.token, query: { entityId: user.id, action: 'user.locked_out' } });
        expect(audit.body.items).toHaveLength(1);
      } finally {
        await locking.close();
      }
    });
  });

  it('serves health and OpenAPI', async () => {
    const health = await t.get('/health');
    expect(health.status).toBe(200);
    expect(health.body.status).toBe('ok');
    expect(health.body.info.database.status).toBe('up');
    const docs = await t.get('/docs-json');
    expect(docs.status).toBe(200);
    expect(Object.keys(docs.body.paths)).toEqual(expect.arrayContaining(['/api/v1/auth/register', '/api/v1/admin/jobs']));
  });
});

describe('organisation members', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('lets an owner add members, members list them, outsiders are refused', async () => {
    const owner = await registerUser(t, 'owner');
    const colleague = await registerUser(t, 'colleague');
    const outsider = await registerUser(t, 'outsider');
    const providerId: string = (await createProvider(t, owner)).id;

    const added = await t.post(`/organisations/${providerId}/members`, { email: colleague.email }, { token: owner.token });
    expect(added.status).toBe(201);
    expect(added.body.map((m: { email: string; role: string }) => [m.email, m.role]).sort()).toEqual(
      [
        [colleague.email, 'member'],
        [owner.email, 'owner'],
      ].sort(),
    );
    // Joining revoked the colleague's earlier tokens.
    expect((await t.get('/auth/me', { token: colleague.token })).status).toBe(401);
    colleague.token = await login(t, colleague);
    const listed = await t.get(`/organisations/${providerId}/members`, { token: colleague.token });
    expect(listed.status).toBe(200);
    expect(listed.body).toHaveLength(2);

    expect((await t.get(`/organisations/${providerId}/members`, { token: outsider.token })).status).toBe(403);
    expect((await t.post(`/organisations/${providerId}/members`, { email: outsider.email }, { token: colleague.token })).status).toBe(403);
    expect((await t.post(`/organisations/${providerId}/members`, { email: colleague.email }, { token: owner.token })).status).toBe(409);
    expect((await t.post(`/organisations/${providerId}/members`, { email: 'nobody@nowhere.cn' }, { token: owner.token })).status).toBe(404);
    expect((await t.post(`/organisations/${providerId}/members`, { email: 'bad' }, { token: owner.token })).status).toBe(400);
    expect((await t.get(`/organisations/not-a-uuid/members`, { token: owner.token })).status).toBe(400);
  });
});

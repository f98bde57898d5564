import { startTestApp, TestApp } from '../support/test-app.js';
import { loginAdmin, registerUser, userWithRole } from '../factories/users.js';
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
    expect((await t.get('/audit', { token: officer.token })).status).toBe(403);
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

import { randomBytes } from 'node:crypto';
import type { PlatformRole } from '@smedx/platform';
import type { TestApp } from '../support/test-app.js';

export interface TestUser {
  id: string;
  email: string;
  password: string;
  token: string;
}

let counter = 0;

export async function registerUser(t: TestApp, prefix = 'user'): Promise<TestUser> {
  const email = `${prefix}-${++counter}-${randomBytes(3).toString('hex')}@test.smedx.cn`;
  const password = 'correct horse battery';
  const res = await t.post('/auth/register', { email, password, displayName: `测试用户${counter}` });
  if (res.status !== 201) throw new Error(`register failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { id: res.body.user.id, email, password, token: res.body.accessToken };
}

export async function loginAdmin(t: TestApp): Promise<TestUser> {
  const { email, password } = t.config.admin;
  const res = await t.post('/auth/login', { email, password });
  if (res.status !== 200) throw new Error(`admin login failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { id: res.body.user.id, email, password, token: res.body.accessToken };
}

/** A registered user holding a platform role, granted by the admin over HTTP. */
export async function userWithRole(t: TestApp, role: PlatformRole, district?: string): Promise<TestUser> {
  const admin = await loginAdmin(t);
  const user = await registerUser(t, role.replace('_', '-'));
  const res = await t.post(`/admin/users/${user.id}/roles`, { role, district }, { token: admin.token });
  if (res.status !== 201) throw new Error(`grant failed: ${res.status} ${JSON.stringify(res.body)}`);
  // A grant revokes the user's earlier tokens: sign in again.
  return { ...user, token: await login(t, user) };
}

/** A fresh token for the user (after a change of roles, memberships or password revoked the old ones). */
export async function login(t: TestApp, user: Pick<TestUser, 'email' | 'password'>): Promise<string> {
  const res = await t.post('/auth/login', { email: user.email, password: user.password });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.accessToken;
}

import { makeUscc } from '@smedx/taxonomy';
import type { TestApp } from '../support/test-app.js';
import { uploadPdf } from './documents.js';
import { registerUser, userWithRole } from './users.js';
import type { TestUser } from './users.js';

/**
 * A valid, distinct unified social credit code. Pass `n` for a fixed code; without it each call
 * gives a fresh one (counting from 500,000, clear of small fixed numbers).
 */
let usccCounter = 500_000;
export function validUscc(n: number = usccCounter++): string {
  return makeUscc(n);
}

/** A valid enterprise body (machine tools, Tiexi, 规上); override any field. */
export function enterpriseInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: `沈阳测试机床有限公司${usccCounter}`,
    uscc: validUscc(),
    industry: 'machine_tool',
    district: 'tiexi',
    scale: 'above',
    employees: 120,
    annualRevenueFen: 5_000_000_000,
    isLittleGiantFunded: false,
    inPilot2022: false,
    isSpecialised: true,
    ...overrides,
  };
}

/** A valid provider body (integrator serving Tiexi and Hunnan); override any field. */
export function providerInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: `辽宁测试数字科技有限公司${usccCounter}`,
    uscc: validUscc(),
    kind: 'integrator',
    districts: ['tiexi', 'hunnan'],
    description: '面向装备制造业的设备联网与生产管控小快轻准解决方案',
    ...overrides,
  };
}

/** Registers an enterprise owned by `owner` over HTTP; returns the response body (full view). */
export async function createEnterprise(t: TestApp, owner: TestUser, overrides: Record<string, unknown> = {}): Promise<any> {
  const res = await t.post('/enterprises', enterpriseInput(overrides), { token: owner.token });
  if (res.status !== 201) throw new Error(`create enterprise failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Registers a provider owned by `owner` over HTTP (status `pending`); returns the response body. */
export async function createProvider(t: TestApp, owner: TestUser, overrides: Record<string, unknown> = {}): Promise<any> {
  const res = await t.post('/providers', providerInput(overrides), { token: owner.token });
  if (res.status !== 201) throw new Error(`create provider failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

const cityOfficers = new WeakMap<TestApp, Promise<TestUser>>();

/** One city officer per test app, created on first use. */
export function cityOfficer(t: TestApp): Promise<TestUser> {
  let officer = cityOfficers.get(t);
  if (!officer) {
    officer = userWithRole(t, 'city_officer');
    cityOfficers.set(t, officer);
  }
  return officer;
}

/** A new user owning a provider that a city officer has approved; `provider` is the body after approval. */
export async function approvedProvider(t: TestApp, overrides: Record<string, unknown> = {}): Promise<{ owner: TestUser; provider: any }> {
  const owner = await registerUser(t, 'provider');
  const created = await createProvider(t, owner, overrides);
  await attachLicence(t, owner, created.id);
  const officer = await cityOfficer(t);
  const res = await t.post(
    `/providers/${created.id}/selection`,
    { decision: 'approve', reason: '材料齐全，符合遴选条件' },
    { token: officer.token },
  );
  if (res.status !== 201) throw new Error(`approve provider failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { owner, provider: res.body };
}

/** The provider's owner files its business licence (营业执照), which selection requires before approval. */
export async function attachLicence(t: TestApp, owner: TestUser, providerId: string): Promise<void> {
  const fileId = await uploadPdf(t, owner.token, '营业执照', providerId);
  const res = await t.post(`/providers/${providerId}/documents`, { fileId, kind: 'business_licence' }, { token: owner.token });
  if (res.status !== 201) throw new Error(`attach licence failed: ${res.status} ${JSON.stringify(res.body)}`);
}

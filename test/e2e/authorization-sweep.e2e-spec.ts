import { randomUUID } from 'node:crypto';
import { startTestApp, TestApp } from '../support/test-app.js';
import { loginAdmin, registerUser, userWithRole } from '../factories/users.js';
import type { TestUser } from '../factories/users.js';
import { approvedProvider, cityOfficer, createEnterprise } from '../factories/directory.js';
import { needInput, publishedNeed } from '../factories/demand.js';
import { submitBid } from '../factories/bidding.js';
import { solutionInput } from '../factories/catalogue.js';
import { acceptedProject, applyForSubsidy } from '../factories/subsidy.js';
import { createEvent } from '../factories/events.js';
import { chainLeader, invitation } from '../factories/chains.js';
import { fileDiagnosis, worstAnswers } from '../factories/diagnosis.js';

/**
 * Object-level authorisation, kept closed: every route of the OpenAPI document that takes an
 * id is called with the token of parties that have no business with the object (another
 * enterprise, another provider, the other district's officer, another organiser, a user of no
 * organisation), without a token and with a random id. A 2xx on a private object, or a private
 * field in a public body, fails. A new route taking an id fails until it is added to the table
 * below, so the sweep cannot silently stop covering the API.
 */

/**
 * How a GET answers a party with no business with the object: not at all (private), or with a
 * public body that must not carry the named fields, or only to the named parties (of `others`
 * below) whose role entitles them to every object of the kind, refusing the rest.
 */
type ReadRule = 'private' | { public: string[] } | { readBy: string[] };

const ENTERPRISE_PRIVATE_FIELDS = [
  'uscc',
  'employees',
  'annualRevenueFen',
  'isLittleGiantFunded',
  'inPilot2022',
  'isSpecialised',
  'enrolmentBasis',
];

/**
 * GET routes a visitor calls without a token: an invitation link (the token is the secret), a
 * rating (shown on the provider page), and the public portal's objects — published solutions and
 * needs, approved providers and their cases, events past draft. The sweep's objects are drafts
 * (404 to a visitor as to any other party) and an approved provider (its public fields only).
 */
const VISITOR_READS = new Set([
  '/chain-invitations/{token}',
  '/ratings/{id}',
  '/solutions/{id}',
  '/needs/{id}',
  '/providers/{id}',
  '/providers/{id}/cases',
  '/events/{id}',
]);

const READS: Record<string, ReadRule> = {
  '/bids/{id}': 'private',
  // An invitation link is readable before signing in: what it is for, nothing more.
  '/chain-invitations/{token}': { public: ENTERPRISE_PRIVATE_FIELDS },
  '/chains/{id}': 'private',
  '/chains/{id}/cases': 'private',
  '/chains/{id}/dashboard': 'private',
  '/chains/{id}/invitations': 'private',
  '/chains/{id}/joint-needs': 'private',
  '/chains/{id}/members': 'private',
  // Whoever may read a document's owner reads the file, by token or through a signed link.
  '/files/{id}': 'private',
  '/files/{id}/link': 'private',
  '/enterprises/{id}': { public: ENTERPRISE_PRIVATE_FIELDS },
  '/enterprises/{id}/consents': 'private',
  '/enterprises/{id}/diagnoses': 'private',
  // The event is a draft: it exists only for its organiser and overseers.
  '/events/{id}': 'private',
  '/events/{id}/agenda': 'private',
  '/events/{id}/meetings': 'private',
  '/events/{id}/registrations': 'private',
  '/events/{id}/report': 'private',
  // The need is a draft.
  '/needs/{id}': 'private',
  '/nominations/{id}': 'private',
  '/nominations/{id}/documents': 'private',
  '/nominations/{id}/documents/archive': 'private',
  '/needs/{id}/bids': 'private',
  '/needs/{id}/invitations': 'private',
  '/needs/{id}/matches': 'private',
  '/organisations/{id}/members': 'private',
  '/projects/{id}': 'private',
  '/projects/{id}/contract': 'private',
  '/projects/{id}/documents': 'private',
  '/projects/{id}/documents/archive': 'private',
  '/projects/{id}/logs': 'private',
  '/providers/{id}': { public: [] },
  '/ratings/{id}': { public: [] },
  '/providers/{id}/cases': { public: [] },
  // A provider's licence and certificates: its members and the officers overseeing selection (every district's), nobody else.
  '/providers/{id}/documents': { readBy: ["the other district's officer"] },
  '/providers/{id}/documents/archive': { readBy: ["the other district's officer"] },
  // The solution is a draft.
  '/solutions/{id}': 'private',
  '/solutions/{id}/matches': 'private',
  '/subsidy-applications/{id}': 'private',
  '/subsidy-applications/{id}/documents': 'private',
  '/subsidy-applications/{id}/documents/archive': 'private',
};

/**
 * Writes open to a party with no business with the object. An invitation link is a bearer
 * secret: a holder who has no enterprise yet claims it (and registers the invited enterprise
 * afterwards), and whoever may accept it may decline it.
 */
const OPEN_WRITES = new Set<string>(['POST /chain-invitations/{token}/accept', 'POST /chain-invitations/{token}/decline']);

interface World {
  ids: Record<string, string>;
  /** The token of someone entitled to the object, per first path segment (used with a random id). */
  owners: Record<string, TestUser>;
}

describe('authorisation sweep', () => {
  let t: TestApp;
  let world: World;
  let enterpriseOwner: TestUser;
  let enterprise: any;
  let rivalOwner: TestUser;
  let rival: any;
  let bidder: { owner: TestUser; provider: any };
  let otherProvider: { owner: TestUser; provider: any };
  let tiexiOfficer: TestUser;
  let hunnanOfficer: TestUser;
  let organiser: TestUser;
  let otherOrganiser: TestUser;
  let outsider: TestUser;
  let publishedNeedA: any;
  let bidA: any;
  let project: Awaited<ReturnType<typeof acceptedProject>>;
  let applicationId: string;
  let others: { name: string; user: TestUser }[];

  beforeAll(async () => {
    t = await startTestApp();
    enterpriseOwner = await registerUser(t, 'enterprise-a');
    enterprise = await createEnterprise(t, enterpriseOwner, { district: 'tiexi', inPilot2022: true });
    rivalOwner = await registerUser(t, 'enterprise-b');
    rival = await createEnterprise(t, rivalOwner, { district: 'hunnan' });
    bidder = await approvedProvider(t);
    otherProvider = await approvedProvider(t);
    tiexiOfficer = await userWithRole(t, 'district_officer', 'tiexi');
    hunnanOfficer = await userWithRole(t, 'district_officer', 'hunnan');
    organiser = await userWithRole(t, 'organizer');
    otherOrganiser = await userWithRole(t, 'organizer');
    outsider = await registerUser(t, 'outsider');

    const draftNeed = await t.post('/needs', { ...needInput(t.clock), enterpriseId: enterprise.id }, { token: enterpriseOwner.token });
    publishedNeedA = await publishedNeed(t, enterpriseOwner, enterprise.id);
    bidA = await submitBid(t, bidder.owner, publishedNeedA.id, { priceFen: 26_500_000 });
    const draftSolution = await t.post('/solutions', { ...solutionInput(), providerId: bidder.provider.id }, { token: bidder.owner.token });
    project = await acceptedProject(t, { enterprise: { district: 'tiexi' } });
    const applied = await applyForSubsidy(t, project);
    expect(applied.status).toBe(201);
    applicationId = applied.body.id;
    const checklist = await t.get(`/subsidy-applications/${applicationId}/documents`, { token: project.enterpriseOwner.token });
    expect(checklist.status).toBe(200);
    const submittedDocument = checklist.body.items.flatMap((i: any) => i.current)[0];
    await fileDiagnosis(t, enterpriseOwner, enterprise.id, { kind: 'self_check', answers: worstAnswers() });
    const event = await createEvent(t, organiser);
    const leader = await chainLeader(t, { enterprise: { district: 'tiexi' } });
    const invited = await invitation(t, leader.owner, leader.chain.id, { position: 'upstream', uscc: enterprise.uscc });
    await t.drain();
    const notifications = await t.get('/notifications', { token: enterpriseOwner.token });
    expect(notifications.body.items.length).toBeGreaterThan(0);
    const admin = await loginAdmin(t);

    world = {
      ids: {
        bids: bidA.id,
        'chain-invitations': invited.token,
        chains: leader.chain.id,
        enterprises: enterprise.id,
        events: event.id,
        needs: draftNeed.body.id,
        notifications: notifications.body.items[0].id,
        organisations: enterprise.id,
        projects: project.projectId,
        providers: bidder.provider.id,
        solutions: draftSolution.body.id,
        'subsidy-applications': applicationId,
        files: submittedDocument.fileId,
        documents: submittedDocument.id,
        // Officers' and admins' routes: the target is an ordinary user, a random entry or job.
        admin: outsider.id,
        blacklist: randomUUID(),
        enterpriseId: leader.enterprise.id,
      },
      owners: {
        bids: bidder.owner,
        'chain-invitations': leader.owner,
        chains: leader.owner,
        enterprises: enterpriseOwner,
        events: organiser,
        needs: enterpriseOwner,
        notifications: enterpriseOwner,
        organisations: enterpriseOwner,
        projects: project.enterpriseOwner,
        providers: bidder.owner,
        solutions: bidder.owner,
        'subsidy-applications': project.enterpriseOwner,
        files: project.enterpriseOwner,
        documents: tiexiOfficer,
        admin,
        blacklist: await cityOfficer(t),
      },
    };
    others = [
      { name: 'another enterprise', user: rivalOwner },
      { name: 'another provider', user: otherProvider.owner },
      { name: "the other district's officer", user: hunnanOfficer },
      { name: 'another organiser', user: otherOrganiser },
      { name: 'a user of no organisation', user: outsider },
    ];
  }, 120_000);
  afterAll(async () => {
    await t.close();
  });

  describe('closed holes', () => {
    async function auditEntries(user: TestUser): Promise<any[]> {
      const all: any[] = [];
      for (let page = 1; ; page++) {
        const res = await t.get('/audit', { token: user.token, query: { page, pageSize: 100 } });
        expect(res.status).toBe(200);
        all.push(...res.body.items);
        if (all.length >= res.body.total || !res.body.items.length) return all;
      }
    }

    it("GET /audit shows a district officer only its district's objects (and providers)", async () => {
      const tiexiObjects = [enterprise.id, publishedNeedA.id, bidA.id, project.projectId, project.enterprise.id, applicationId];
      const seenByHunnan = await auditEntries(hunnanOfficer);
      expect(seenByHunnan.filter((e) => tiexiObjects.includes(e.entityId))).toEqual([]);
      expect(new Set(seenByHunnan.map((e) => e.entityType))).toEqual(new Set(['enterprise', 'provider']));
      // Its own district's enterprise, and the providers every officer oversees.
      expect(seenByHunnan).toEqual(
        expect.arrayContaining([expect.objectContaining({ action: 'enterprise.registered', entityId: rival.id })]),
      );
      expect(seenByHunnan.some((e) => e.entityId === bidder.provider.id)).toBe(true);
      // Nothing of the 铁西 side leaks through the data either: no USCC, no sealed price.
      const text = JSON.stringify(seenByHunnan);
      expect(text).not.toContain(enterprise.uscc);
      expect(text).not.toContain('26500000');

      // The 铁西 officer reads what the objects' own views show it: the bid with its price.
      const seenByTiexi = await auditEntries(tiexiOfficer);
      expect(seenByTiexi).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ action: 'bid.submitted', entityId: bidA.id, data: expect.objectContaining({ priceFen: 26_500_000 }) }),
          expect.objectContaining({ entityType: 'subsidy_application', entityId: applicationId }),
        ]),
      );
      expect(seenByTiexi.some((e) => e.entityId === rival.id)).toBe(false);
      // Filters narrow within the scope, never widen it.
      const asked = await t.get('/audit', { token: hunnanOfficer.token, query: { entityType: 'bid', entityId: bidA.id } });
      expect(asked.body).toMatchObject({ items: [], total: 0 });
      // A city officer reads the whole trail.
      const city = await t.get('/audit', { token: (await cityOfficer(t)).token, query: { entityId: bidA.id } });
      expect(city.body.items.map((e: any) => e.action)).toContain('bid.submitted');
    });

    it("GET /bids/:id does not show a bidder the enterprise's subsidy estimate (it rests on private eligibility)", async () => {
      const asBidder = await t.get(`/bids/${bidA.id}`, { token: bidder.owner.token });
      expect(asBidder.status).toBe(200);
      expect(asBidder.body.subsidyEstimate).toBeNull();
      expect(JSON.stringify(asBidder.body)).not.toMatch(/试点|小巨人|黑名单/);
      const listed = await t.get(`/needs/${publishedNeedA.id}/bids`, { token: bidder.owner.token });
      expect(listed.body.items.map((b: any) => b.subsidyEstimate)).toEqual([null]);
      // The enterprise compares bids with it: excluded as a 2022 pilot, so no subsidy.
      const asEnterprise = await t.get(`/bids/${bidA.id}`, { token: enterpriseOwner.token });
      expect(asEnterprise.body.subsidyEstimate).toMatchObject({ subsidyFen: 0, eligibleInvestmentFen: 0 });
      expect(asEnterprise.body.subsidyEstimate.basis).toMatch(/2022年/);
    });

    it('a published need shows no private details, and its bids stay sealed, to other parties', async () => {
      for (const { user } of others) {
        const need = await t.get(`/needs/${publishedNeedA.id}`, { token: user.token });
        expect(need.status).toBe(200);
        expect(need.body.privateDetails ?? null).toBeNull();
        const bids = await t.get(`/needs/${publishedNeedA.id}/bids`, { token: user.token });
        if (bids.status === 200) expect(bids.body.items).toEqual([]);
        else expect(bids.status).toBe(403);
      }
    });
  });

  it('refuses every id route of the OpenAPI document to other parties, anonymous callers and random ids', async () => {
    const docs = await t.get('/docs-json');
    expect(docs.status).toBe(200);
    const routes = Object.entries(docs.body.paths as Record<string, Record<string, unknown>>)
      .filter(([path]) => /\{[^}]+\}/.test(path))
      .flatMap(([path, operations]) =>
        Object.keys(operations)
          .filter((m) => ['get', 'post', 'patch', 'put', 'delete'].includes(m))
          .map((method) => ({ method: method.toUpperCase(), path: path.replace(/^\/api\/v1/, '') })),
      );
    expect(routes.length).toBeGreaterThan(80);

    const failures: string[] = [];
    const uncovered = routes.filter((r) => r.method === 'GET' && !(r.path in READS)).map((r) => `${r.method} ${r.path}`);
    expect(uncovered).toEqual([]);

    const fill = (path: string, random: boolean) => {
      const segment = path.split('/')[1]!;
      return path.replace(/\{([^}]+)\}/g, (_, name: string) => {
        if (name === 'role') return 'city_officer';
        if (random) return name === 'token' ? 'x'.repeat(43) : randomUUID();
        if (name === 'id' || name === 'token') return world.ids[segment] ?? randomUUID();
        return world.ids[name] ?? randomUUID();
      });
    };

    let requests = 0;
    const reads = routes.filter((r) => r.method === 'GET');
    const writes = routes.filter((r) => r.method !== 'GET');
    // Reads first: a write that wrongly succeeded must not change what the reads see.
    for (const route of [...reads, ...writes]) {
      const target = fill(route.path, false);
      const label = `${route.method} ${route.path}`;
      const body = route.method === 'GET' || route.method === 'DELETE' ? undefined : {};
      const rule = route.method === 'GET' ? READS[route.path]! : 'private';

      const anonymous = await t.call(route.method, target, { body });
      requests++;
      // Readable without signing in (the public portal and links), judged below like any other party's read.
      const publicRoute = route.method === 'GET' && VISITOR_READS.has(route.path);
      if (!publicRoute && anonymous.status !== 401) failures.push(`${label} without a token: ${anonymous.status}, expected 401`);
      if (publicRoute && anonymous.status >= 500) failures.push(`${label} without a token: ${anonymous.status}`);

      const visitor = { name: 'a visitor without a token', user: null as TestUser | null };
      for (const { name, user } of publicRoute ? [visitor, ...others] : others) {
        if (OPEN_WRITES.has(label)) continue;
        const res = user ? await t.call(route.method, target, { token: user.token, body }) : anonymous;
        if (user) requests++;
        if (res.status < 200 || res.status >= 300) continue;
        if (rule === 'private') {
          failures.push(`${label} as ${name}: ${res.status} on a private object`);
        } else if ('readBy' in rule) {
          if (!rule.readBy.includes(name)) failures.push(`${label} as ${name}: ${res.status}, only ${rule.readBy.join(', ')} may read it`);
        } else {
          const leaked = rule.public.filter((field) => JSON.stringify(res.body).includes(`"${field}":`));
          if (leaked.length) failures.push(`${label} as ${name}: private field(s) ${leaked.join(', ')} in a public body`);
        }
      }

      const owner = world.owners[route.path.split('/')[1]!] ?? outsider;
      const random = await t.call(route.method, fill(route.path, true), { token: owner.token, body });
      requests++;
      if (random.status >= 200 && random.status < 300) failures.push(`${label} with a random id: ${random.status}`);
      if (random.status >= 500) failures.push(`${label} with a random id: ${random.status}`);
    }
    expect(failures).toEqual([]);
    expect(requests).toBeGreaterThan(500);
  });
});

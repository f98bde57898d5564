import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import yauzl from 'yauzl';
import { FILE_STORE } from '@smedx/platform';
import type { FileStore } from '@smedx/platform';
import { DocumentRetention, StoredFile, samplePdf, samplePng } from '@smedx/documents';
import { startTestApp } from '../support/test-app.js';
import type { TestApp } from '../support/test-app.js';
import { attachLicence, cityOfficer, createEnterprise, createProvider } from '../factories/directory.js';
import { download, subsidyDocuments, uploadFile, uploadPdf } from '../factories/documents.js';
import type { AwardedProject } from '../factories/projects.js';
import { acceptedProject, applyForSubsidy } from '../factories/subsidy.js';
import { registerUser, userWithRole } from '../factories/users.js';
import type { TestUser } from '../factories/users.js';

const MAX_BYTES = 512 * 1024;
const QUOTA_BYTES = 1024 * 1024;
const ELF = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(4096, 7)]);
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** A PDF of about `size` bytes: a valid head, then padding in a comment-free stream. */
function pdfOfSize(size: number, seed: string): Buffer {
  const head = samplePdf(seed);
  return Buffer.concat([head, Buffer.alloc(Math.max(0, size - head.length), 0x20)]);
}

function zipEntries(bytes: Buffer): Promise<string[]> {
  return new Promise((resolve, reject) =>
    yauzl.fromBuffer(bytes, { lazyEntries: false }, (error, zip) => {
      if (error) return reject(error);
      const names: string[] = [];
      zip.on('entry', (e: yauzl.Entry) => names.push(e.fileName));
      zip.on('end', () => resolve(names));
      zip.on('error', reject);
    }),
  );
}

describe('documents and evidence', () => {
  let t: TestApp;
  let store: FileStore;
  let city: TestUser;
  let tiexi: TestUser;
  let hunnan: TestUser;
  let outsider: TestUser;
  let outsiderEnterprise: any;

  const countFiles = () => t.dataSource.getRepository(StoredFile).count();
  const stagingEmpty = () => readdirSync(join(t.config.dataDir, 'uploads-staging')).length === 0;
  const review = (id: string, user: TestUser, decision: string, reason?: string) =>
    t.post(`/subsidy-applications/${id}/reviews`, { decision, reason }, { token: user.token });

  beforeAll(async () => {
    t = await startTestApp({ FILE_MAX_BYTES: String(MAX_BYTES), FILE_QUOTA_BYTES: String(QUOTA_BYTES), FILES_PER_OWNER: '8' });
    store = t.app.get(FILE_STORE);
    city = await cityOfficer(t);
    tiexi = await userWithRole(t, 'district_officer', 'tiexi');
    hunnan = await userWithRole(t, 'district_officer', 'hunnan');
    outsider = await registerUser(t, 'outsider');
    outsiderEnterprise = await createEnterprise(t, outsider, { district: 'tiexi' });
  });

  afterAll(async () => {
    await t?.close();
  });

  describe('uploads', () => {
    it('stores a PDF under its SHA-256 in the local store inside the data directory, type read from the bytes', async () => {
      const bytes = samplePdf('采购合同');
      const res = await uploadFile(t, outsider.token, bytes, '../../采购合同\u202E.pdf');
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        sha256: sha(bytes),
        kind: 'pdf',
        size: bytes.length,
        contentType: 'application/pdf',
        name: '采购合同.pdf',
      });
      expect(t.config.files.store).toEqual({ kind: 'local', root: join(t.config.dataDir, 'files') });
      expect(existsSync(join(t.config.dataDir, 'files', sha(bytes).slice(0, 2), sha(bytes).slice(2, 4), sha(bytes)))).toBe(true);
      const back = await download(t, `/files/${res.body.id}`, outsider.token);
      expect(back.status).toBe(200);
      expect(back.bytes.equals(bytes)).toBe(true);
      expect(back.headers.get('content-type')).toBe('application/pdf');
      expect(back.headers.get('x-content-type-options')).toBe('nosniff');
      expect(back.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent('采购合同.pdf')}`);
    });

    it('refuses a renamed executable with 415 and a Chinese message, storing nothing', async () => {
      const before = await countFiles();
      for (const name of ['发票.pdf', 'photo.png', 'setup.exe']) {
        const res = await uploadFile(t, outsider.token, ELF, name);
        expect(res.status).toBe(415);
        expect(res.body.message).toContain('不支持的文件类型');
      }
      const windows = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(62), Buffer.from('PE\0\0'), Buffer.alloc(600, 1)]);
      expect((await uploadFile(t, outsider.token, windows, 'contract.docx')).status).toBe(415);
      expect(await countFiles()).toBe(before);
      expect(await store.stat(sha(ELF))).toBeNull();
      expect(stagingEmpty()).toBe(true);
    });

    it('answers 413 beyond the size limit and keeps nothing of the upload', async () => {
      const before = await countFiles();
      const big = pdfOfSize(MAX_BYTES + 1, 'too big');
      const res = await uploadFile(t, outsider.token, big, '大文件.pdf');
      expect(res.status).toBe(413);
      expect(res.body).toMatchObject({ code: 'file_too_large' });
      expect(res.body.message).toContain('文件超过大小上限');
      expect(await countFiles()).toBe(before);
      expect(await store.stat(sha(big))).toBeNull();
      expect(stagingEmpty()).toBe(true);
      expect(readdirSync(join(t.config.dataDir, 'files', '.tmp'))).toEqual([]);
      // Exactly at the limit is taken.
      expect((await uploadFile(t, outsider.token, pdfOfSize(MAX_BYTES, 'at the limit'), '刚好.pdf')).status).toBe(201);
    });

    it('keeps each organisation within its quota (bytes it already holds count once)', async () => {
      const user = await registerUser(t, 'quota');
      const enterprise = await createEnterprise(t, user);
      const a = pdfOfSize(400 * 1024, 'a');
      expect((await uploadFile(t, user.token, a, 'a.pdf')).status).toBe(201);
      expect((await uploadFile(t, user.token, pdfOfSize(400 * 1024, 'b'), 'b.pdf')).status).toBe(201);
      expect((await uploadFile(t, user.token, a, 'a-again.pdf')).status).toBe(201);
      const over = await uploadFile(t, user.token, pdfOfSize(400 * 1024, 'c'), 'c.pdf', { organisationId: enterprise.id });
      expect(over.status).toBe(413);
      expect(over.body).toMatchObject({ code: 'quota_exceeded' });
      expect(over.body.message).toContain('超出存储配额');
    });

    it('holds the quota under concurrent uploads: of four that fit only two at a time, two are stored', async () => {
      const user = await registerUser(t, 'quota-race');
      await createEnterprise(t, user);
      const results = await Promise.all([1, 2, 3, 4].map((i) => uploadFile(t, user.token, pdfOfSize(400 * 1024, `race ${i}`), `${i}.pdf`)));
      expect(results.map((r) => r.status).sort()).toEqual([201, 201, 413, 413]);
      const stored = await t.dataSource.getRepository(StoredFile).countBy({ uploadedBy: user.id });
      expect(stored).toBe(2);
    });

    it('sweeps uploads attached to nothing after FILE_ORPHAN_DAYS, freeing the quota; attached ones stay', async () => {
      const user = await registerUser(t, 'orphans');
      const enterprise = await createEnterprise(t, user);
      const abandoned = await uploadFile(t, user.token, pdfOfSize(400 * 1024, 'abandoned'), 'abandoned.pdf');
      expect(abandoned.status).toBe(201);
      const applicant = await registerUser(t, 'orphans-provider');
      const provider = await createProvider(t, applicant);
      await attachLicence(t, applicant, provider.id);
      const [licence] = (await t.get(`/providers/${provider.id}/documents`, { token: applicant.token })).body.items.find(
        (i: any) => i.kind === 'business_licence',
      ).current;
      const retention = t.app.get(DocumentRetention);
      expect(await retention.sweepOrphans()).toBe(0); // young uploads are left alone
      t.clock.advance(8 * 24 * 3600_000);
      try {
        const removed = await retention.sweepOrphans();
        expect(removed).toBeGreaterThanOrEqual(1);
        expect(await t.dataSource.getRepository(StoredFile).findOneBy({ id: abandoned.body.id })).toBeNull();
        expect(await store.stat(abandoned.body.sha256)).toBeNull();
        // The attached licence, as old, stays with its blob.
        expect(await t.dataSource.getRepository(StoredFile).findOneBy({ id: licence.fileId })).not.toBeNull();
        expect((await download(t, `/files/${licence.fileId}`, applicant.token)).status).toBe(200);
        expect((await download(t, `/files/${abandoned.body.id}`, user.token)).status).toBe(404);
        // The quota it held is free again.
        for (const seed of ['after 1', 'after 2']) {
          const again = await uploadFile(t, user.token, pdfOfSize(400 * 1024, seed), `${seed}.pdf`, { organisationId: enterprise.id });
          expect(again.status).toBe(201);
        }
      } finally {
        t.clock.set(new Date());
      }
    });

    it('stores the same bytes once when uploaded concurrently', async () => {
      const bytes = samplePng([1, 2, 3], 64);
      const results = await Promise.all([1, 2, 3, 4].map((i) => uploadFile(t, outsider.token, bytes, `照片${i}.png`)));
      expect(results.map((r) => r.status)).toEqual([201, 201, 201, 201]);
      expect(new Set(results.map((r) => r.body.sha256))).toEqual(new Set([sha(bytes)]));
      expect(new Set(results.map((r) => r.body.id)).size).toBe(4);
      const folder = join(t.config.dataDir, 'files', sha(bytes).slice(0, 2), sha(bytes).slice(2, 4));
      expect(readdirSync(folder).filter((n) => n === sha(bytes))).toHaveLength(1);
      expect(readdirSync(join(t.config.dataDir, 'files', '.tmp'))).toEqual([]);
    });

    it('needs a multipart body with a file field, and a token', async () => {
      expect((await t.post('/files', { file: 'x' }, { token: outsider.token })).status).toBe(415);
      expect((await uploadFile(t, outsider.token, samplePdf('x'), 'x.pdf', { field: 'document' })).status).toBe(400);
      expect((await uploadFile(t, undefined, samplePdf('x'), 'x.pdf')).status).toBe(401);
    });
  });

  describe('subsidy application documents', () => {
    let project: AwardedProject;
    let applicationId: string;
    let owner: TestUser;

    beforeAll(async () => {
      project = await acceptedProject(t);
      owner = project.enterpriseOwner;
    });

    it('refuses to submit until the required documents are attached, naming what is missing', async () => {
      const none = await applyForSubsidy(t, project, undefined, []);
      expect(none.status).toBe(409);
      expect(none.body).toMatchObject({ code: 'documents_missing' });
      expect(none.body.message).toContain('项目合同、发票、付款凭证、交付验收单');
      const docs = await subsidyDocuments(t, owner.token);
      const some = await applyForSubsidy(t, project, undefined, docs.slice(0, 2));
      expect(some.status).toBe(409);
      expect(some.body.details.missing.map((m: { kind: string }) => m.kind)).toEqual(['payment_record', 'delivery_acceptance']);
      // Someone else's upload cannot be attached.
      const foreign = await uploadPdf(t, outsider.token, '别人的发票');
      const stolen = await applyForSubsidy(t, project, undefined, [...docs.slice(0, 3), { kind: 'delivery_acceptance', fileId: foreign }]);
      expect(stolen.status).toBe(404);
      const applied = await applyForSubsidy(t, project, undefined, docs);
      expect(applied.status).toBe(201);
      applicationId = applied.body.id;
      const list = await t.get(`/subsidy-applications/${applicationId}/documents`, { token: tiexi.token });
      expect(list.status).toBe(200);
      expect(list.body).toMatchObject({ ownerKind: 'subsidy_application', frozen: false, mayReview: true, mayAttach: false, missing: [] });
      expect(list.body.items.filter((i: any) => i.required).map((i: any) => [i.kind, i.current.length])).toEqual([
        ['contract', 1],
        ['invoice', 1],
        ['payment_record', 1],
        ['delivery_acceptance', 1],
      ]);
    });

    it('lets the reviewer at the current stage mark each document accepted or questioned', async () => {
      const list = (await t.get(`/subsidy-applications/${applicationId}/documents`, { token: tiexi.token })).body;
      const doc = (kind: string) => list.items.find((i: any) => i.kind === kind).current[0];
      const accepted = await t.post(`/documents/${doc('contract').id}/review`, { status: 'accepted' }, { token: tiexi.token });
      expect(accepted.status).toBe(201);
      expect(accepted.body).toMatchObject({ status: 'accepted', reviewedBy: tiexi.id, kindName: '项目合同' });
      const noNote = await t.post(`/documents/${doc('invoice').id}/review`, { status: 'questioned' }, { token: tiexi.token });
      expect(noNote.status).toBe(400);
      expect(noNote.body.message).toContain('note');
      const questioned = await t.post(
        `/documents/${doc('invoice').id}/review`,
        { status: 'questioned', note: '发票金额与合同不符' },
        { token: tiexi.token },
      );
      expect(questioned.body).toMatchObject({ status: 'questioned', reviewNote: '发票金额与合同不符' });
      // Not the reviewer at this stage: the enterprise, the city (复核 comes later); another district's officer does not see it.
      expect((await t.post(`/documents/${doc('payment_record').id}/review`, { status: 'accepted' }, { token: owner.token })).status).toBe(
        403,
      );
      expect((await t.post(`/documents/${doc('payment_record').id}/review`, { status: 'accepted' }, { token: city.token })).status).toBe(
        403,
      );
      expect((await t.post(`/documents/${doc('payment_record').id}/review`, { status: 'accepted' }, { token: hunnan.token })).status).toBe(
        404,
      );

      // The enterprise answers the question with a new version; the old one is kept.
      const fileId = await uploadPdf(t, owner.token, '更正后的发票');
      const replaced = await t.post(
        `/subsidy-applications/${applicationId}/documents`,
        { fileId, kind: 'invoice', replaces: doc('invoice').id },
        { token: owner.token },
      );
      expect(replaced.status).toBe(201);
      expect(replaced.body).toMatchObject({ version: 2, replacesId: doc('invoice').id, status: 'pending' });
      const after = (await t.get(`/subsidy-applications/${applicationId}/documents`, { token: owner.token })).body;
      const invoice = after.items.find((i: any) => i.kind === 'invoice');
      expect(invoice.current.map((d: any) => d.version)).toEqual([2]);
      expect(invoice.previous).toEqual([expect.objectContaining({ version: 1, status: 'questioned', supersededBy: replaced.body.id })]);
      expect((await t.post(`/documents/${doc('invoice').id}/review`, { status: 'accepted' }, { token: tiexi.token })).status).toBe(409);
    });

    it('freezes the documents once the application is decided: only new versions, the old ones kept and audited', async () => {
      expect((await review(applicationId, tiexi, 'approve')).status).toBe(201);
      const list = (await t.get(`/subsidy-applications/${applicationId}/documents`, { token: city.token })).body;
      expect(list.mayReview).toBe(true);
      const contract = list.items.find((i: any) => i.kind === 'contract').current[0];
      expect((await t.post(`/documents/${contract.id}/review`, { status: 'accepted' }, { token: city.token })).status).toBe(201);
      expect((await review(applicationId, city, 'approve', '材料齐全')).status).toBe(201);

      const frozen = (await t.get(`/subsidy-applications/${applicationId}/documents`, { token: owner.token })).body;
      expect(frozen).toMatchObject({ frozen: true, mayReview: false });
      const extra = await uploadPdf(t, owner.token, '补充材料');
      const added = await t.post(
        `/subsidy-applications/${applicationId}/documents`,
        { fileId: extra, kind: 'other' },
        { token: owner.token },
      );
      expect(added.status).toBe(409);
      expect(added.body).toMatchObject({ code: 'documents_frozen' });
      expect((await t.post(`/documents/${contract.id}/review`, { status: 'questioned', note: '复查' }, { token: city.token })).status).toBe(
        409,
      );
      const replaced = await t.post(
        `/subsidy-applications/${applicationId}/documents`,
        { fileId: extra, kind: 'contract', replaces: contract.id },
        { token: owner.token },
      );
      expect(replaced.status).toBe(201);
      expect(replaced.body.version).toBe(2);
      // The version the city approved on is still there and readable.
      expect((await download(t, `/files/${contract.fileId}`, city.token)).status).toBe(200);
      await t.drain();
      const audit = await t.get('/audit', {
        token: city.token,
        query: { entityType: 'subsidy_application', entityId: applicationId, action: 'document.replaced', pageSize: 50 },
      });
      expect(audit.body.items).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            actorId: owner.id,
            data: expect.objectContaining({ kind: 'contract', replacedId: contract.id, afterDecision: true }),
          }),
        ]),
      );
    });

    it('gives another enterprise, another district’s officer and anonymous callers 403/404/401 on every document route', async () => {
      const list = (await t.get(`/subsidy-applications/${applicationId}/documents`, { token: owner.token })).body;
      const doc = list.items.find((i: any) => i.kind === 'payment_record').current[0];
      const ownFile = await uploadPdf(t, outsider.token, '外来文件');
      const routes: [string, string, unknown?][] = [
        ['GET', `/subsidy-applications/${applicationId}/documents`],
        ['POST', `/subsidy-applications/${applicationId}/documents`, { fileId: ownFile, kind: 'other' }],
        ['GET', `/subsidy-applications/${applicationId}/documents/archive`],
        ['GET', `/documents?ownerKind=subsidy_application&ownerId=${applicationId}`],
        ['POST', '/documents', { ownerKind: 'subsidy_application', ownerId: applicationId, fileId: ownFile, kind: 'other' }],
        ['POST', `/documents/${doc.id}/review`, { status: 'accepted' }],
        ['GET', `/files/${doc.fileId}`],
        ['GET', `/files/${doc.fileId}/link`],
      ];
      for (const [method, path, body] of routes) {
        for (const user of [outsider, hunnan]) {
          const res = await t.call(method, path, { token: user.token, body });
          expect({ path, status: [403, 404].includes(res.status) ? 'refused' : res.status }).toEqual({ path, status: 'refused' });
        }
        expect([path, (await t.call(method, path, { body })).status]).toEqual([path, 401]);
      }
      expect(outsiderEnterprise.district).toBe('tiexi');
    });

    it('serves files through short-lived signed links, checked on every download, and audits officers’ downloads', async () => {
      const list = (await t.get(`/subsidy-applications/${applicationId}/documents`, { token: tiexi.token })).body;
      const doc = list.items.find((i: any) => i.kind === 'delivery_acceptance').current[0];
      const link = await t.get(`/files/${doc.fileId}/link`, { token: tiexi.token });
      expect(link.status).toBe(200);
      expect(link.body.url).toMatch(new RegExp(`^/api/v1/files/${doc.fileId}\\?uid=.+&exp=\\d+&sig=.+`));
      const viaLink = await download(t, `${link.body.url}&inline=1`);
      expect(viaLink.status).toBe(200);
      expect(viaLink.headers.get('content-disposition')).toMatch(/^inline;/);
      // The web UI previews it in an iframe: framing by this origin only, helmet's other headers kept.
      expect(viaLink.headers.get('content-security-policy')).toBe("frame-ancestors 'self'");
      expect(viaLink.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(viaLink.headers.get('x-content-type-options')).toBe('nosniff');
      expect(sha(viaLink.bytes)).toBe(doc.sha256);
      const forged = link.body.url.replace(/sig=[^&]+/, 'sig=AAAA');
      expect((await download(t, forged)).status).toBe(401);
      const otherFile = list.items.find((i: any) => i.kind === 'payment_record').current[0].fileId;
      expect((await download(t, link.body.url.replace(doc.fileId, otherFile))).status).toBe(401);
      t.clock.advance(t.config.files.linkTtlSeconds * 1000 + 1000);
      expect((await download(t, link.body.url)).status).toBe(401);
      t.clock.advance(-(t.config.files.linkTtlSeconds * 1000 + 1000));

      // Enterprise members download without an audit entry; the officer's downloads (by link and by token) are audited.
      expect((await download(t, `/files/${doc.fileId}`, owner.token)).status).toBe(200);
      expect((await download(t, `/files/${doc.fileId}`, tiexi.token)).status).toBe(200);
      await t.drain();
      const audit = await t.get('/audit', { token: city.token, query: { action: 'document.downloaded', entityId: doc.fileId } });
      expect(audit.body.items.map((e: any) => e.actorId)).toEqual([tiexi.id, tiexi.id]);
      expect(audit.body.items[0].data).toMatchObject({ sha256: doc.sha256 });
    });

    it('gives reviewers a ZIP of the current documents, one folder per kind', async () => {
      const res = await download(t, `/subsidy-applications/${applicationId}/documents/archive`, city.token);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/zip');
      const names = await zipEntries(res.bytes);
      expect(names).toHaveLength(4);
      expect(names.some((n) => n.startsWith('项目合同/v2-'))).toBe(true);
      expect(names.some((n) => n.startsWith('发票/v2-'))).toBe(true);
      await t.drain();
      const audit = await t.get('/audit', { token: city.token, query: { action: 'document.downloaded', actorId: city.id, pageSize: 50 } });
      expect(audit.body.items.filter((e: any) => e.data.archiveOf?.ownerId === applicationId)).toHaveLength(4);
    });

    it('keeps the documents five years after the payment, then removes them with their blobs, audited', async () => {
      const app = (await t.get(`/subsidy-applications/${applicationId}`, { token: city.token })).body;
      const paid = await t.post(
        `/subsidy-applications/${applicationId}/disbursement`,
        { paidFen: app.approvedFen, reference: 'ZF-2024-001' },
        { token: city.token },
      );
      expect(paid.status).toBe(201);
      const before = (await t.get(`/subsidy-applications/${applicationId}/documents`, { token: city.token })).body;
      const payment = before.items.find((i: any) => i.kind === 'payment_record').current[0];
      const retention = t.app.get(DocumentRetention);
      t.clock.advance(4 * 365 * 24 * 3600_000);
      await retention.sweep();
      expect((await download(t, `/files/${payment.fileId}`, city.token)).status).toBe(200);
      t.clock.advance(366 * 24 * 3600_000 + 2 * 24 * 3600_000);
      try {
        // Two sweeps at once (the daily job and an operator's run) remove and audit once.
        const [first, second] = await Promise.all([retention.sweep(), retention.sweep()]);
        expect(first + second).toBeGreaterThanOrEqual(1);
        const after = (await t.get(`/subsidy-applications/${applicationId}/documents`, { token: city.token })).body;
        expect(after.items.every((i: any) => i.current.length === 0 && i.previous.length === 0)).toBe(true);
        expect((await download(t, `/files/${payment.fileId}`, city.token)).status).toBe(404);
        expect(await store.stat(payment.sha256)).toBeNull();
        await t.drain();
        const audit = await t.get('/audit', {
          token: city.token,
          query: { action: 'document.retention_expired', entityId: applicationId },
        });
        expect(audit.body.items).toHaveLength(1);
        expect(audit.body.items[0].data.documents.length).toBeGreaterThanOrEqual(6);
      } finally {
        t.clock.set(new Date());
      }
    });
  });

  describe('acceptance evidence and the exchange export', () => {
    it('lists the evidence kinds and hashes of a project in the export, never the contents', async () => {
      const project = await acceptedProject(t, { acceptance: false });
      const assessor = await userWithRole(t, 'assessor');
      const report = samplePdf('acceptance test report');
      const uploaded = await uploadFile(t, assessor.token, report, '验收测试报告.pdf');
      expect(uploaded.status).toBe(201);
      const attached = await t.post(
        `/projects/${project.projectId}/documents`,
        { fileId: uploaded.body.id, kind: 'test_report' },
        { token: assessor.token },
      );
      expect(attached.status).toBe(201);
      const checklist = (await t.get(`/projects/${project.projectId}/documents`, { token: project.enterpriseOwner.token })).body;
      expect(checklist.missing.map((m: any) => m.kind)).toEqual(['data_integration']);
      expect((await t.get(`/projects/${project.projectId}/documents`, { token: outsider.token })).status).toBe(404);
      const exported = await t.get('/exchange/projects', { token: city.token });
      expect(exported.status).toBe(200);
      const record = exported.body.records.find((r: any) => r.projectId === project.projectId);
      expect(record.evidenceDocuments).toEqual([`test_report:${sha(report)}`]);
      expect(JSON.stringify(exported.body)).not.toContain('acceptance test report');
    });
  });

  describe('provider applications', () => {
    it('are decided on the business licence: attached by the provider, read and marked by the city', async () => {
      const owner = await registerUser(t, 'provider');
      const provider = await createProvider(t, owner);
      const rival = await registerUser(t, 'rival');
      await createProvider(t, rival);
      const licence = await uploadPdf(t, owner.token, '营业执照');
      const attached = await t.post(
        `/providers/${provider.id}/documents`,
        { fileId: licence, kind: 'business_licence' },
        { token: owner.token },
      );
      expect(attached.status).toBe(201);
      expect(attached.body).toMatchObject({ ownerKind: 'provider', kind: 'business_licence', kindName: '营业执照' });
      const checklist = await t.get(`/providers/${provider.id}/documents`, { token: city.token });
      expect(checklist.body).toMatchObject({ missing: [], mayReview: true });
      expect((await t.get(`/providers/${provider.id}/documents`, { token: rival.token })).status).toBe(404);
      expect((await t.get(`/providers/${provider.id}/documents`)).status).toBe(401);
      expect((await download(t, `/files/${licence}`, rival.token)).status).toBe(404);
      expect((await download(t, `/files/${licence}`, city.token)).status).toBe(200);
      const bad = await t.post(`/providers/${provider.id}/documents`, { fileId: licence, kind: 'invoice' }, { token: owner.token });
      expect(bad.status).toBe(400);
      expect(bad.body.message).toContain('kind');
      expect((await t.post(`/documents/${attached.body.id}/review`, { status: 'accepted' }, { token: city.token })).status).toBe(201);
      const approved = await t.post(
        `/providers/${provider.id}/selection`,
        { decision: 'approve', reason: '营业执照核验无误' },
        { token: city.token },
      );
      expect(approved.status).toBe(201);
      expect((await t.get(`/providers/${provider.id}/documents`, { token: owner.token })).body.frozen).toBe(true);
    });
  });
});

import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { backupEmbedded, restoreEmbedded, tableDigests } from '../../libs/platform/src/backup/embedded-backup.js';
import { startTestApp, TestApp } from '../support/test-app.js';
import { registerUser } from '../factories/users.js';
import type { TestUser } from '../factories/users.js';
import { createEnterprise } from '../factories/directory.js';
import { needInput } from '../factories/demand.js';

/** The embedded mode's backup (`npm run backup` / `npm run restore`): always on SQLite, whatever the suite's database. */
describe('backup and restore (embedded mode)', () => {
  let t: TestApp;
  let owner: TestUser;
  let enterprise: any;
  const scratch = mkdtempSync(join(tmpdir(), 'smedx-backup-'));

  beforeAll(async () => {
    t = await startTestApp({ DATABASE_URL: '' });
    owner = await registerUser(t, 'enterprise');
    enterprise = await createEnterprise(t, owner);
    // A file store beside the database (attachments): backed up with it.
    mkdirSync(join(t.config.dataDir, 'files', 'evidence'), { recursive: true });
    writeFileSync(join(t.config.dataDir, 'files', 'evidence', '验收报告.pdf'), Buffer.from('%PDF-1.7 测试验收报告'));
  });
  afterAll(async () => {
    await t.close();
  });

  const writeNeeds = (n: number) =>
    Promise.all(
      Array.from({ length: n }, () => t.post('/needs', { ...needInput(t.clock), enterpriseId: enterprise.id }, { token: owner.token })),
    );

  it('takes a consistent backup while the api keeps writing', async () => {
    expect(t.config.database.kind).toBe('sqlite');
    const path = (t.config.database as { path: string }).path;
    const [manifest, written] = await Promise.all([backupEmbedded(path, t.config.dataDir, join(scratch, 'during')), writeNeeds(20)]);
    expect(written.every((r) => r.status === 201)).toBe(true);
    // The copy passed SQLite's integrity check and matches its own manifest (restore checks it again).
    expect(manifest.tables.need!.rows).toBeGreaterThanOrEqual(0);
    expect(manifest.tables.user_account!.rows).toBeGreaterThanOrEqual(2);
    expect(tableDigests(join(scratch, 'during', manifest.database))).toEqual(manifest.tables);
  });

  it('round-trips: backup → restore gives identical row counts and checksums, the files, and a working api', async () => {
    await writeNeeds(5);
    await t.drain();
    const path = (t.config.database as { path: string }).path;
    // The api's background work (schedules, the relay) may write meanwhile: compare against a quiet moment.
    let live: ReturnType<typeof tableDigests> = {};
    let manifest: Awaited<ReturnType<typeof backupEmbedded>> | null = null;
    let dir = '';
    for (let attempt = 0; attempt < 5 && !manifest; attempt++) {
      live = tableDigests(path);
      dir = join(scratch, `after-${attempt}`);
      const taken = await backupEmbedded(path, t.config.dataDir, dir);
      if (JSON.stringify(tableDigests(path)) === JSON.stringify(live)) manifest = taken;
    }
    expect(manifest).not.toBeNull();
    expect(manifest!.tables).toEqual(live);
    expect(manifest!.tables.need!.rows).toBe(25);
    expect(Object.keys(manifest!.files)).toEqual(expect.arrayContaining(['files/evidence/验收报告.pdf']));

    const target = mkdtempSync(join(tmpdir(), 'smedx-restored-'));
    restoreEmbedded(dir, target);
    expect(tableDigests(join(target, manifest!.database))).toEqual(live);
    expect(readFileSync(join(target, 'files', 'evidence', '验收报告.pdf'), 'utf8')).toBe('%PDF-1.7 测试验收报告');
    // An existing database is replaced only when asked.
    expect(() => restoreEmbedded(dir, target)).toThrow(/--force/);
    expect(() => restoreEmbedded(dir, target, { force: true })).not.toThrow();

    // The restored data directory runs: the same users, the same needs.
    const restored = await startTestApp({ DATABASE_URL: '', SMEDX_DATA_DIR: target });
    try {
      const login = await restored.post('/auth/login', { email: owner.email, password: owner.password });
      expect(login.status).toBe(200);
      const needs = await restored.get('/needs', {
        token: login.body.accessToken,
        query: { enterpriseId: enterprise.id, status: 'draft', pageSize: 100 },
      });
      expect(needs.status).toBe(200);
      expect(needs.body.total).toBe(25);
    } finally {
      await restored.close();
    }
  });

  it('refuses a backup inside the data directory and a tampered backup', async () => {
    const path = (t.config.database as { path: string }).path;
    await expect(backupEmbedded(path, t.config.dataDir, join(t.config.dataDir, 'backup'))).rejects.toThrow(/outside the data directory/);
    const dir = join(scratch, 'tampered');
    await backupEmbedded(path, t.config.dataDir, dir);
    writeFileSync(join(dir, 'data', 'files', 'evidence', '验收报告.pdf'), 'altered');
    expect(() => restoreEmbedded(dir, mkdtempSync(join(tmpdir(), 'smedx-restored-')))).toThrow(/does not match its manifest/);
  });
});

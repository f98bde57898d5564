import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { dumpPostgres, restorePostgres } from '../../libs/platform/src/backup/postgres-backup.js';
import { startTestApp } from '../support/test-app.js';
import type { TestApp } from '../support/test-app.js';
import { createDatabase, dropDatabase } from '../support/databases.js';
import { submitBid } from '../factories/bidding.js';
import { publishedSolution } from '../factories/catalogue.js';
import { publishedNeed } from '../factories/demand.js';
import { approvedProvider, createEnterprise } from '../factories/directory.js';
import { registerUser } from '../factories/users.js';

const BASE = process.env.DATABASE_URL!;

/** Every table of the public schema with its row count and a digest of its rows (in a fixed order). */
async function fingerprint(url: string): Promise<Record<string, string>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const tables = await client.query<{ name: string }>(
      "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1",
    );
    const out: Record<string, string> = {};
    for (const { name } of tables.rows) {
      const { rows } = await client.query<{ n: string; digest: string | null }>(
        `SELECT COUNT(*) AS n, md5(string_agg(t::text, '|' ORDER BY t::text)) AS digest FROM "${name}" t`,
      );
      out[name] = `${rows[0]!.n}:${rows[0]!.digest ?? '-'}`;
    }
    return out;
  } finally {
    await client.end();
  }
}

/**
 * The services-mode backup (`npm run backup` / `npm run restore` with DATABASE_URL): a pg_dump of a
 * running platform's database restored into another database gives back every table row for row,
 * and the api started on the copy serves the same objects and signs the same users in.
 */
describe('PostgreSQL backup: pg_dump → pg_restore round trip', () => {
  let t: TestApp;
  let copy: TestApp | undefined;
  let dir: string;
  let target: string;
  let buyer: Awaited<ReturnType<typeof registerUser>>;
  let need: any;
  let solution: any;

  beforeAll(async () => {
    t = await startTestApp();
    buyer = await registerUser(t, 'buyer');
    const enterprise = await createEnterprise(t, buyer);
    const seller = await approvedProvider(t);
    solution = await publishedSolution(t, seller.owner, seller.provider.id);
    need = await publishedNeed(t, buyer, enterprise.id);
    await submitBid(t, seller.owner, need.id);
    await t.drain();
    dir = mkdtempSync(join(tmpdir(), 'smedx-pg-backup-'));
    target = await createDatabase(BASE, `smedx_restore_${randomBytes(4).toString('hex')}`);
  }, 120_000);
  afterAll(async () => {
    await copy?.close();
    await t?.close();
    if (target) await dropDatabase(BASE, target);
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('restores every table row for row, and the api on the copy serves the same objects', async () => {
    const source = t.config.database.kind === 'postgres' ? t.config.database.url : '';
    expect(source).toMatch(/^postgres/);
    const file = join(dir, 'smedx.pgdump');
    // The api keeps running (its scheduler may write a job run at any time): the dump counts when
    // nothing changed around it, so the source's fingerprint is what the dump holds.
    let before: Record<string, string> = {};
    for (let attempt = 0; attempt < 3; attempt++) {
      before = await fingerprint(source);
      dumpPostgres(source, file);
      if (JSON.stringify(await fingerprint(source)) === JSON.stringify(before)) break;
    }
    expect(statSync(file).size).toBeGreaterThan(10_000);
    restorePostgres(target, file);

    const after = await fingerprint(target);
    expect(Object.keys(before).length).toBeGreaterThan(30);
    expect(after).toEqual(before);
    expect(Number(after.need!.split(':')[0])).toBe(1);

    // A second restore over the copy (the dump drops what it brings first) changes nothing.
    restorePostgres(target, file);
    expect(await fingerprint(target)).toEqual(before);

    copy = await startTestApp({ DATABASE_URL: target });
    const login = await copy.post('/auth/login', { email: buyer.email, password: buyer.password });
    expect(login.status).toBe(200);
    const read = await copy.get(`/needs/${need.id}`, { token: login.body.accessToken });
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ id: need.id, title: need.title, privateDetails: need.privateDetails });
    const bids = await copy.get(`/needs/${need.id}/bids`, { token: login.body.accessToken });
    expect(bids.body.items).toHaveLength(1);
    expect((await copy.get(`/solutions/${solution.id}`)).body.title).toBe(solution.title);
    await copy.close();
    copy = undefined;
  });

  it('a broken dump is refused and leaves the target as it was', async () => {
    const broken = join(dir, 'broken.pgdump');
    writeFileSync(broken, 'PGDMP not really a dump');
    const before = await fingerprint(target);
    expect(() => restorePostgres(target, broken)).toThrow(/pg_restore failed/);
    expect(await fingerprint(target)).toEqual(before);
  });
});

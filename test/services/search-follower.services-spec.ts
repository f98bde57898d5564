import { jest } from '@jest/globals';
import { AuditRecordJob } from '@smedx/audit';
import { OutboxService, UnitOfWork } from '@smedx/platform';
import { ChangeFollower, INDEX_SOLUTION_JOB, SearchIndexer } from '@smedx/search';
import { startTestApp } from '../support/test-app.js';
import type { TestApp } from '../support/test-app.js';
import { waitFor } from '../support/redis-server.js';
import { approvedProvider } from '../factories/directory.js';
import { publishedSolution } from '../factories/catalogue.js';

const hits = async (t: TestApp, q: string): Promise<string[]> => {
  const res = await t.get('/search/solutions', { query: { q } });
  expect(res.status).toBe(200);
  return res.body.hits.map((h: { id: string }) => h.id);
};

describe("the search change follower misses nothing and skips nothing (each api's embedded index)", () => {
  let a: TestApp;
  let solutionId: string;

  beforeAll(async () => {
    a = await startTestApp();
    const { owner, provider } = await approvedProvider(a);
    solutionId = (await publishedSolution(a, owner, provider.id)).id;
    await a.drain();
  });

  afterAll(async () => {
    await a?.close();
  });

  it('an api starting while a change is being committed finds it once committed', async () => {
    if (a.config.database.kind !== 'postgres') throw new Error('this test needs PostgreSQL (DATABASE_URL)');
    // A transaction takes its change id, then stays open across the second api's start-up…
    const runner = a.dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      await runner.query('UPDATE solution SET title = $1 WHERE id = $2', ['QZXV 设备联网改造方案', solutionId]);
      await a.app.get(OutboxService).add(runner.manager, { name: INDEX_SOLUTION_JOB }, { solutionId });
      // … while later changes commit, so the newest id at the start is past it.
      for (let i = 0; i < 3; i++) {
        await a.app.get(UnitOfWork).run((tx) =>
          a.app.get(OutboxService).add(tx, AuditRecordJob, {
            actorId: null,
            action: 'test',
            entityType: 'test',
            entityId: `later-${i}`,
            at: new Date().toISOString(),
          }),
        );
      }
      const b = await startTestApp({ DATABASE_URL: a.config.database.url });
      try {
        // B's index was built from the tables before the commit.
        await b.app.get(ChangeFollower).catchUp();
        expect(await hits(b, 'QZXV')).toEqual([]);
        await runner.commitTransaction();
        await waitFor('the second api to apply the change committed after its start', async () => {
          await b.app.get(ChangeFollower).catchUp();
          return (await hits(b, 'QZXV')).includes(solutionId);
        });
        // The api that was running all along saw the id skipped and awaited it.
        await waitFor('the first api as well', async () => {
          await a.app.get(ChangeFollower).catchUp();
          return (await hits(a, 'QZXV')).includes(solutionId);
        });
      } finally {
        await b.close();
      }
    } finally {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      await runner.release();
    }
  });

  it('catch-ups asked at once share a pass, and each sees every change committed before it asked', async () => {
    const follower = a.app.get(ChangeFollower);
    const retitle = (title: string) =>
      a.app.get(UnitOfWork).run(async (tx) => {
        await tx.query('UPDATE solution SET title = $1 WHERE id = $2', [title, solutionId]);
        await a.app.get(OutboxService).add(tx, { name: INDEX_SOLUTION_JOB }, { solutionId });
      });
    // Passes in flight at once, whatever else (the poll timer, commits) starts them meanwhile.
    const target = follower as unknown as { follow: () => Promise<void> };
    const follow = target.follow.bind(follower);
    let inFlight = 0;
    let most = 0;
    const passes = jest.spyOn(target, 'follow').mockImplementation(async () => {
      most = Math.max(most, ++inFlight);
      try {
        await follow();
      } finally {
        inFlight--;
      }
    });
    try {
      await retitle('HJQD 设备联网方案');
      // The commit nudged a pass; a catch-up asked now waits for the one after it, and sixteen share that one.
      const first = follower.catchUp();
      await retitle('MBXR 设备联网方案');
      const second = Array.from({ length: 16 }, () => follower.catchUp());
      await Promise.all([first, ...second]);
      expect(most).toBe(1);
      expect(passes.mock.calls.length).toBeGreaterThan(0);
      expect(await hits(a, 'MBXR')).toEqual([solutionId]);
      expect(await hits(a, 'HJQD')).toEqual([]);
    } finally {
      passes.mockRestore();
    }
  });

  it('a change that fails to apply is applied on a later try, not skipped', async () => {
    const indexer = a.app.get(SearchIndexer);
    const follower = a.app.get(ChangeFollower);
    const original = indexer.sync.bind(indexer);
    let failures = 0;
    // The index refuses the next two writes (an engine or database error), then recovers.
    const sync = jest.spyOn(indexer, 'sync').mockImplementation(async (index, ids) => {
      if (failures < 2) {
        failures++;
        throw new Error('index write failed');
      }
      return original(index, ids);
    });
    try {
      await a.app.get(UnitOfWork).run(async (tx) => {
        await tx.query('UPDATE solution SET title = $1 WHERE id = $2', ['WKJP 质量追溯方案', solutionId]);
        await a.app.get(OutboxService).add(tx, { name: INDEX_SOLUTION_JOB }, { solutionId });
      });
      await waitFor('the change to be tried and fail twice', async () => failures >= 2);
      expect(await hits(a, 'WKJP')).toEqual([]);
      expect(follower.pendingRetries()).toBeGreaterThan(0);
      await waitFor(
        'the change to be applied on a later try',
        async () => {
          await follower.catchUp();
          return (await hits(a, 'WKJP')).includes(solutionId);
        },
        15_000,
      );
      expect(follower.pendingRetries()).toBe(0);
    } finally {
      sync.mockRestore();
    }
  });
});

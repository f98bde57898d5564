import { Inject, Injectable, Logger, OnApplicationBootstrap, BeforeApplicationShutdown } from '@nestjs/common';
import { DataSource, In, MoreThan } from 'typeorm';
import { APP_CONFIG, OutboxMessage, UnitOfWork } from '@smedx/platform';
import type { AppConfig } from '@smedx/platform';
import { NEEDS_INDEX, SOLUTIONS_INDEX } from './search-indexes.js';
import { INDEX_ENTERPRISE_JOB, INDEX_NEED_JOB, INDEX_PROVIDER_JOB, INDEX_SOLUTION_JOB, SearchIndexer } from './search-indexer.service.js';

const INDEX_JOBS = new Set([INDEX_SOLUTION_JOB, INDEX_NEED_JOB, INDEX_PROVIDER_JOB, INDEX_ENTERPRISE_JOB]);

/** How long an id missing from the sequence is awaited (a transaction still committing). */
const GAP_TTL_MS = 60_000;
/**
 * How far behind the newest change a starting follower begins. A transaction
 * that took its id before the start may commit after the rebuild read the
 * tables: reading again from this far back (re-applying is idempotent, ids not
 * yet visible are awaited as gaps) catches it. Transactions here last
 * milliseconds; 5,000 changes is minutes of the heaviest load measured.
 */
export const START_BEHIND = 5000;
const PAGE = 1000;
/** A change that failed to apply is tried again after 1 s, 2 s, 4 s … at most a minute apart, never dropped. */
const RETRY_FIRST_MS = 1000;
const RETRY_MAX_MS = 60_000;

/**
 * Keeps this process's embedded index current by following the database's
 * change sequence (the outbox ids), so that every api process sees every
 * change — a queue job would reach only one of them.
 *
 * On PostgreSQL ids are taken at insert and become visible at commit, so a
 * lower id may appear after a higher one: ids skipped over are remembered for
 * a while and looked up again. The start reads from {@link START_BEHIND}
 * changes back, and a change whose application fails is kept and tried again
 * (the cursor moves on, so one bad change does not hold the others back).
 */
@Injectable()
export class ChangeFollower implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('ChangeFollower');
  private cursor = 0;
  private readonly gaps = new Map<number, number>();
  private readonly retries = new Map<number, { attempts: number; dueAt: number }>();
  private timer: NodeJS.Timeout | null = null;
  /** The pass reading the changes now, if any. */
  private running: Promise<void> | null = null;
  /** The pass to start when it ends: shared by everyone who asked meanwhile. */
  private queued: Promise<void> | null = null;
  private readonly active: boolean;
  /** Seconds the start-up rebuild took (null before it ran, or when Meilisearch holds the index). */
  buildSeconds: number | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly indexer: SearchIndexer,
    private readonly uow: UnitOfWork,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    // Every process that searches (api and worker: re-matching runs there) keeps its own embedded index.
    this.active = !config.meili && config.role !== 'tool';
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.active) return;
    const started = Date.now();
    this.cursor = Math.max(0, (await this.maxId()) - START_BEHIND);
    const solutions = await this.indexer.rebuild(SOLUTIONS_INDEX);
    const needs = await this.indexer.rebuild(NEEDS_INDEX);
    this.buildSeconds = (Date.now() - started) / 1000;
    this.logger.log(`embedded search index built in ${this.buildSeconds.toFixed(2)} s (${solutions} solutions, ${needs} needs)`);
    this.uow.onCommit(() => this.nudge());
    this.timer = setInterval(() => this.nudge(), this.config.jobs.pollMs);
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.queued?.catch(() => undefined);
    await this.running?.catch(() => undefined);
  }

  /** Applies every change committed so far; tests, the seed and every re-match wait on it. */
  async catchUp(): Promise<void> {
    if (!this.active) return;
    await this.pass();
  }

  private nudge(): void {
    if (!this.timer) return;
    this.pass().catch((err: unknown) => this.logger.warn(`following changes failed: ${String(err)}`));
  }

  /**
   * A pass over the changes that starts after this call, so it sees every change
   * committed before it. One pass at a time: whoever asks while one runs (a
   * commit's nudge, a re-match's catch-up — sixteen at once in a busy worker)
   * waits for the one after it, which they share. Passes running side by side
   * read and index the same changes once each.
   */
  private pass(): Promise<void> {
    if (this.queued) return this.queued;
    if (!this.running) return this.start();
    const settled = this.running.then(
      () => undefined,
      () => undefined,
    );
    this.queued = settled.then(() => {
      this.queued = null;
      return this.start();
    });
    return this.queued;
  }

  private start(): Promise<void> {
    const run = this.follow();
    this.running = run;
    const done = () => {
      if (this.running === run) this.running = null;
    };
    run.then(done, done);
    return run;
  }

  private async follow(): Promise<void> {
    const repo = this.dataSource.getRepository(OutboxMessage);
    const select = { id: true, job: true, payload: true } as const;
    for (;;) {
      const rows = await repo.find({ select, where: { id: MoreThan(this.cursor) }, order: { id: 'ASC' }, take: PAGE });
      const now = Date.now();
      const again = [...this.retries].filter(([, r]) => r.dueAt <= now).map(([id]) => id);
      const wanted = [...this.gaps.keys(), ...again];
      const late = wanted.length ? await repo.find({ select, where: { id: In(wanted) } }) : [];
      for (const row of late) this.gaps.delete(row.id);
      const found = new Set(late.map((r) => r.id));
      for (const id of again) if (!found.has(id)) this.retries.delete(id); // the row is gone: nothing left to apply
      this.expireGaps();
      for (const row of rows) {
        for (let missing = this.cursor + 1; missing < row.id; missing++) this.gaps.set(missing, now);
        this.cursor = row.id;
      }
      const batch = [...late, ...rows];
      try {
        await this.apply(batch);
        for (const row of late) this.retries.delete(row.id);
      } catch (err) {
        this.retryLater(batch, err);
      }
      if (rows.length < PAGE) return;
    }
  }

  /** Keeps changes that failed to apply, to be read and applied again after a backoff. */
  private retryLater(rows: Pick<OutboxMessage, 'id' | 'job'>[], err: unknown): void {
    const now = Date.now();
    let attempts = 0;
    for (const row of rows) {
      if (!INDEX_JOBS.has(row.job)) continue;
      const previous = this.retries.get(row.id)?.attempts ?? 0;
      attempts = Math.max(attempts, previous + 1);
      const delay = Math.min(RETRY_FIRST_MS * 2 ** previous, RETRY_MAX_MS);
      this.retries.set(row.id, { attempts: previous + 1, dueAt: now + delay });
    }
    if (attempts) this.logger.warn(`applying changes to the search index failed (attempt ${attempts}); retrying: ${String(err)}`);
  }

  /** Changes waiting to be applied again after a failure (health and tests). */
  pendingRetries(): number {
    return this.retries.size;
  }

  private async apply(rows: Pick<OutboxMessage, 'job' | 'payload'>[]): Promise<void> {
    const solutions: string[] = [];
    const needs: string[] = [];
    for (const row of rows) {
      if (row.job === INDEX_SOLUTION_JOB) solutions.push((row.payload as { solutionId: string }).solutionId);
      else if (row.job === INDEX_NEED_JOB) needs.push((row.payload as { needId: string }).needId);
      else if (row.job === INDEX_PROVIDER_JOB) await this.indexer.syncProvider((row.payload as { providerId: string }).providerId);
      else if (row.job === INDEX_ENTERPRISE_JOB) await this.indexer.syncEnterprise((row.payload as { enterpriseId: string }).enterpriseId);
    }
    if (solutions.length) await this.indexer.sync(SOLUTIONS_INDEX, solutions);
    if (needs.length) await this.indexer.sync(NEEDS_INDEX, needs);
  }

  private expireGaps(): void {
    const now = Date.now();
    for (const [id, since] of this.gaps) if (now - since > GAP_TTL_MS) this.gaps.delete(id);
  }

  private async maxId(): Promise<number> {
    const row = await this.dataSource
      .getRepository(OutboxMessage)
      .createQueryBuilder('m')
      .select('MAX(m.id)', 'max')
      .getRawOne<{ max: number | string | null }>();
    return Number(row?.max ?? 0);
  }
}

import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import { JobRunner, OutboxMessage, SEARCH_ENGINE } from '@smedx/platform';
import type { SearchEngine } from '@smedx/platform';
import { ChangeFollower, NEEDS_INDEX, SOLUTIONS_INDEX } from '@smedx/search';

const OUTBOX_STATUSES = ['pending', 'processing', 'dispatched', 'done', 'dead'] as const;
const OPEN_STATUSES = ['pending', 'processing', 'dispatched'];

// Background jobs are labelled `job_name`: Prometheus keeps `job` for the scrape job.

/**
 * Prometheus metrics of this api process (`GET /metrics`). One registry per application, so
 * several apps in one process (the tests) do not collide. Database-backed figures (outbox,
 * queue, index sizes) are read when scraped.
 */
@Injectable()
export class MetricsService implements OnModuleInit {
  readonly registry = new Registry();

  private readonly httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request latency by method, route (the template, not the URL) and status code',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  private readonly jobDuration = new Histogram({
    name: 'smedx_job_duration_seconds',
    help: 'Background job run time in this process, by job and outcome (ok, error)',
    labelNames: ['job_name', 'outcome'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 15, 60],
    registers: [this.registry],
  });

  private readonly jobFailures = new Counter({
    name: 'smedx_job_failures_total',
    help: 'Background job attempts that threw in this process, by job',
    labelNames: ['job_name'] as const,
    registers: [this.registry],
  });

  private readonly searchDuration = new Histogram({
    name: 'smedx_search_duration_seconds',
    help: 'Search engine query latency by index',
    labelNames: ['index'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
    registers: [this.registry],
  });

  constructor(
    private readonly dataSource: DataSource,
    private readonly moduleRef: ModuleRef,
    private readonly follower: ChangeFollower,
    @Inject(SEARCH_ENGINE) private readonly engine: SearchEngine,
  ) {
    collectDefaultMetrics({ register: this.registry });
    const outbox: Gauge = new Gauge({
      name: 'smedx_outbox_messages',
      help: 'Outbox rows by status (pending, processing, dispatched, done, dead)',
      labelNames: ['status'] as const,
      registers: [this.registry],
      collect: async () => {
        const counts = await this.outboxCounts();
        for (const status of OUTBOX_STATUSES) outbox.set({ status }, counts[status] ?? 0);
      },
    });
    const queueDepth: Gauge = new Gauge({
      name: 'smedx_queue_depth',
      help: 'Jobs waiting or running (outbox rows pending, processing or dispatched), by job',
      labelNames: ['job_name'] as const,
      registers: [this.registry],
      collect: async () => {
        queueDepth.reset();
        for (const row of await this.openByJob()) queueDepth.set({ job_name: row.job }, Number(row.count));
      },
    });
    const queueAge: Gauge = new Gauge({
      name: 'smedx_queue_oldest_age_seconds',
      help: 'Age of the oldest job waiting or running (0 when none)',
      registers: [this.registry],
      collect: async () => {
        queueAge.set(await this.oldestOpenAgeSeconds());
      },
    });
    const indexDocs: Gauge = new Gauge({
      name: 'smedx_search_index_documents',
      help: 'Documents in each search index of this process (embedded) or of Meilisearch',
      labelNames: ['index'] as const,
      registers: [this.registry],
      collect: async () => {
        for (const index of [SOLUTIONS_INDEX, NEEDS_INDEX]) {
          indexDocs.set({ index }, await this.engine.count(index).catch(() => -1));
        }
      },
    });
    const buildSeconds: Gauge = new Gauge({
      name: 'smedx_search_index_build_seconds',
      help: "How long this process's start-up rebuild of the embedded index took (-1 while building or with Meilisearch)",
      registers: [this.registry],
      collect: () => {
        buildSeconds.set(this.follower.buildSeconds ?? -1);
      },
    });
  }

  /** Times every job run and every search of this process, without their code knowing. */
  onModuleInit(): void {
    // The jobs context keeps its runner to itself: found across modules, wrapped in place.
    const runner = this.moduleRef.get(JobRunner, { strict: false });
    const run = runner.run.bind(runner);
    runner.run = async (message, attempt) => {
      const end = this.jobDuration.startTimer({ job_name: message.job });
      try {
        await run(message, attempt);
        end({ outcome: 'ok' });
      } catch (err) {
        end({ outcome: 'error' });
        this.jobFailures.inc({ job_name: message.job });
        throw err;
      }
    };
    const search = this.engine.search.bind(this.engine);
    this.engine.search = async (index, query) => {
      const end = this.searchDuration.startTimer({ index });
      try {
        return await search(index, query);
      } finally {
        end();
      }
    };
  }

  /** Observes every HTTP answer by its route template. */
  instrument(app: NestFastifyApplication): void {
    app
      .getHttpAdapter()
      .getInstance()
      .addHook('onResponse', async (request, reply) => {
        const route = request.routeOptions.url ?? 'unmatched';
        this.httpDuration.observe({ method: request.method, route, status_code: String(reply.statusCode) }, reply.elapsedTime / 1000);
      });
  }

  private async outboxCounts(): Promise<Record<string, number>> {
    const rows = await this.dataSource
      .getRepository(OutboxMessage)
      .createQueryBuilder('m')
      .select('m.status', 'status')
      .addSelect('COUNT(*)', 'count')
      .groupBy('m.status')
      .getRawMany<{ status: string; count: string | number }>();
    return Object.fromEntries(rows.map((r) => [r.status, Number(r.count)]));
  }

  private openByJob(): Promise<{ job: string; count: string | number }[]> {
    return this.dataSource
      .getRepository(OutboxMessage)
      .createQueryBuilder('m')
      .select('m.job', 'job')
      .addSelect('COUNT(*)', 'count')
      .where('m.status IN (:...open)', { open: OPEN_STATUSES })
      .groupBy('m.job')
      .getRawMany();
  }

  private async oldestOpenAgeSeconds(): Promise<number> {
    const oldest = await this.dataSource
      .getRepository(OutboxMessage)
      .createQueryBuilder('m')
      .select('MIN(m.createdAt)', 'oldest')
      .where('m.status IN (:...open)', { open: OPEN_STATUSES })
      .getRawOne<{ oldest: string | Date | null }>();
    if (!oldest?.oldest) return 0;
    const at = oldest.oldest instanceof Date ? oldest.oldest : new Date(`${String(oldest.oldest).replace(' ', 'T')}Z`);
    return Math.max(0, (Date.now() - at.getTime()) / 1000);
  }
}

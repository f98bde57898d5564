import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Injectable } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { FakeClock, JobSchedule, OnJob, OutboxMessage, OutboxRelay, PlatformModule, defineScheduledJob, loadConfig } from '@smedx/platform';
import type { ScheduledRun } from '@smedx/platform';
import { createDatabase, dropDatabase } from '../support/databases.js';

const Sweep = defineScheduledJob('scheduler-test.sweep', 3600);

@Injectable()
class Sweeper {
  runs: string[] = [];
  @OnJob(Sweep)
  async sweep(run: ScheduledRun) {
    this.runs.push(run.dueAt);
  }
}

describe('scheduled jobs', () => {
  it('run once per interval across relays, at the due time of the injected clock', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'smedx-schedule-'));
    const databaseUrl = process.env.DATABASE_URL ? await createDatabase(process.env.DATABASE_URL, `smedx_sched_${process.pid}`) : undefined;
    const config = loadConfig({
      SMEDX_DATA_DIR: dir,
      NODE_ENV: 'test',
      DATABASE_URL: databaseUrl,
      JWT_SECRET: 'x'.repeat(32),
      OUTBOX_POLL_MS: '60000',
    });
    const clock = new FakeClock('2025-03-01T00:00:00Z');
    const moduleRef = await Test.createTestingModule({
      imports: [PlatformModule.forRoot({ config, clock, entities: [OutboxMessage, JobSchedule] })],
      providers: [Sweeper],
    }).compile();
    const app = await moduleRef.init();
    try {
      const relay = app.get(OutboxRelay);
      const sweeper = app.get(Sweeper);
      await relay.drain();
      await relay.drain();
      expect(sweeper.runs).toEqual(['2025-03-01T00:00:00.000Z']);

      clock.advance(30 * 60_000);
      await relay.drain();
      expect(sweeper.runs).toHaveLength(1);

      clock.advance(31 * 60_000);
      await Promise.all([relay.drain(), relay.drain()]);
      expect(sweeper.runs).toEqual(['2025-03-01T00:00:00.000Z', '2025-03-01T01:00:00.000Z']);
      const row = await app.get(DataSource).getRepository(JobSchedule).findOneByOrFail({ job: Sweep.name });
      expect(row.nextRunAt.toISOString()).toBe('2025-03-01T02:01:00.000Z');
    } finally {
      await app.close();
      if (databaseUrl) await dropDatabase(process.env.DATABASE_URL!, databaseUrl);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

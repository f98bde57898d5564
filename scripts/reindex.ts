/**
 * `npm run reindex`: rebuilds the search indexes from the database, with a
 * progress bar. With MEILI_HOST set it rewrites the shared Meilisearch indexes;
 * without it, it builds an embedded index here to check the data and time the
 * build (each api process rebuilds its own embedded index at start-up anyway).
 */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { loadConfig } from '@smedx/platform';
import { CoreModule } from '@smedx/core';
import { NEEDS_INDEX, SOLUTIONS_INDEX, SearchIndexer } from '@smedx/search';

process.env.TZ = 'UTC';

function bar(label: string, done: number, total: number): void {
  const width = 30;
  const filled = total ? Math.round((done / total) * width) : width;
  const line = `${label.padEnd(10)} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`;
  if (process.stderr.isTTY) process.stderr.write(`\r${line}`);
  else if (done === total) process.stderr.write(`${line}\n`);
}

async function main(): Promise<void> {
  const config = loadConfig({ ...process.env, SMEDX_ROLE: 'tool', LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' });
  const app = await NestFactory.createApplicationContext(CoreModule.forRoot({ config }), { logger: ['error', 'warn'] });
  try {
    const indexer = app.get(SearchIndexer);
    console.log(
      config.meili
        ? `rebuilding Meilisearch indexes at ${config.meili.host}`
        : 'building an embedded index (a check: each api process builds its own at start-up)',
    );
    for (const index of [SOLUTIONS_INDEX, NEEDS_INDEX] as const) {
      const started = Date.now();
      const count = await indexer.rebuild(index, (done, total) => bar(index, done, total));
      if (process.stderr.isTTY) process.stderr.write('\n');
      console.log(`${index}: ${count} documents in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }
  } finally {
    await app.close();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});

/**
 * The search API end to end: 100k solutions and 100k needs in the SQLite
 * database, an api process started on it (start-up index build and RSS
 * measured there), then the query mix in that process through SearchService
 * and over HTTP from this one. Prints a JSON report as its last line.
 *
 *   node dist/bench/test/bench/search/http.bench.js [--n=100000] [--queries=1000]
 */
import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { DataSource } from 'typeorm';
import { loadConfig } from '@smedx/platform';
import type { SearchQuery } from '@smedx/platform';
import { ChangeFollower, SearchService, SolutionSearchSchema } from '@smedx/search';
import { Enterprise, Provider } from '@smedx/directory';
import { Solution } from '@smedx/catalogue';
import { Need } from '@smedx/demand';
import { DISTRICT_CODES, makeUscc } from '@smedx/taxonomy';
import { createApp } from '../../../apps/api/src/bootstrap.js';
import { documentBatches, generateQueries } from './generator.js';

process.env.TZ = 'UTC';
const arg = (name: string, fallback: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const N = Number(arg('n', '100000'));
const QUERIES = Number(arg('queries', '1000'));
const PROVIDERS = 200;
const ENTERPRISES = 2000;
const uuid = (prefix: number, i: number) => `${prefix.toString(16).padStart(8, '0')}-0000-4000-8000-${i.toString(16).padStart(12, '0')}`;

function env(dir: string, port = 0) {
  // One client sends every query: the per-address search limit (600 a minute) would answer 429 to the bench.
  return loadConfig({
    SMEDX_DATA_DIR: dir,
    PORT: String(port),
    LOG_LEVEL: 'silent',
    SMEDX_DEMO: 'false',
    NODE_ENV: 'production',
    SEARCH_RATE_LIMIT: '1000000',
  });
}

/** The engine-level query of the mix as the public API's query parameters. */
function toParams(q: SearchQuery): Record<string, string> {
  const p: Record<string, string> = { page: String(q.page), pageSize: String(q.pageSize) };
  if (q.text) p.q = q.text;
  const names: Record<string, string> = { industries: 'industry', scenarios: 'scenario', deliveryMode: 'deliveryMode' };
  for (const f of q.filters ?? []) {
    if (f.op === 'range' && f.field === 'priceMaxFen' && f.max !== undefined) p.priceMaxFen = String(f.max);
    else if (f.op === 'range' && f.field === 'deployDays' && f.max !== undefined) p.deployDaysMax = String(f.max);
    else if (f.op === 'eq' && names[f.field]) p[names[f.field]] = String(f.value);
    else if (f.op === 'in' && names[f.field]) p[names[f.field]] = f.values.join(',');
  }
  const facets = (q.facets ?? []).map((f) => names[f]).filter(Boolean);
  if (facets.length) p.facets = facets.join(',');
  const s = q.sort?.[0];
  if (s?.field === 'priceMaxFen') p.sort = s.direction === 'asc' ? 'price' : '-price';
  else if (s?.field === 'deployDays') p.sort = 'deployDays';
  else if (s?.field === 'publishedAt') p.sort = 'newest';
  return p;
}

const percentile = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};

/** Fills a fresh database through TypeORM in chunks (what a year of use would leave behind). */
async function prepare(dir: string): Promise<void> {
  const app = await createApp({ config: env(dir), quiet: true, serveWebUi: false });
  const ds = app.get(DataSource);
  const now = new Date();
  await ds.getRepository(Provider).insert(
    Array.from({ length: PROVIDERS }, (_, i) => ({
      id: uuid(1, i),
      name: `沈阳第${i + 1}数字科技有限公司`,
      uscc: makeUscc(900_000 + i),
      kind: i % 3 === 0 ? ('product' as const) : ('integrator' as const),
      districts: [DISTRICT_CODES[i % 13], DISTRICT_CODES[(i * 7) % 13]],
      description: '数字化服务商',
      status: 'approved' as const,
    })),
  );
  for (let from = 0; from < ENTERPRISES; from += 200) {
    await ds.getRepository(Enterprise).insert(
      Array.from({ length: 200 }, (_, k) => {
        const i = from + k;
        return {
          id: uuid(2, i),
          name: `沈阳第${i + 1}机械制造有限公司`,
          uscc: makeUscc(100_000 + i),
          industry: 'machine_tool',
          district: DISTRICT_CODES[i % 13],
          scale: 'above' as const,
          digitalLevel: ((i % 4) + 1) as 1 | 2 | 3 | 4,
        };
      }),
    );
  }
  let i = 0;
  for (const batch of documentBatches(N, 5000)) {
    for (let k = 0; k < batch.length; k += 250) {
      await ds.getRepository(Solution).insert(
        batch.slice(k, k + 250).map((d, j) => ({
          id: uuid(3, i + k + j),
          providerId: uuid(1, (i + k + j) % PROVIDERS),
          title: d.title.slice(0, 120),
          summary: d.summary.slice(0, 300),
          description: d.description,
          scenarios: d.scenarios,
          industries: d.industries,
          priceMinFen: d.priceMinFen,
          priceMaxFen: d.priceMaxFen,
          deployDays: d.deployDays,
          deliveryMode: d.deliveryMode,
          levels: d.levels,
          cases: [],
          status: 'published' as const,
          publishedAt: new Date(d.publishedAt * 1000),
          createdBy: uuid(9, 0),
        })),
      );
    }
    i += batch.length;
  }
  i = 0;
  for (const batch of documentBatches(N, 5000, 99)) {
    for (let k = 0; k < batch.length; k += 250) {
      await ds.getRepository(Need).insert(
        batch.slice(k, k + 250).map((d, j) => {
          const n = i + k + j;
          return {
            id: uuid(4, n),
            enterpriseId: uuid(2, n % ENTERPRISES),
            title: d.title.replace(/方案|平台|系统/g, '需求').slice(0, 120),
            description: d.description,
            scenarios: d.scenarios,
            budgetFen: d.priceMaxFen,
            expectedDays: d.deployDays,
            bidDeadline: new Date(now.getTime() + 30 * 86_400_000),
            sites: [],
            industry: d.industries[0],
            district: DISTRICT_CODES[n % 13],
            status: 'published' as const,
            publishedAt: new Date(d.publishedAt * 1000),
            createdBy: uuid(9, 0),
          };
        }),
      );
    }
    i += batch.length;
  }
  await app.close();
}

/** The api process: starts on the prepared database, measures the mix in-process, then serves. */
async function server(dir: string): Promise<void> {
  const started = Date.now();
  const app = await createApp({ config: env(dir), quiet: true, serveWebUi: false });
  await app.listen(0, '127.0.0.1');
  const startS = (Date.now() - started) / 1000;
  global.gc?.();
  const rssMb = process.memoryUsage().rss / 2 ** 20;
  const search = app.get(SearchService);
  const mix = generateQueries(QUERIES).map((q) => SolutionSearchSchema.parse(toParams(q.query)));
  for (const q of mix.slice(0, 100)) await search.solutions(q);
  const ms: number[] = [];
  for (const q of mix) {
    const t0 = performance.now();
    await search.solutions(q);
    ms.push(performance.now() - t0);
  }
  const port = (app.getHttpServer().address() as { port: number }).port;
  console.log(JSON.stringify({ port, startS, buildS: app.get(ChangeFollower).buildSeconds, rssMb, inProcess: ms }));
  createInterface({ input: process.stdin }).on('close', () => void app.close().then(() => process.exit(0)));
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'smedx-http-bench-'));
  try {
    const t0 = Date.now();
    await prepare(dir);
    console.error(`http bench: ${N} solutions and ${N} needs written in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    const child = spawn(
      process.execPath,
      ['--expose-gc', fileURLToPath(import.meta.url), '--role=server', `--dir=${dir}`, ...process.argv.slice(2)],
      {
        stdio: ['pipe', 'pipe', 'inherit'],
      },
    );
    const report = await new Promise<{ port: number; startS: number; buildS: number; rssMb: number; inProcess: number[] }>(
      (resolve, reject) => {
        createInterface({ input: child.stdout! }).once('line', (line) => resolve(JSON.parse(line)));
        child.once('exit', (code) => reject(new Error(`api process exited with ${code}`)));
      },
    );
    const base = `http://127.0.0.1:${report.port}/api/v1/search/solutions`;
    const mix = generateQueries(QUERIES).map((q) => new URLSearchParams(toParams(q.query)).toString());
    for (const qs of mix.slice(0, 100)) await (await fetch(`${base}?${qs}`)).arrayBuffer();
    const http: number[] = [];
    for (const qs of mix) {
      const t = performance.now();
      const res = await fetch(`${base}?${qs}`);
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`HTTP ${res.status} for ${qs}`);
      http.push(performance.now() - t);
    }
    child.stdin!.end();
    await new Promise((r) => child.once('exit', r));
    const out = {
      n: N,
      startS: report.startS,
      buildS: report.buildS,
      rssMb: report.rssMb,
      inProcessP50: percentile(report.inProcess, 50),
      inProcessP95: percentile(report.inProcess, 95),
      httpP50: percentile(http, 50),
      httpP95: percentile(http, 95),
      httpP99: percentile(http, 99),
    };
    console.error(
      `http bench: api started in ${out.startS.toFixed(1)} s (index build ${out.buildS?.toFixed(1)} s), RSS ${out.rssMb.toFixed(0)} MB; ` +
        `SearchService p50 ${out.inProcessP50.toFixed(2)} / p95 ${out.inProcessP95.toFixed(2)} ms; HTTP p50 ${out.httpP50.toFixed(2)} / p95 ${out.httpP95.toFixed(2)} ms`,
    );
    console.log(JSON.stringify(out));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (arg('role', '') === 'server') {
  void server(arg('dir', ''));
} else {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}

import { spawnSync } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { ENGINE_NAMES, makeEngine } from './engines.js';
import { type BenchQuery, documentBatches, generateQueries } from './generator.js';

/**
 * Search benchmark: the embedded engine against Orama, MiniSearch and SQLite
 * FTS5 on the same generated documents and query mix.
 *
 *   npx tsc -p test/bench/tsconfig.json
 *   node --expose-gc dist/bench/test/bench/search/search.bench.js [--n=100000] [--queries=1000]
 *
 * Each engine runs in its own child process, so one engine's heap neither
 * slows another's garbage collection nor inflates its memory figure.
 */

interface Args {
  n: number;
  queries: number;
  /** Queries measured on a peer at most; past `peerBudgetS` seconds it stops once it has `peerMin`. */
  peerQueries: number;
  peerBudgetS: number;
  peerMin: number;
  engine?: string;
  engines: string[];
  /** Also run the search API end to end (http.bench); `--no-http` skips it. */
  http: boolean;
}

function parseArgs(argv: string[]): Args {
  const get = (name: string): string | undefined => argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  return {
    n: Number(get('n') ?? 100_000),
    queries: Number(get('queries') ?? 1000),
    peerQueries: Number(get('peer-queries') ?? 300),
    peerBudgetS: Number(get('peer-budget-s') ?? 15),
    peerMin: Number(get('peer-min') ?? 20),
    engine: get('engine'),
    engines: (get('engines') ?? ENGINE_NAMES.join(',')).split(','),
    http: !argv.includes('--no-http'),
  };
}

interface Sample {
  /** Index in the query mix. */
  q: number;
  ms: number;
  total: number;
}

interface EngineReport {
  name: string;
  buildS: number;
  /** Process RSS after the build, the generated documents dropped. */
  rssMb: number;
  heapMb: number;
  /** Process RSS before anything was generated or built. */
  baseRssMb: number;
  samples: Sample[];
}

const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const mb = (bytes: number): number => bytes / 1024 / 1024;

async function runEngine(args: Args): Promise<EngineReport> {
  const name = args.engine!;
  const mix = generateQueries(args.queries);
  const baseRssMb = mb(process.memoryUsage().rss);
  const engine = makeEngine(name);
  // Documents arrive in batches and are not kept by the benchmark: the memory
  // figure is what a process serving the index holds (each engine keeps what it needs).
  const started = performance.now();
  await engine.build(documentBatches(args.n));
  const buildS = (performance.now() - started) / 1000;
  gc();
  const memory = process.memoryUsage();

  const isPeer = name !== 'smedx-embedded';
  const limit = isPeer ? Math.min(args.peerQueries, mix.length) : mix.length;
  const warmup = Math.min(isPeer ? 3 : 100, mix.length);
  for (let i = 0; i < warmup; i++) await engine.search(mix[i].query);

  const samples: Sample[] = [];
  const deadline = performance.now() + args.peerBudgetS * 1000;
  for (let q = 0; q < limit; q++) {
    const t = performance.now();
    const answer = await engine.search(mix[q].query);
    samples.push({ q, ms: performance.now() - t, total: answer.total });
    if (isPeer && performance.now() > deadline && samples.length >= args.peerMin) break;
  }
  return { name, buildS, rssMb: mb(memory.rss), heapMb: mb(memory.heapUsed), baseRssMb, samples };
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

interface Stats {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
}

function stats(samples: Sample[]): Stats {
  const ms = samples.map((s) => s.ms);
  return {
    count: ms.length,
    p50: percentile(ms, 50),
    p95: percentile(ms, 95),
    p99: percentile(ms, 99),
    mean: ms.reduce((a, b) => a + b, 0) / Math.max(ms.length, 1),
  };
}

const filteredFaceted = (mix: BenchQuery[]) => (s: Sample) =>
  (mix[s.q].query.filters ?? []).length > 0 && (mix[s.q].query.facets ?? []).length > 0;

const fmt = (x: number, digits = 2): string => (Number.isFinite(x) ? x.toFixed(digits) : 'na');
const pad = (s: string, n: number): string => s.padEnd(n);

interface HttpReport {
  n: number;
  startS: number;
  buildS: number;
  rssMb: number;
  inProcessP50: number;
  inProcessP95: number;
  httpP50: number;
  httpP95: number;
  httpP99: number;
}

/** The search API end to end, in its own processes (see http.bench.ts). */
function runHttpBench(n: number): HttpReport | null {
  const script = fileURLToPath(new URL('./http.bench.js', import.meta.url));
  const child = spawnSync(process.execPath, ['--expose-gc', script, `--n=${n}`], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 16 * 1024 * 1024,
  });
  const line = child.stdout.trim().split('\n').pop() ?? '';
  if (child.status !== 0 || !line.startsWith('{')) {
    console.log(`http bench failed (exit ${child.status})`);
    return null;
  }
  return JSON.parse(line) as HttpReport;
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const script = fileURLToPath(import.meta.url);
  const mix = generateQueries(args.queries);
  console.log(
    `search bench: n=${args.n} docs, ${args.queries} queries (peers: at most ${args.peerQueries}, ` +
      `stopping after ${args.peerBudgetS} s once ${args.peerMin} are measured), ` +
      `${availableParallelism()} cores, load average ${loadavg()[0].toFixed(1)}, node ${process.version}`,
  );
  const reports: EngineReport[] = [];
  for (const name of args.engines) {
    const child = spawnSync(
      process.execPath,
      ['--expose-gc', '--max-old-space-size=8192', script, `--engine=${name}`, ...process.argv.slice(2)],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 * 1024 * 1024 },
    );
    const line = child.stdout.trim().split('\n').pop() ?? '';
    if (child.status !== 0 || !line.startsWith('{')) {
      console.log(`${name}: failed (exit ${child.status})`);
      continue;
    }
    const report = JSON.parse(line) as EngineReport;
    reports.push(report);
    const s = stats(report.samples);
    console.log(`  ${pad(name, 15)} built in ${fmt(report.buildS, 1)} s, ${s.count} queries, p95 ${fmt(s.p95)} ms`);
  }
  const embedded = reports.find((r) => r.name === 'smedx-embedded');
  if (!embedded) throw new Error('the embedded engine did not run');

  console.log('');
  console.log(
    '| engine | build s | RSS MB (index) | queries | p50 ms | p95 ms | p99 ms | mean ms | filtered+faceted p95 ms | mean total |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  for (const r of reports) {
    const s = stats(r.samples);
    const ff = stats(r.samples.filter(filteredFaceted(mix)));
    const meanTotal = r.samples.reduce((a, b) => a + b.total, 0) / Math.max(r.samples.length, 1);
    console.log(
      `| ${r.name} | ${fmt(r.buildS, 1)} | ${fmt(r.rssMb, 0)} (${fmt(r.rssMb - r.baseRssMb, 0)}) | ${s.count} | ${fmt(s.p50)} | ${fmt(s.p95)} | ${fmt(s.p99)} | ${fmt(s.mean)} | ${fmt(ff.p95)} | ${fmt(meanTotal, 0)} |`,
    );
  }

  console.log('');
  console.log('Ratios (peer ÷ embedded, on the same queries):');
  let best: { name: string; p95: number } | null = null;
  for (const r of reports.filter((x) => x !== embedded)) {
    const asked = new Set(r.samples.map((s) => s.q));
    const mine = stats(embedded.samples.filter((s) => asked.has(s.q)));
    const theirs = stats(r.samples);
    console.log(
      `  ${pad(r.name, 12)} p50 ×${fmt(theirs.p50 / mine.p50, 1)}  p95 ×${fmt(theirs.p95 / mine.p95, 1)}  ` +
        `p99 ×${fmt(theirs.p99 / mine.p99, 1)}  build ×${fmt(r.buildS / embedded.buildS, 1)}  ` +
        `index memory ×${fmt((r.rssMb - r.baseRssMb) / (embedded.rssMb - embedded.baseRssMb), 1)}`,
    );
    if (!best || theirs.p95 < best.p95) best = { name: r.name, p95: theirs.p95 };
  }

  const http = args.http ? runHttpBench(args.n) : null;
  if (http) {
    console.log('');
    console.log(`Search API (http.bench: ${http.n} solutions + ${http.n} needs in SQLite, one api process):`);
    console.log(
      `  start-up ${fmt(http.startS, 1)} s, of which embedded index build ${fmt(http.buildS, 1)} s; api RSS ${fmt(http.rssMb, 0)} MB`,
    );
    console.log(`  SearchService in-process p50 ${fmt(http.inProcessP50)} ms, p95 ${fmt(http.inProcessP95)} ms`);
    console.log(`  HTTP p50 ${fmt(http.httpP50)} ms, p95 ${fmt(http.httpP95)} ms, p99 ${fmt(http.httpP99)} ms`);
    console.log(`  HTTP p95 ÷ (2 × in-process p95 + 2 ms) = ${fmt(http.httpP95 / (2 * http.inProcessP95 + 2))}`);
  }

  const e = stats(embedded.samples);
  console.log('');
  // Other work on the machine inflates the tails: a load above the core count makes the figures pessimistic.
  console.log(`load average at the end ${loadavg()[0].toFixed(1)}`);
  console.log(
    `search-bench n=${args.n} p95_ms=${fmt(e.p95)} http_p95_ms=${fmt(http?.httpP95 ?? NaN)} best_peer=${best?.name ?? 'none'} ` +
      `best_peer_p95_ms=${fmt(best?.p95 ?? NaN)} rss_mb=${fmt(embedded.rssMb, 0)} build_s=${fmt(embedded.buildS, 1)}`,
  );
}

const args = parseArgs(process.argv.slice(2));
if (args.engine) {
  runEngine(args).then(
    (report) => console.log(JSON.stringify(report)),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
} else {
  main();
}

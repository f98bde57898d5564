import 'reflect-metadata';
import { EmbeddedSearchEngine } from '@smedx/platform';
import type { AppConfig, Filter, SearchQuery } from '@smedx/platform';
import type { DirectoryService } from '@smedx/directory';
import { baseLexicon, understand } from '@smedx/lexicon';
import { SOLUTION_INDEX_SETTINGS, SearchService } from '@smedx/search';
import type { SearchMissesService } from '@smedx/search';
import { documentBatches } from '../search/generator.js';
import { JUDGED_QUERIES } from './queries.js';
import { BENCH_SOLUTIONS } from './solutions.js';

/**
 * Relevance bench: the judged queries of `queries.ts` over the written
 * catalogue of `solutions.ts`, on the embedded engine, as the search API runs
 * them (`understood`: the lexicon's query understanding, coverage ranking,
 * scenario boost) and as the engine ran raw text before it (`baseline`: every
 * word required, any word when none has them all). Prints nDCG@10 and P@1
 * (the first hit graded 2 or more) per mode, and the queries that miss.
 *
 * Then the latency of `GET /search/suggest` (SearchService.suggest: lexicon
 * words by binary search, titles by a prefix query) over `--n` generated
 * solutions (default 100,000; `--n=0` skips it).
 *
 *   npm run bench:relevance [-- --n=100000]
 */

const K = 10;
const INDEX = 'solutions';

function dcg(gains: number[]): number {
  return gains.slice(0, K).reduce((sum, g, i) => sum + (2 ** g - 1) / Math.log2(i + 2), 0);
}

function ndcg(ids: string[], grades: Record<string, number>): number {
  const ideal = dcg(Object.values(grades).sort((a, b) => b - a));
  return ideal === 0 ? 0 : dcg(ids.map((id) => grades[id] ?? 0)) / ideal;
}

type Mode = 'baseline' | 'understood';

function queryFor(mode: Mode, q: string): SearchQuery {
  if (mode === 'baseline') return { text: q, page: 1, pageSize: K };
  const u = understand(q, baseLexicon());
  const boost: Filter[] = [];
  if (u.scenarios.length) boost.push({ field: 'scenarios', op: 'in', values: u.scenarios });
  if (u.industries.length) boost.push({ field: 'industries', op: 'in', values: u.industries });
  return { text: q, terms: u.groups, boost, page: 1, pageSize: K };
}

async function main(): Promise<void> {
  const engine = new EmbeddedSearchEngine({ tokenizeInWorker: false });
  await engine.ensureIndex(INDEX, SOLUTION_INDEX_SETTINGS);
  await engine.upsert(
    INDEX,
    BENCH_SOLUTIONS.map((s) => ({ ...s, providerName: '' })),
  );
  const verbose = process.argv.includes('--verbose');
  console.log(
    `relevance bench: ${JUDGED_QUERIES.length} judged queries over ${BENCH_SOLUTIONS.length} solutions, lexicon ${baseLexicon().size} entries`,
  );
  for (const mode of ['baseline', 'understood'] as Mode[]) {
    let sumNdcg = 0;
    let p1 = 0;
    const misses: string[] = [];
    let zero = 0;
    const byKind: Record<string, { n: number; ndcg: number }> = {};
    for (const judged of JUDGED_QUERIES) {
      const result = await engine.search(INDEX, queryFor(mode, judged.q));
      const ids = result.hits.map((h) => h.id);
      const score = ndcg(ids, judged.grades);
      sumNdcg += score;
      const kind = (byKind[judged.kind] ??= { n: 0, ndcg: 0 });
      kind.n++;
      kind.ndcg += score;
      if ((judged.grades[ids[0]] ?? 0) >= 2) p1++;
      else misses.push(`${judged.q} → ${ids[0] ?? '(nothing)'}`);
      if (!ids.some((id) => (judged.grades[id] ?? 0) > 0)) zero++;
      if (verbose && mode === 'understood') console.log(`  ${score.toFixed(2)} ${judged.q}: ${ids.slice(0, 5).join(' ')}`);
    }
    const n = JUDGED_QUERIES.length;
    const kinds = Object.entries(byKind)
      .map(([k, v]) => `${k} ${(v.ndcg / v.n).toFixed(3)}`)
      .join(', ');
    console.log(
      `${mode.padEnd(10)} nDCG@10 ${(sumNdcg / n).toFixed(3)}  P@1 ${(p1 / n).toFixed(3)}  queries with no relevant hit in the top 10: ${zero}  (nDCG by kind: ${kinds})`,
    );
    if (misses.length) console.log(`  first hit not relevant: ${misses.join('; ')}`);
  }
  await engine.close();
  const n = Number(process.argv.find((a) => a.startsWith('--n='))?.split('=')[1] ?? 100_000);
  if (n > 0) await suggestBench(n);
}

const PREFIXES = [
  '能耗',
  '设备',
  '数控机',
  'mes',
  '质量追',
  '仓储',
  'sca',
  '预测',
  '排产',
  '空压',
  '振动',
  '工业网',
  '安全',
  '碳',
  'oee',
  '数据采',
  '机床联',
  '财务',
  '图纸',
  '看板',
];

async function suggestBench(n: number): Promise<void> {
  const engine = new EmbeddedSearchEngine();
  await engine.ensureIndex(INDEX, SOLUTION_INDEX_SETTINGS);
  for (const batch of documentBatches(n)) await engine.upsert(INDEX, batch);
  // Suggestions read only the engine and the lexicon: no misses, directory or exposure settings.
  const service = new SearchService(
    engine,
    null as unknown as SearchMissesService,
    { now: () => new Date() },
    null as unknown as DirectoryService,
    null as unknown as AppConfig,
  );
  for (let i = 0; i < 50; i++) await service.suggest({ q: PREFIXES[i % PREFIXES.length], limit: 10 });
  const times: number[] = [];
  for (let i = 0; i < 1000; i++) {
    const started = performance.now();
    await service.suggest({ q: PREFIXES[i % PREFIXES.length], limit: 10 });
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const at = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))].toFixed(2);
  console.log(`suggest over ${n} solutions, ${times.length} calls: p50 ${at(0.5)} ms, p95 ${at(0.95)} ms, p99 ${at(0.99)} ms`);
  await engine.close();
}

await main();

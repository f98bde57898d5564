import 'reflect-metadata';
import { EmbeddedSearchEngine } from '@smedx/platform';
import type { Filter, SearchQuery } from '@smedx/platform';
import { baseLexicon, understand } from '@smedx/lexicon';
import { SOLUTION_INDEX_SETTINGS } from '@smedx/search';
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
 *   npm run bench:relevance
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
}

await main();

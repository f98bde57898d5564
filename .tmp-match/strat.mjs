import { generateMatchDataset } from '../dist/bench-match/test/bench/match/dataset.js';
import { EmbeddedSearchEngine, DEFAULT_MATCH_WEIGHTS, normaliseMatchWeights } from '../dist/bench-match/libs/platform/src/index.js';
import { SOLUTION_INDEX_SETTINGS, SOLUTIONS_INDEX } from '../dist/bench-match/libs/search/src/index.js';
import { Matcher, AllCandidates, solutionFactsFromDocument, needKeywords, factorValues, prepareNeed, prepareSolution } from '../dist/bench-match/libs/matching/src/index.js';
import { SCENARIOS, nameOf } from '../dist/bench-match/libs/taxonomy/src/index.js';
import { Random } from '../dist/bench-match/libs/demo/src/index.js';
const N = Number(process.argv[2] ?? 100000); const R = Number(process.argv[3] ?? 120);
const data = generateMatchDataset({ solutions: N, needs: N });
const engine = new EmbeddedSearchEngine();
await engine.ensureIndex(SOLUTIONS_INDEX, SOLUTION_INDEX_SETTINGS);
for (const b of data.solutionDocs()) await engine.upsert(SOLUTIONS_INDEX, b);
const weights = normaliseMatchWeights(DEFAULT_MATCH_WEIGHTS);
const providers = { providers: async (ids) => new Map(ids.filter(i => data.providers.has(i)).map(i => [i, data.providers.get(i)])) };
const exhaustive = new Matcher(new AllCandidates(data.solutions, data.needs), providers, weights);
const rng = new Random(7);
const sample = rng.sample(data.needs, R);
const truth = new Map();
let t = performance.now();
for (const need of sample) truth.set(need.id, await exhaustive.matchNeed(need, { limit: 20 }));
console.log('truth', ((performance.now()-t)/R).toFixed(0), 'ms/need');
const eq = (field, value) => ({ field, op: 'eq', value });
const anyOf = (field, values) => values.length === 0 ? [] : [values.length === 1 ? eq(field, values[0]) : { field, op: 'in', values: [...values] }];
const sw = (codes) => codes.map((c) => nameOf(SCENARIOS, c) ?? '').join(' ');
const textOf = (need, mode) => mode === 'kw' ? needKeywords(need.title, need.description).map(k=>k.word).filter((w, _, all) => !all.some(o => o !== w && o.includes(w))).slice(0, 16).join(' ') : `${need.title} ${sw(need.scenarios)}`;
const strategies = {
  current: async (need, stats) => {
    const text = textOf(need);
    const exact = [...need.scenarios.map(s => eq('scenarios', s)), eq('industries', need.industry), { field: 'priceMinFen', op: 'range', max: need.budgetFen }, { field: 'deployDays', op: 'range', max: need.expectedDays }, eq('providerDistricts', need.district), ...(need.digitalLevel === null ? [] : [eq('levels', need.digitalLevel)])];
    const qs = [{ filters: exact, page: 1, pageSize: 400 }, { text, filters: [...need.scenarios.map(s => eq('scenarios', s)), eq('industries', need.industry)], page: 1, pageSize: 150 }, { text, filters: anyOf('scenarios', need.scenarios), page: 1, pageSize: 100 }, { text, page: 1, pageSize: 50 }];
    const out = []; for (const q of qs) { const r = await engine.search(SOLUTIONS_INDEX, q); out.push(...r.hits.map(h => solutionFactsFromDocument(h.doc))); }
    return out;
  },
  adaptive: async (need, stats, mode='title') => {
    const text = textOf(need, mode);
    const scen = need.scenarios.map(s => eq('scenarios', s));
    const ind = eq('industries', need.industry);
    const money = [{ field: 'priceMinFen', op: 'range', max: need.budgetFen }, { field: 'deployDays', op: 'range', max: need.expectedDays }];
    const dist = eq('providerDistricts', need.district);
    const lvl = need.digitalLevel === null ? [] : [eq('levels', need.digitalLevel)];
    const out = [];
    const run = async (q) => { const r = await engine.search(SOLUTIONS_INDEX, q); out.push(...r.hits.map(h => solutionFactsFromDocument(h.doc))); return r.total; };
    const exactTotal = await run({ filters: [...scen, ind, ...money, dist, ...lvl], page: 1, pageSize: 400 });
    await run({ text, filters: [...scen, ind, ...money], page: 1, pageSize: 200 });
    if (need.scenarios.length > 1 && exactTotal < 40) {
      for (const s of need.scenarios) await run({ filters: [...need.scenarios.filter(x => x !== s).map(x => eq('scenarios', x)), ind, ...money, dist], page: 1, pageSize: 100 });
      await run({ text, filters: [...anyOf('scenarios', need.scenarios), ind, ...money], page: 1, pageSize: 150 });
    } else {
      await run({ text, filters: anyOf('scenarios', need.scenarios), page: 1, pageSize: 100 });
    }
    return out;
  },
};
strategies.adaptiveKw = (need, stats) => strategies.adaptive(need, stats, 'kw');
for (const [name, fn] of Object.entries(strategies)) {
  const m = new Matcher({ solutionsFor: fn, needsFor: async () => [] }, providers, weights);
  const recalls = []; const times = []; const cands = [];
  for (const need of sample) {
    const t0 = performance.now();
    const got = await m.matchNeed(need, { limit: 20 });
    times.push(performance.now() - t0);
    const ids = new Set(got.map(g => g.solution.id));
    const tr = truth.get(need.id);
    recalls.push(tr.filter(x => ids.has(x.solution.id)).length / tr.length);
  }
  times.sort((a,b)=>a-b);
  console.log(name, 'recall', (recalls.reduce((a,b)=>a+b)/recalls.length).toFixed(3), 'p50', times[Math.floor(times.length/2)].toFixed(1), 'p95', times[Math.floor(times.length*0.95)].toFixed(1));
}

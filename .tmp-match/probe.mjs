import { generateMatchDataset } from '../dist/bench-match/test/bench/match/dataset.js';
import { EmbeddedSearchEngine } from '../dist/bench-match/libs/platform/src/index.js';
import { NEED_INDEX_SETTINGS, NEEDS_INDEX, SOLUTION_INDEX_SETTINGS, SOLUTIONS_INDEX } from '../dist/bench-match/libs/search/src/index.js';
import { solutionProbes, DEFAULT_PROBE_SIZES } from '../dist/bench-match/libs/matching/src/index.js';
const N = Number(process.argv[2] ?? 100000);
const data = generateMatchDataset({ solutions: N, needs: 2000 });
const engine = new EmbeddedSearchEngine();
await engine.ensureIndex(SOLUTIONS_INDEX, SOLUTION_INDEX_SETTINGS);
for (const b of data.solutionDocs()) await engine.upsert(SOLUTIONS_INDEX, b);
console.log('indexed');
const needs = data.needs.slice(0, 200);
const times = [[],[],[],[]]; const totals=[[],[],[],[]];
for (const need of needs) {
  const probes = solutionProbes(need, DEFAULT_PROBE_SIZES);
  for (let i=0;i<probes.length;i++){ const t=performance.now(); const r = await engine.search(SOLUTIONS_INDEX, probes[i]); times[i].push(performance.now()-t); totals[i].push(r.total); }
}
const med = a => { const s=[...a].sort((x,y)=>x-y); return [s[Math.floor(s.length/2)].toFixed(2), s[Math.floor(s.length*0.95)].toFixed(2)]; };
for (let i=0;i<4;i++) console.log('probe', i, 'ms p50/p95', med(times[i]), 'total p50/p95', med(totals[i]));

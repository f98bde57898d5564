import type { LegacyHighs } from 'highs';
import type { ScheduleProblem } from '../../../libs/events/src/scheduler/index.js';

export interface ExactResult {
  value: number;
  /** Meetings missing to the minimum, summed over the enterprises. */
  shortfall: number;
  seconds: number;
}

/**
 * The scheduling model as an integer program over the scheduler's own
 * candidate pairs: x[c,s] = 1 when pair c meets in slot s (only slots both
 * attend). Each enterprise and provider at most once per slot, each pair at
 * most once, at most `tables` per slot, at most `maxPerProvider` per
 * provider.
 *
 * By default: maximise the total value. `floors`: and give enterprise e at
 * least floors[e] meetings. `fair`: lexicographic — first the most meetings
 * counted toward the minimums (y[e] ≤ meetings of e, y[e] ≤ min), then
 * value; it tells the fewest meetings missing to the minimums.
 */
export function solveExact(
  highs: LegacyHighs,
  problem: ScheduleProblem,
  { fair = false, floors }: { fair?: boolean; floors?: ArrayLike<number> },
): ExactResult {
  const { slots, tables, pairs, availE, availP, minPerEnterprise, maxPerProvider } = problem;
  const E = problem.enterprises.length;
  const vars: { c: number; s: number; name: string }[] = [];
  for (let c = 0; c < pairs.length; c++) {
    const { e, p } = pairs[c];
    for (let s = 0; s < slots; s++) if (availE[e * slots + s] && availP[p * slots + s]) vars.push({ c, s, name: `x${c}_${s}` });
  }
  const totalValue = pairs.reduce((sum, pair) => sum + pair.value, 0);
  const weight = totalValue + 1;
  const objective = vars.map((v) => `${pairs[v.c].value} ${v.name}`);
  if (fair && minPerEnterprise > 0) for (let e = 0; e < E; e++) objective.push(`${weight} y${e}`);

  const rows: string[] = [];
  const group = (key: (v: (typeof vars)[number]) => string | null, rhs: number, prefix: string) => {
    const groups = new Map<string, string[]>();
    for (const v of vars) {
      const k = key(v);
      if (k === null) continue;
      const list = groups.get(k) ?? [];
      list.push(v.name);
      groups.set(k, list);
    }
    let i = 0;
    for (const names of groups.values()) if (names.length > 1 || rhs < 1) rows.push(` ${prefix}${i++}: ${names.join(' + ')} <= ${rhs}`);
  };
  group((v) => `${pairs[v.c].e}:${v.s}`, 1, 'es');
  group((v) => `${pairs[v.c].p}:${v.s}`, 1, 'ps');
  group((v) => `${v.c}`, 1, 'pair');
  group((v) => `${v.s}`, tables, 'tab');
  group((v) => `${pairs[v.c].p}`, maxPerProvider, 'cap');
  if (fair && minPerEnterprise > 0) {
    for (let e = 0; e < E; e++) {
      const mine = vars.filter((v) => pairs[v.c].e === e).map((v) => v.name);
      rows.push(` fair${e}: y${e}${mine.map((n) => ` - ${n}`).join('')} <= 0`);
    }
  }
  if (floors) {
    for (let e = 0; e < E; e++) {
      if (floors[e] <= 0) continue;
      const mine = vars.filter((v) => pairs[v.c].e === e).map((v) => v.name);
      rows.push(` floor${e}: ${mine.join(' + ')} >= ${floors[e]}`);
    }
  }
  const bounds = fair && minPerEnterprise > 0 ? Array.from({ length: E }, (_, e) => ` 0 <= y${e} <= ${minPerEnterprise}`) : [];
  const lp = [
    'Maximize',
    ` obj: ${objective.length ? objective.join(' + ') : '0 x_none'}`,
    'Subject To',
    ...(rows.length ? rows : [' none: 0 x_none <= 0']),
    'Bounds',
    ...bounds,
    'General',
    ...(fair && minPerEnterprise > 0 ? Array.from({ length: E }, (_, e) => ` y${e}`) : []),
    'Binary',
    ...vars.map((v) => ` ${v.name}`),
    ...(vars.length ? [] : [' x_none']),
    'End',
  ].join('\n');
  const started = performance.now();
  const solution = highs.solve(lp, { mip_rel_gap: 0, output_flag: false } as never);
  const seconds = (performance.now() - started) / 1000;
  if (solution.Status !== 'Optimal') throw new Error(`exact solver: ${solution.Status}`);
  let value = 0;
  const meetings = new Int32Array(E);
  for (const v of vars) {
    if (Math.round(solution.Columns[v.name]?.Primal ?? 0) === 1) {
      value += pairs[v.c].value;
      meetings[pairs[v.c].e]++;
    }
  }
  let shortfall = 0;
  for (let e = 0; e < E; e++) shortfall += Math.max(0, minPerEnterprise - meetings[e]);
  return { value, shortfall, seconds };
}

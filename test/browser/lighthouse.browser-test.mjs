/* global fetch */
/**
 * Lighthouse (12.2.3, driving Debian's Chromium) on the public pages at phone size — the home,
 * search, a solution and a need — with the built bundle served by the API, as a visitor would
 * load them. Fails below the gates (accessibility ≥ 95, best practices ≥ 95, performance ≥ 80)
 * and prints every figure; `docs/benchmarks.md` keeps the latest.
 *
 * Lighthouse's mobile preset: a Moto G Power-sized screen, 4× CPU slowdown and a simulated slow
 * 4G network, so the performance score is what a phone on a weak network would get.
 *
 * A page below a gate is measured twice more and Lighthouse's median run of the three is gated
 * (its own helper, `computeMedianRun`, as its guidance on variability advises): one run can be the
 * machine, not the page. Every run's performance score is printed.
 *
 * All three are gates. The pages arrive rendered by the server with one small boot script (the app
 * loads at the first touch), so the score no longer hangs on the phone's CPU running React and antd:
 * 93–100 on a loaded 2-core machine (docs/benchmarks.md).
 */
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { computeMedianRun } from 'lighthouse/core/lib/median-run.js';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHROMIUM, CHROMIUM_ARGS, RESULTS, assert, call, check, onCleanup, runSuite, startApp, waitForSearch } from './harness.mjs';

const TARGETS = { performance: 80, accessibility: 95, 'best-practices': 95 };
const GATES = TARGETS;

async function main() {
  const base = await startApp();
  await waitForSearch(base);
  const solutions = await call(base, 'GET', '/search/solutions?pageSize=1');
  const needs = await call(base, 'GET', '/search/needs?pageSize=1');
  const pages = [
    ['home', '/'],
    ['search', `/solutions?q=${encodeURIComponent('设备联网')}`],
    ['solution', `/solutions/${solutions.hits[0].id}`],
    ['need', `/needs/${needs.hits[0].id}`],
  ];
  const chrome = await launch({ chromePath: CHROMIUM, chromeFlags: CHROMIUM_ARGS });
  onCleanup(async () => chrome.kill(), { first: true });
  const figures = [];
  for (const [name, path] of pages) {
    await check(
      `Lighthouse at phone size on the ${name} page (${path.split('?')[0]}): ${Object.entries(GATES)
        .map(([c, g]) => `${c} ≥ ${g}`)
        .join(', ')}`,
      async () => {
        // A first load warms the server's caches, as any visitor after the first finds them.
        await fetch(`${base}${path}`);
        const run = () =>
          lighthouse(`${base}${path}`, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: Object.keys(TARGETS) });
        const measure = async () => {
          let result = (await run()).lhr;
          // A trace that failed to record (NO_NAVSTART and the like) is Lighthouse's, not the page's: once more.
          if (result.runtimeError) result = (await run()).lhr;
          assert(!result.runtimeError, `Lighthouse could not measure the page: ${result.runtimeError?.code}`);
          return result;
        };
        const scoresOf = (result) =>
          Object.fromEntries(Object.keys(TARGETS).map((c) => [c, Math.round((result.categories[c]?.score ?? 0) * 100)]));
        /** The gates a run is below, as [category, gate] pairs. */
        const below = (result) => {
          const scores = scoresOf(result);
          return Object.entries(GATES).filter(([c, gate]) => scores[c] < gate);
        };
        let lhr = await measure();
        if (below(lhr).length) {
          // One run below a gate may be the machine (another process took the CPU during the trace): as
          // Lighthouse's guidance on variability says, two more runs and the median one of the three is gated.
          const runs = [lhr, await measure(), await measure()];
          console.log(
            `      ${name}: below a gate once; three runs, performance ${runs.map((r) => scoresOf(r).performance).join(' / ')}: the median run is gated`,
          );
          lhr = computeMedianRun(runs);
        }
        // Every page's report, kept for analysis (bootup-time, mainthread-work-breakdown, long tasks, LCP element).
        writeFileSync(join(RESULTS, `lighthouse-${name}.json`), JSON.stringify(lhr));
        const scores = scoresOf(lhr);
        const metric = (id) => lhr.audits[id]?.numericValue;
        figures.push({
          name,
          path,
          ...scores,
          lcpMs: metric('largest-contentful-paint'),
          tbtMs: metric('total-blocking-time'),
          cls: metric('cumulative-layout-shift'),
        });
        console.log(
          `      lighthouse ${name}: performance ${scores.performance}, accessibility ${scores.accessibility}, best practices ${scores['best-practices']}` +
            `${scores.performance < TARGETS.performance ? ` [performance below its target ${TARGETS.performance}]` : ''} (FCP ${Math.round(metric('first-contentful-paint'))} ms, LCP ${Math.round(metric('largest-contentful-paint'))} ms, TBT ${Math.round(metric('total-blocking-time'))} ms, CLS ${metric('cumulative-layout-shift')?.toFixed(3)})`,
        );
        const failing = below(lhr);
        if (failing.length) {
          // What held the score down, so the failure says what to fix.
          const details = failing.flatMap(([c]) =>
            lhr.categories[c].auditRefs
              .filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 0.9)
              .map((ref) => `${c}/${ref.id}: ${lhr.audits[ref.id].displayValue ?? lhr.audits[ref.id].score}`),
          );
          assert(false, `below the gates: ${failing.map(([c, g]) => `${c} ${scores[c]} < ${g}`).join(', ')} — ${details.join('; ')}`);
        }
      },
    );
  }
  writeFileSync(join(RESULTS, 'lighthouse-summary.json'), JSON.stringify(figures, null, 2));
}

await runSuite('lighthouse', main);

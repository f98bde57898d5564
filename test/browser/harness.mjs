/* global fetch, setTimeout, AbortSignal, window, document, getComputedStyle, Node, FormData, Blob, URL */
/**
 * What every browser suite shares: the built API started on a free port with a fresh SQLite
 * data directory and the demo data, Debian's Chromium through playwright-core, named checks
 * that keep a screenshot when they fail, and the `browser: N checks run, …` summary line.
 *
 * Environment:
 *   CHROMIUM_PATH   the browser (default /usr/bin/chromium)
 *   RESULTS_DIR     where screenshots go (default test-results)
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const MAIN = join(ROOT, 'dist/apps/api/src/main.js');
export const WEB_INDEX = join(ROOT, 'apps/web/dist/index.html');
export const TAXONOMY = join(ROOT, 'dist/libs/taxonomy/src/index.js');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const RESULTS = resolve(ROOT, process.env.RESULTS_DIR ?? 'test-results');
export const ADMIN = { email: 'admin@smedx.local', password: 'smedx-admin-2024' };
/** The demo data's password for every demo account (libs/demo/src/demo-dataset.ts). */
export const DEMO_PASSWORD = 'demo-pass-2024';
/** A demo account by the local part of its address (`e002` → e002@demo.smedx.cn). */
export const demoAccount = (local) => ({ email: `${local}@demo.smedx.cn`, password: DEMO_PASSWORD });
/** The demo accounts the suites sign in as, one per role. */
export const DEMO = {
  enterprise: demoAccount('enterprise'),
  provider: demoAccount('provider'),
  city: demoAccount('city'),
  tiexi: demoAccount('tiexi'),
  assessor: demoAccount('assessor'),
  organiser: demoAccount('organizer'),
};
export const TIMEOUT = 15_000;
/** The two sizes people use: a desktop and a 390 × 844 phone. */
export const DESKTOP = { width: 1440, height: 900 };
export const PHONE = { width: 390, height: 844 };
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const results = [];
const cleanups = [];
let serverLog = '';
/** The page under test, for a screenshot when a check fails. */
let currentPage = null;
let suiteName = 'ui';
/**
 * The API's refusals the page under test received (method, path, status, message), newest last:
 * a failed check prints those received while it ran, so a CI log says what the server answered.
 */
const refusals = [];
/** The API requests of the page under test not answered yet, with when they were sent. */
const inFlight = new Map();
const watched = new WeakSet();

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export function setCurrentPage(page) {
  currentPage = page;
  if (watched.has(page)) return;
  watched.add(page);
  const pathOf = (request) => new URL(request.url()).pathname;
  const isApi = (request) => pathOf(request).startsWith('/api/');
  // The notification event stream stays open by design: it is never counted as unanswered.
  const awaited = (request) => isApi(request) && request.resourceType() !== 'eventsource';
  page.on('request', (request) => {
    if (awaited(request)) inFlight.set(request, Date.now());
  });
  page.on('requestfinished', (request) => inFlight.delete(request));
  page.on('response', (response) => {
    const request = response.request();
    if (response.status() < 400 || !isApi(request)) return;
    const entry = { at: Date.now(), line: `${request.method()} ${pathOf(request)} → ${response.status()}` };
    refusals.push(entry);
    if (refusals.length > 50) refusals.shift();
    response.json().then(
      (body) => (entry.line += `: ${body?.code ?? ''} ${body?.message ?? ''}`.trimEnd()),
      () => undefined,
    );
  });
  page.on('requestfailed', (request) => {
    inFlight.delete(request);
    if (awaited(request))
      refusals.push({ at: Date.now(), line: `${request.method()} ${pathOf(request)} failed: ${request.failure()?.errorText}` });
  });
}

/** What a failed check's page shows and was refused: its address, open dialogs, messages, the API's 4xx/5xx. */
async function describeFailure(page, since) {
  const lines = [`page: ${page.url()}`];
  const shown = await page
    .locator('.ant-modal-title, .ant-notification-notice, .ant-message-notice, .ant-alert-message, .ant-form-item-explain-error')
    .evaluateAll((nodes) => nodes.filter((n) => n.checkVisibility()).map((n) => n.textContent?.trim().replace(/\s+/g, ' ').slice(0, 160)))
    .catch(() => []);
  for (const text of shown) lines.push(`shown: ${text}`);
  for (const r of refusals.filter((r) => r.at >= since)) lines.push(`api: ${r.line}`);
  for (const [request, sent] of inFlight)
    lines.push(`api: ${request.method()} ${new URL(request.url()).pathname} unanswered after ${Date.now() - sent} ms`);
  return lines;
}

/** Runs when the suite ends (last registered, first run). */
export function onCleanup(fn, { first = false } = {}) {
  if (first) cleanups.unshift(fn);
  else cleanups.push(fn);
}

export async function check(name, fn) {
  const started = Date.now();
  try {
    await fn();
    results.push({ name, ok: true });
    console.log(`  ✓ ${name} (${Date.now() - started} ms)`);
  } catch (error) {
    results.push({ name, ok: false });
    // The message with Playwright's call log (what the locator met: an overlay intercepting the
    // click, say), then where in the suite it was thrown.
    const message = String(error)
      // eslint-disable-next-line no-control-regex -- the terminal colours in Playwright's call log
      .replace(/\u001b\[[0-9;]*m/g, '')
      .split('\n')
      .slice(0, 12);
    const where = String(error?.stack ?? '')
      .split('\n')
      .filter((l) => /^\s+at .*browser-test\.mjs/.test(l))
      .slice(0, 1)
      .map((l) => l.trim());
    console.log(`  ✗ ${name}\n      ${[...message, ...where].join('\n      ')}`);
    if (currentPage) {
      const shot = join(RESULTS, `${suiteName}-failure-${results.length}.png`);
      await currentPage.screenshot({ path: shot }).then(
        () => console.log(`      screenshot: ${shot}`),
        () => undefined,
      );
      for (const line of await describeFailure(currentPage, started)) console.log(`      ${line}`);
    }
  }
}

export function assert(condition, message) {
  if (!condition) throw new Error(message);
}

export function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

async function startServer(port, dataDir, extraEnv) {
  const env = { ...process.env, PORT: String(port), SMEDX_DATA_DIR: dataDir, SMEDX_DEMO: 'true', LOG_LEVEL: 'warn', ...extraEnv };
  // The embedded stack: a hermetic run whatever the calling shell points at.
  for (const key of ['DATABASE_URL', 'REDIS_URL', 'MEILI_HOST', 'SMTP_URL', 'HOST']) delete env[key];
  const child = spawn(process.execPath, [MAIN], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const keep = (chunk) => {
    serverLog = (serverLog + chunk.toString()).slice(-20_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let stopping = false;
  child.once('exit', (code, signal) => {
    if (!stopping) keep(`\n[server exited unexpectedly: code ${code}, signal ${signal}]\n`);
  });
  cleanups.push(async () => {
    if (child.exitCode !== null) return;
    stopping = true;
    child.kill('SIGTERM');
    await Promise.race([new Promise((r) => child.once('exit', r)), sleep(5_000)]);
    if (child.exitCode === null) child.kill('SIGKILL');
  });
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      const res = await fetch(`${base}/health`, { signal: AbortSignal.timeout(2_000) });
      if (res.ok) return base;
    } catch {
      // not listening yet
    }
    await sleep(300);
  }
  throw new Error('server did not answer /health within 120 s');
}

/** Checks the builds and the browser are there, then starts the API on a fresh data directory; returns its base URL. */
export async function startApp(extraEnv = {}) {
  for (const [file, what] of [
    [MAIN, 'the API build (npm run build)'],
    [WEB_INDEX, 'the web build (npm run build:web)'],
    [CHROMIUM, `Chromium at ${CHROMIUM} (apt-get install -y chromium)`],
  ]) {
    if (!existsSync(file)) throw new Error(`missing ${what}: ${file}`);
  }
  await mkdir(RESULTS, { recursive: true });
  const dataDir = await mkdtemp(join(tmpdir(), 'smedx-browser-data-'));
  cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
  const base = await startServer(await freePort(), dataDir, extraEnv);
  console.log(`server up at ${base}`);
  return base;
}

/**
 * A fresh, throw-away Chromium profile (launchPersistentContext is how playwright takes a --user-data-dir).
 * It asks for reduced motion unless told otherwise, so the app draws its dialogs, popovers and menus
 * without antd's motion: on a loaded machine Playwright can aim a click at a button still zooming
 * in, the press and the release land on different nodes and the click is silently lost (CI lost an
 * approval dialog's 确定 and a popconfirm's 确定 that way). The portal suite keeps motion at 1440 px.
 */
export async function launchBrowser({ viewport = DESKTOP, reducedMotion = 'reduce', ...options } = {}) {
  const profile = await mkdtemp(join(tmpdir(), 'smedx-browser-profile-'));
  cleanups.push(() => rm(profile, { recursive: true, force: true }));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport,
    reducedMotion,
    locale: 'zh-CN',
    timezoneId: 'UTC',
    ...options,
  });
  cleanups.unshift(() => context.close());
  context.setDefaultTimeout(TIMEOUT);
  return context;
}

/** A JSON call to the API; throws with the API's message on an error status. */
export async function call(base, method, path, body, token) {
  const res = await fetch(`${base}/api/v1${path}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const data = await res.json().catch(() => null);
  if (!res.ok) throw Object.assign(new Error(`${method} ${path} → ${res.status}: ${data?.message}`), { status: res.status });
  return data;
}

/** The provider's member files its business licence (营业执照): selection requires it before approval. */
export async function attachLicence(base, providerId, token) {
  const { samplePdf } = await import(pathToFileURL(join(ROOT, 'dist/libs/documents/src/sample-files.js')).href);
  const form = new FormData();
  form.append('organisationId', providerId);
  form.append('file', new Blob([new Uint8Array(samplePdf(`licence ${providerId}`))]), '营业执照.pdf');
  const res = await fetch(`${base}/api/v1/files`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  const file = await res.json();
  if (res.status !== 201) throw new Error(`POST /files → ${res.status}: ${file?.message}`);
  await call(base, 'POST', `/providers/${providerId}/documents`, { fileId: file.id, kind: 'business_licence' }, token);
}

/**
 * Picks `option` in the antd Select of the form item labelled `label` (inside `scope`): types it
 * into the select's search box and takes the first match with Enter (clicking an option races the
 * dropdown animations), then checks it is selected.
 */
export async function pick(page, scope, label, option) {
  const item = scope.locator('.ant-form-item').filter({ has: page.locator('label', { hasText: label }) });
  await item.locator('.ant-select-selector').click();
  await item.locator('input.ant-select-selection-search-input').fill(option);
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option-active', { hasText: option }).waitFor();
  await page.keyboard.press('Enter');
  if (await item.locator('.ant-select-multiple').count()) await page.keyboard.press('Escape');
  await item.locator('.ant-select-selection-item', { hasText: option }).waitFor();
}

/**
 * Types `text` (`2030-06-30 18:00`, or `2030-06-30` for a date) into the antd DatePicker whose
 * input is `input` and takes it with Enter, then checks the picker shows it.
 */
export async function fillPicker(input, text) {
  await input.click();
  await input.fill(text);
  await input.press('Enter');
  const shown = await input.inputValue();
  if (shown !== text) throw new Error(`the date picker shows "${shown}", not "${text}"`);
}

/**
 * Waits (polling, 2 s at most) until the element's entry animation is over — antd's popover zoom,
 * a notice's slide-in — so a screenshot shows it in full: on screen, opaque, nothing around it
 * still moving. Endless animations (a badge's pulsing dot) are not waited for.
 */
export async function settled(locator) {
  await locator.evaluate(async (el) => {
    const moving = () => {
      const box = el.getBoundingClientRect();
      if (box.right > window.innerWidth + 1 || box.left < -1) return true;
      for (let node = el; node; node = node.parentElement) if (getComputedStyle(node).opacity !== '1') return true;
      return document
        .getAnimations()
        .some(
          (a) =>
            a.playState === 'running' &&
            Number.isFinite(a.effect?.getComputedTiming().endTime) &&
            a.effect?.target instanceof Node &&
            (el.contains(a.effect.target) || a.effect.target.contains(el)),
        );
    };
    for (let i = 0; i < 100 && moving(); i += 1) await new Promise((r) => setTimeout(r, 20));
  });
}

export async function signOut(page) {
  // The user menu opens on hover; on a loaded machine a click can land while it is still sliding in
  // (or after it closed again), so the menu is opened and clicked again until the login page shows.
  for (let attempt = 1; ; attempt += 1) {
    await page.getByTestId('user-menu').hover();
    await page.getByRole('menuitem', { name: '退出登录' }).click();
    const left = await page.waitForURL('**/login', { timeout: 5_000 }).then(
      () => true,
      () => false,
    );
    if (left) break;
    if (attempt === 3) throw new Error('退出登录 did not lead to the login page after three tries');
  }
}

/**
 * Loads the login page with no session: the session is dropped from a same-origin page that runs
 * no app (the health answer), since from /login a signed-in app goes home, and its requests sent
 * after the removal would be refused. For switching accounts (not testing 退出登录), and for a
 * check that must start signed out whatever state a failed check before it left.
 */
export async function freshLogin(page, base) {
  await page.goto(`${base}/health`);
  await page.evaluate(() => window.localStorage.removeItem('smedx.accessToken'));
  await page.goto(`${base}/login`);
}

export async function signIn(page, email, password) {
  await page.locator('#email').fill(email);
  await page.locator('#password').fill(password);
  await page.locator('button[type=submit]').click();
  await page.locator('.ant-layout-sider .ant-menu').waitFor();
}

/** Waits until the search index has caught up (indexing runs as a background job); fails if it does not within 20 s. */
export async function waitForSearch(base, token) {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const found = await call(base, 'GET', '/search/solutions?pageSize=1', undefined, token);
    if (found.total > 0) return;
    if (Date.now() > deadline) throw new Error('the search index holds no solution 20 s after start-up');
    await sleep(300);
  }
}

/** Runs a suite's main, cleans up, prints the summary line and sets the exit code. */
export async function runSuite(name, main) {
  suiteName = name;
  let fatal = null;
  try {
    await main();
  } catch (error) {
    fatal = error;
    console.log(`fatal: ${error?.stack ?? error}`);
    if (serverLog) console.log(`--- server output (tail) ---\n${serverLog.slice(-4_000)}`);
  } finally {
    for (const cleanup of cleanups) await cleanup().catch(() => undefined);
  }
  // Every check runs or fails: there is no skip. A fatal error (server or browser missing) fails the run.
  const passed = results.filter((r) => r.ok).length;
  const failed = results.filter((r) => !r.ok).length + (fatal ? 1 : 0);
  if (failed && !fatal && serverLog) console.log(`--- server output (tail) ---\n${serverLog.slice(-4_000)}`);
  console.log(`browser: ${results.length} checks run, ${passed} passed, ${failed} failed, 0 skipped`);
  process.exitCode = failed ? 1 : 0;
}

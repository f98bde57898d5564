/* global URL, document */
/**
 * Every role's pages at both sizes: each demo account signs in, and every page its menu offers is
 * opened at 1440 × 900 and at 390 × 844. A page fails on a console error, an uncaught error, a
 * request it fired that was refused (4xx) or failed (5xx), a 无权访问/404 page for an entry of the
 * role's own menu, (at 390 px) content wider than the screen, or a code shown where its Chinese
 * name belongs: a taxonomy code (`machine_tool`), an audit action (`provider.approved`), a state or
 * a role code (`published`, `city_officer`) as visible text.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  ADMIN,
  DEMO,
  DESKTOP,
  PHONE,
  RESULTS,
  ROOT,
  assert,
  call,
  check,
  launchBrowser,
  runSuite,
  setCurrentPage,
  startApp,
} from './harness.mjs';

const ROLES = [
  ['enterprise', DEMO.enterprise],
  ['provider', DEMO.provider],
  ['city officer', DEMO.city],
  ['district officer', DEMO.tiexi],
  ['assessor', DEMO.assessor],
  ['organiser', DEMO.organiser],
  ['admin', ADMIN],
].map(([role, account]) => [role, account.email, account.password]);

/** The menu's entries, read from the rendered side menu (antd keeps each item's key in data-menu-id). */
async function menuPaths(page) {
  const ids = await page
    .locator('[data-testid=side-menu] li[data-menu-id]')
    .evaluateAll((items) => items.map((li) => li.getAttribute('data-menu-id')));
  return [...new Set(ids.map((id) => id.slice(id.indexOf('/'))).filter((p) => p.startsWith('/')))];
}

async function signIn(page, base, email, password) {
  await page.goto(`${base}/login`);
  await page.locator('#email').fill(email);
  await page.locator('#password').fill(password);
  await page.locator('button[type=submit]').click();
  await page.waitForURL((url) => url.pathname === '/');
}

/**
 * Every code the API uses whose Chinese name the UI should show instead: the taxonomies' codes and
 * the contract's named codes (states, roles, audit actions and objects), minus plain words that are
 * also ordinary English (none of which the demo's Chinese text uses either).
 */
async function codesShownByName(base) {
  const labels = await import(pathToFileURL(join(ROOT, 'dist/libs/contracts/src/labels-zh.js')).href);
  const codes = new Set();
  for (const [name, table] of Object.entries(labels)) {
    if (name.endsWith('_NAMES') && table && typeof table === 'object') for (const code of Object.keys(table)) codes.add(code);
  }
  const taxonomies = await call(base, 'GET', '/taxonomies');
  for (const list of Object.values(taxonomies)) {
    if (Array.isArray(list)) for (const item of list) if (typeof item?.code === 'string') codes.add(item.code);
  }
  return codes;
}

/** Codes among the page's visible words (e-mail addresses and links left out). */
async function visibleCodes(page, codes) {
  const text = await page.evaluate(() => document.body.innerText);
  const words = text
    .replace(/\S+@\S+/g, ' ')
    .replace(/https?:\/\/\S+/g, ' ')
    .match(/[A-Za-z][A-Za-z0-9_.]*[A-Za-z0-9]/g);
  return [...new Set((words ?? []).filter((w) => codes.has(w)))];
}

async function main() {
  const base = await startApp();
  const codes = await codesShownByName(base);
  assert(
    codes.has('machine_tool') && codes.has('provider.approved') && codes.has('published'),
    'the code list holds taxonomies, actions and states',
  );
  for (const [role, email, password] of ROLES) {
    for (const [size, viewport] of [
      ['1440', DESKTOP],
      ['390', PHONE],
    ]) {
      const context = await launchBrowser({ viewport, ...(viewport === PHONE ? { isMobile: true, hasTouch: true } : {}) });
      const page = context.pages()[0] ?? (await context.newPage());
      setCurrentPage(page);
      let problems = [];
      page.on('console', (m) => {
        if (m.type() === 'error') problems.push(`console: ${m.text().slice(0, 200)}`);
      });
      page.on('pageerror', (e) => problems.push(`page error: ${e.message.slice(0, 200)}`));
      page.on('response', (r) => {
        const path = new URL(r.url()).pathname;
        if (r.status() >= 400) problems.push(`${r.status()} ${r.request().method()} ${path}`);
      });
      await check(
        `${role} at ${size} px: every page of its menu opens without an error, a refused request or a sideways scroll`,
        async () => {
          await signIn(page, base, email, password);
          let paths = ['/'];
          if (viewport === DESKTOP) {
            await page.locator('[data-testid=side-menu]').waitFor();
            paths = await menuPaths(page);
          } else {
            await page.getByTestId('menu-button').click();
            await page.locator('[data-testid=side-menu]').waitFor();
            paths = await menuPaths(page);
            await page.keyboard.press('Escape');
          }
          assert(paths.length >= 5, `the menu lists its pages (${paths.join(' ')})`);
          const failures = [];
          for (const path of paths) {
            problems = [];
            await page.goto(`${base}${path}`);
            await page.waitForLoadState('networkidle', { timeout: 8_000 }).catch(() => undefined);
            if (await page.locator('.ant-result-403, .ant-result-404').count()) problems.push('shows a 无权访问 or 404 page');
            const shownCodes = await visibleCodes(page, codes);
            if (shownCodes.length) problems.push(`shows codes instead of Chinese names: ${shownCodes.join(', ')}`);
            if (viewport === PHONE) {
              // The viewport asked for, not innerWidth: a mobile browser widens that to a page too wide.
              const width = PHONE.width;
              const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
              if (scroll > width + 1) problems.push(`${scroll} px wide on a ${width} px screen`);
            }
            if (problems.length) {
              failures.push(`${path}: ${[...new Set(problems)].join('; ')}`);
              await page.screenshot({
                path: join(RESULTS, `roles-${role.replace(' ', '-')}-${size}-${path.replace(/\W+/g, '_')}.png`),
                fullPage: true,
              });
            }
          }
          assert(failures.length === 0, failures.join(' | '));
        },
      );
      await context.close();
    }
  }
}

await runSuite('roles', main);

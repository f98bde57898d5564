/* global URL, window, document */
/**
 * Every role's pages at both sizes: each demo account signs in, and every page its menu offers is
 * opened at 1440 × 900 and at 390 × 844. A page fails on a console error, an uncaught error, a
 * request it fired that was refused (4xx) or failed (5xx), a 无权访问/404 page for an entry of the
 * role's own menu, or (at 390 px) content wider than the screen.
 */
import { join } from 'node:path';
import { DESKTOP, PHONE, RESULTS, assert, check, launchBrowser, runSuite, setCurrentPage, startApp } from './harness.mjs';

const PASSWORD = 'demo-pass-2024';
const ROLES = [
  ['enterprise', 'enterprise@demo.smedx.cn', PASSWORD],
  ['provider', 'provider@demo.smedx.cn', PASSWORD],
  ['city officer', 'city@demo.smedx.cn', PASSWORD],
  ['district officer', 'tiexi@demo.smedx.cn', PASSWORD],
  ['assessor', 'assessor@demo.smedx.cn', PASSWORD],
  ['organiser', 'organizer@demo.smedx.cn', PASSWORD],
  ['admin', 'admin@smedx.local', 'smedx-admin-2024'],
];

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

async function main() {
  const base = await startApp();
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
            if (viewport === PHONE) {
              const { scroll, width } = await page.evaluate(() => ({
                scroll: document.documentElement.scrollWidth,
                width: window.innerWidth,
              }));
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

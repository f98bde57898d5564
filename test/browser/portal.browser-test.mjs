/* global URL, window, document, fetch */
/**
 * The public portal and the phone: what a visitor sees without an account (home, solutions,
 * providers, the need hall, events, the policy page) at 1440 × 900 and at 390 × 844, and the
 * enterprise's main journey on a phone (search → solution → publish a need → compare bids →
 * award → notifications). Fails on any console error, any page error and any 4xx/5xx answer a page
 * asked for. The portal's pages arrive rendered by the server with one small boot script; the app
 * loads at the first touch: prints both (gzip) and fails above 300 KB.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import {
  DEMO,
  DESKTOP,
  PHONE,
  RESULTS,
  ROOT,
  assert,
  call,
  check,
  fillPicker,
  launchBrowser,
  runSuite,
  setCurrentPage,
  sleep,
  startApp,
  waitForSearch,
} from './harness.mjs';

const ENTERPRISE = DEMO.enterprise;
const PROVIDER = DEMO.provider;
const FIRST_SCREEN_JS_LIMIT_KB = 300;

/** Records what must not happen on a page: console errors, uncaught errors, refused or failed requests. */
function watch(page, problems) {
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`${r.status()} ${r.request().method()} ${new URL(r.url()).pathname}`);
  });
}

/**
 * The page is as wide as the screen: nothing sticks out sideways. The screen is the viewport asked
 * for, not `innerWidth`: a mobile browser widens its layout viewport to a page that is too wide.
 */
async function noSidewaysScroll(page, what) {
  const width = page.viewportSize().width;
  const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
  assert(scroll <= width + 1, `${what}: the page is ${scroll} px wide on a ${width} px screen`);
}

async function signInAt(page, base, account) {
  await page.goto(`${base}/login`);
  await page.locator('#email').fill(account.email);
  await page.locator('#password').fill(account.password);
  await page.locator('button[type=submit]').click();
  await page.waitForURL((url) => url.pathname === '/');
}

async function main() {
  const base = await startApp();
  await waitForSearch(base);
  const problems = [];
  // With motion, as most visitors see it (the other suites ask for reduced motion).
  const desktop = await launchBrowser({ viewport: DESKTOP, reducedMotion: 'no-preference' });
  const page = desktop.pages()[0] ?? (await desktop.newPage());
  setCurrentPage(page);
  watch(page, problems);
  let solutionPath = null;

  await check(
    'a visitor opens the portal home: search, live figures, tiles, featured solutions, needs and events (no sign-in)',
    async () => {
      await page.goto(`${base}/`);
      await page.getByRole('heading', { name: '找到适合您工厂的数字化转型方案' }).waitFor();
      assert(new URL(page.url()).pathname === '/', 'stayed on the portal home, not sent to the login page');
      const figures = page.getByTestId('portal-figures');
      const value = figures.getByTestId('portal-figure-value').first();
      await value.filter({ hasText: /\d/ }).waitFor();
      const solutions = Number((await value.innerText()).replace(/\D/g, ''));
      assert(solutions > 100, `the figure of published solutions is live (${solutions})`);
      await page.getByTestId('featured-solutions').getByTestId('solution-card').first().waitFor();
      await page.getByTestId('newest-needs').locator('li').first().waitFor();
      await page.getByTestId('upcoming-events').locator('li').first().waitFor();
      assert((await page.getByTestId('tile-scenario').count()) >= 6, 'scenario tiles are shown');
      assert((await page.title()).includes('沈阳市中小企业数字化转型供需对接平台'), `title: ${await page.title()}`);
      await page.screenshot({ path: join(RESULTS, 'portal-home-desktop.png'), fullPage: true });
    },
  );

  await check(
    'a visitor’s first screen is HTML and one small boot script; the app (≤ 300 KB gzip, no workbench) loads at the first touch',
    async () => {
      const fresh = await desktop.newPage();
      watch(fresh, problems);
      const scripts = new Set();
      fresh.on('response', (r) => {
        const path = new URL(r.url()).pathname;
        if (path.startsWith('/assets/') && path.endsWith('.js')) scripts.add(path);
      });
      const gzipKb = (paths) =>
        paths.reduce((sum, path) => sum + gzipSync(readFileSync(join(ROOT, 'apps/web/dist', path))).length, 0) / 1024;
      await fresh.goto(`${base}/`, { waitUntil: 'networkidle' });
      // Whole without the app: the live figures and the featured solutions are in the server's HTML.
      assert(
        (await fresh.getByTestId('featured-solutions').getByTestId('solution-card').count()) > 0,
        'the featured solutions are on the page',
      );
      const before = [...scripts];
      assert(
        before.length === 1 && /\/boot-[\w-]+\.js$/.test(before[0]),
        `before any interaction only the boot script loads: ${before.join(', ')}`,
      );
      const bootKb = gzipKb(before);
      assert(bootKb < 2, `the boot script is ${bootKb.toFixed(2)} KB gzip`);
      // The first touch (here: the search box takes focus) loads the app, which takes the page over.
      const hydrated = fresh.evaluate(
        () => new Promise((resolve) => window.addEventListener('smedx:hydrated', () => resolve(true), { once: true })),
      );
      await fresh.getByTestId('portal-search').focus();
      assert(await hydrated, 'the page became live');
      await fresh.waitForLoadState('networkidle');
      const app = [...scripts];
      const sizes = app.map((path) => ({ path, gzip: gzipSync(readFileSync(join(ROOT, 'apps/web/dist', path))).length }));
      const largest = sizes.sort((a, b) => b.gzip - a.gzip).slice(0, 6);
      console.log(`      largest: ${largest.map((s) => `${s.path.replace('/assets/', '')} ${(s.gzip / 1024).toFixed(1)} KB`).join(', ')}`);
      const kb = gzipKb(app);
      console.log(
        `      portal first screen: boot script ${bootKb.toFixed(2)} KB gzip; the app at the first touch: ${app.length} files, ${kb.toFixed(1)} KB gzip (limit ${FIRST_SCREEN_JS_LIMIT_KB} KB)`,
      );
      await fresh.close();
      assert(!app.some((p) => /\/(AppLayout|HomePage|Chart)-/.test(p)), `the workbench or charts were loaded: ${app.join(', ')}`);
      assert(kb <= FIRST_SCREEN_JS_LIMIT_KB, `the portal's JS ${kb.toFixed(1)} KB gzip > ${FIRST_SCREEN_JS_LIMIT_KB} KB`);
    },
  );

  await check(
    'a scenario tile and the search box lead to solutions; a solution page shows provider, price, cases, similar ones',
    async () => {
      await page.goto(`${base}/`);
      const tile = page.getByTestId('tile-scenario').first();
      const scenario = (await tile.locator('.portal-tile-name').innerText()).trim();
      await tile.click();
      await page.waitForURL((url) => url.pathname === '/solutions' && url.searchParams.has('scenario'));
      await page.getByTestId('solution-card').first().waitFor();
      await page.locator('.ant-select-selection-item', { hasText: scenario }).first().waitFor();
      // The app arrives late (as on a slow phone): what is typed before it is live gets suggestions too.
      const entry = /\/assets\/index-[^/]*\.js$/;
      await page.route(entry, async (route) => {
        await sleep(1_500);
        await route.continue();
      });
      await page.goto(`${base}/`);
      const box = page.getByTestId('portal-search');
      // The lexicon's suggestions arrive as the box's completions.
      await box.pressSequentially('设备');
      await page.getByTestId('portal-suggestions').locator('option').first().waitFor({ state: 'attached' });
      // The same on the search page's own box, server-rendered too.
      await page.goto(`${base}/solutions`);
      await page.getByTestId('solution-search').pressSequentially('设备');
      await page.locator('.ant-select-dropdown .ant-select-item-option').first().waitFor();
      await page.unroute(entry);
      await page.goto(`${base}/`);
      await box.fill('电费太贵 怎么省电');
      await box.press('Enter');
      await page.waitForURL((url) => url.pathname === '/solutions' && url.searchParams.get('q') === '电费太贵 怎么省电');
      const first = page.getByTestId('solution-card').first();
      await first.waitFor();
      await first.locator('.ant-card-head-title a').click();
      await page.waitForURL(/\/solutions\/[0-9a-f-]{36}$/);
      solutionPath = new URL(page.url()).pathname;
      await page.getByText('部署周期', { exact: true }).waitFor();
      const title = (await page.locator('.ant-card-head-title').first().innerText()).split('\n')[0].trim();
      await page.getByRole('button', { name: '登录后邀请投标' }).waitFor();
      await page.getByTestId('similar-solutions').waitFor();
      assert((await page.title()).startsWith(title), `the page title names the solution "${title}": ${await page.title()}`);
      const description = await page.locator('meta[name=description]').getAttribute('content');
      assert(description && description.length > 10, 'the page has a description');
      await page.screenshot({ path: join(RESULTS, 'portal-solution-desktop.png'), fullPage: true });
      // Its provider: record, cases, published solutions.
      await page.locator('.ant-descriptions-item-content a[href^="/providers/"]').first().click();
      await page.waitForURL(/\/providers\/[0-9a-f-]{36}$/);
      await page.getByText('验收通过率').waitFor();
    },
  );

  await check(
    'the portal’s pages arrive rendered by the server: content, title and description in the HTML; 404 for a missing one',
    async () => {
      assert(solutionPath, 'a solution was found above');
      const solution = await call(base, 'GET', solutionPath);
      const answer = await fetch(`${base}${solutionPath}`);
      const html = await answer.text();
      assert(answer.status === 200 && /text\/html/.test(answer.headers.get('content-type') ?? ''), `GET ${solutionPath}: ${answer.status}`);
      const text = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
      for (const [what, value] of [
        ['title', solution.title],
        ['summary', solution.summary],
        ['provider', solution.providerName],
      ]) {
        assert(html.includes(text(value)), `the HTML carries the solution's ${what} (${value})`);
      }
      assert(html.includes(`<title>${text(solution.title)} - `), 'the HTML’s <title> names the solution');
      assert(/<meta name="description" content="[^"]{10,}"/.test(html), 'the HTML has a description');
      assert(/id="smedx-boot"/.test(html) && !/<link rel="modulepreload"/.test(html), 'the page loads the boot script, not the app');
      // The data the page was drawn with, for the browser's hydration: public fields only.
      const data = /<script type="application\/json" id="ssr-data">([^<]*)<\/script>/.exec(html);
      assert(data, 'the page carries the answers it was rendered with');
      assert(!/contact|mobile|email|revenue|bidPrice|privateDetails/i.test(data[1]), 'no private field in the page’s data');
      const missing = await fetch(`${base}/solutions/00000000-0000-4000-8000-000000000000`);
      assert(missing.status === 404 && (await missing.text()).includes('方案不存在或已下架'), `a missing solution: ${missing.status}`);
      const search = await (await fetch(`${base}/solutions?q=${encodeURIComponent('设备联网')}`)).text();
      assert((search.match(/data-testid="solution-card"/g) ?? []).length > 0, 'the search page’s HTML lists results');
    },
  );

  await check('the need hall lists published needs; a need shows its public fields and a sign-in call to bid', async () => {
    await page.goto(`${base}/needs`);
    const card = page.getByTestId('need-card').first();
    await card.waitFor();
    await card.locator('.ant-card-head-title a').click();
    await page.waitForURL(/\/needs\/[0-9a-f-]{36}$/);
    await page.getByText('需求描述').waitFor();
    await page.getByRole('button', { name: '服务商登录后投标' }).waitFor();
    assert((await page.getByText('详细资料（经企业授权可见）').count()) === 0, 'no private details for a visitor');
    assert((await page.getByRole('tab', { name: /投标/ }).count()) === 0, 'no bids tab for a visitor');
  });

  await check('events and the policy page are open; the official text is one click away', async () => {
    await page.goto(`${base}/events`);
    const row = page.getByTestId('event-list').locator('.ant-table-row').first();
    await row.waitFor();
    await page.goto(`${base}/policy`);
    await page.getByRole('heading', { name: /政策解读/ }).waitFor();
    await page.getByText('最高 ¥50万元').first().waitFor();
    await page.getByRole('link', { name: '阅读政策原文 ›' }).click();
    await page.waitForURL('**/policy/official');
    await page.getByTestId('policy-official').filter({ hasText: '第四条' }).waitFor();
  });

  await check('a private page sends a visitor to sign in, and back there afterwards', async () => {
    await page.goto(`${base}/projects`);
    await page.waitForURL('**/login');
    await page.getByText('演示账号').waitFor();
  });

  await check('no console error, page error or refused request on any page the visitor opened (1440 px)', async () => {
    assert(problems.length === 0, problems.join(' | '));
  });

  // ── The phone ────────────────────────────────────────────────────────────
  const phone = await launchBrowser({ viewport: PHONE, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
  const mobile = phone.pages()[0] ?? (await phone.newPage());
  setCurrentPage(mobile);
  const phoneProblems = [];
  watch(mobile, phoneProblems);

  await check('at 390 px the portal fits the screen: one-line header, a drawer menu, stacked sections', async () => {
    await mobile.goto(`${base}/`);
    await mobile.getByTestId('featured-solutions').getByTestId('solution-card').first().waitFor();
    await noSidewaysScroll(mobile, 'portal home');
    const header = await mobile.locator('.portal-header').boundingBox();
    assert(header && header.height <= 64, `the header is one line (${header?.height} px)`);
    await mobile.getByTestId('portal-menu-button').click();
    const drawer = mobile.getByTestId('portal-drawer');
    await drawer.getByText('需求大厅').waitFor();
    await mobile.screenshot({ path: join(RESULTS, 'portal-home-phone-menu.png') });
    await drawer.getByText('需求大厅').click();
    await mobile.waitForURL('**/needs');
    await mobile.getByTestId('need-card').first().waitFor();
    await noSidewaysScroll(mobile, 'need hall');
    await mobile.goto(`${base}/`);
    await mobile.getByTestId('featured-solutions').getByTestId('solution-card').first().waitFor();
    await mobile.screenshot({ path: join(RESULTS, 'portal-home-phone.png'), fullPage: true });
  });

  await check('at 390 px search shows the first result on the first screen; the filters wait in a drawer', async () => {
    await mobile.goto(`${base}/solutions?q=${encodeURIComponent('设备联网')}`);
    const first = mobile.getByTestId('solution-card').first();
    await first.waitFor();
    const box = await first.boundingBox();
    assert(box && box.y < PHONE.height, `the first result starts at ${box?.y} px, below the first screen`);
    await noSidewaysScroll(mobile, 'search');
    await mobile.getByTestId('filters-button').click();
    await mobile.getByTestId('filters-drawer').getByText('适用数字化水平').waitFor();
    await mobile.screenshot({ path: join(RESULTS, 'portal-search-phone-filters.png') });
    await mobile.keyboard.press('Escape');
    await mobile.getByTestId('filters-drawer').waitFor({ state: 'hidden' });
    // The app is live now (the drawer is its): its styles must not widen the page either.
    await noSidewaysScroll(mobile, 'search, the app live');
    assert(solutionPath, 'a solution was found on the desktop');
    await mobile.goto(`${base}${solutionPath}`);
    await mobile.getByText('部署周期', { exact: true }).waitFor();
    await noSidewaysScroll(mobile, 'solution page');
    await mobile.screenshot({ path: join(RESULTS, 'portal-solution-phone.png'), fullPage: true });
  });

  let needPath = null;
  await check(
    'at 390 px the enterprise signs in: a drawer menu, a compact header, the workbench; it publishes a need in one column',
    async () => {
      await signInAt(mobile, base, ENTERPRISE);
      const header = await mobile.locator('.app-header').boundingBox();
      assert(header && header.height <= 64, `the header is one line (${header?.height} px)`);
      assert((await mobile.locator('.ant-layout-sider').count()) === 0, 'no side column on a phone');
      await noSidewaysScroll(mobile, 'workbench');
      await mobile.screenshot({ path: join(RESULTS, 'phone-workbench.png'), fullPage: true });
      await mobile.getByTestId('menu-button').click();
      await mobile.getByTestId('menu-drawer').getByText('发布需求').click();
      await mobile.waitForURL('**/needs/new');
      const form = mobile.locator('form#need');
      await form.locator('#need_title').fill('手机上看车间产量与设备状态（手机端测试）');
      await form.locator('#need_description').fill('老板希望在手机上随时查看各车间当日产量、设备开机率和停机原因，现有 30 台设备。');
      await form.locator('.ant-form-item').filter({ hasText: '需求场景' }).locator('.ant-select-selector').click();
      await mobile.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').first().click();
      await mobile.keyboard.press('Escape');
      await form.locator('#need_budgetWan').fill('20');
      await form.locator('#need_expectedDays').fill('45');
      await fillPicker(form.locator('#need_bidDeadline'), '2030-06-30 18:00');
      await noSidewaysScroll(mobile, 'need form');
      await mobile.screenshot({ path: join(RESULTS, 'phone-need-form.png'), fullPage: true });
      await form.locator('button[type=submit]').click();
      await mobile.waitForURL(/\/needs\/[0-9a-f-]{36}$/);
      // Saved as a draft: published from its page.
      await mobile.locator('.ant-card-head .ant-tag', { hasText: '草稿' }).waitFor();
      await noSidewaysScroll(mobile, 'need page');
      await mobile.getByRole('button', { name: /^发\s*布$/ }).click();
      await mobile.locator('.ant-card-head .ant-tag', { hasText: '征集中' }).waitFor();
      needPath = new URL(mobile.url()).pathname;
    },
  );

  await check('at 390 px the enterprise compares the bids as cards and awards one; the bell shows the news', async () => {
    assert(needPath, 'the need was published');
    const needId = needPath.split('/').pop();
    const provider = await call(base, 'POST', '/auth/login', PROVIDER);
    await call(
      base,
      'POST',
      `/needs/${needId}/bids`,
      { priceFen: 18_000_000, deliveryDays: 40, proposal: '移动端生产看板：设备联网采集开机与产量，手机和大屏同步查看，两周上线。' },
      provider.accessToken,
    );
    await mobile.goto(`${base}${needPath}`);
    await mobile.getByRole('tab', { name: /投标对比（1）/ }).click();
    const card = mobile.locator('.card-table-row').first();
    await card.waitFor();
    await card.getByText('¥18万元').first().waitFor();
    await noSidewaysScroll(mobile, 'bid comparison');
    await mobile.screenshot({ path: join(RESULTS, 'phone-bid-cards.png'), fullPage: true });
    await card.getByRole('button', { name: '选定中标' }).click();
    await mobile.locator('.ant-popconfirm').getByRole('button', { name: '确定中标' }).click();
    await mobile.waitForURL(/\/projects\/[0-9a-f-]{36}$/);
    await noSidewaysScroll(mobile, 'project page');
    await mobile.getByTestId('notification-bell').click();
    await mobile.getByTestId('notification-item').first().waitFor();
    await mobile.screenshot({ path: join(RESULTS, 'phone-notifications.png') });
  });

  await check('no console error, page error or refused request on any page at 390 px', async () => {
    assert(phoneProblems.length === 0, phoneProblems.join(' | '));
  });
}

await runSuite('portal', main);

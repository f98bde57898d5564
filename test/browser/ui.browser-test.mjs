/* global fetch, URL, localStorage, window, document, MutationObserver */
/**
 * Browser test of the web UI: starts the built API (which serves apps/web/dist) on a
 * free port with a fresh SQLite data directory, drives Debian's Chromium through
 * playwright-core, and prints `browser: N passed, M failed` last.
 *
 * Needs `npm run build` first (API and web bundle). Environment:
 *   CHROMIUM_PATH   the browser (default /usr/bin/chromium)
 *   RESULTS_DIR     where screenshots go (default test-results)
 */
import { Buffer } from 'node:buffer';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  ADMIN,
  DEMO,
  DEMO_PASSWORD,
  RESULTS,
  ROOT,
  TAXONOMY,
  assert,
  attachLicence,
  call,
  check,
  fillPicker,
  freshLogin,
  launchBrowser,
  pick,
  runSuite,
  setCurrentPage,
  settled,
  signIn,
  signOut,
  sleep,
  startApp,
  waitForSearch,
} from './harness.mjs';

/**
 * What the UI checks need: a city officer and a pending provider (always created here),
 * and a published solution — the demo seeder provides them; without it, an approved
 * provider's member publishes one.
 */
async function prepare(base, adminToken) {
  const { makeUscc } = await import(pathToFileURL(TAXONOMY).href);
  const taxonomies = await call(base, 'GET', '/taxonomies');
  const stamp = Date.now() % 1_000_000;
  const officer = { email: `officer-${stamp}@browser.test`, password: 'browser-pass-2024' };
  const officerSession = await call(base, 'POST', '/auth/register', { ...officer, displayName: '市工信局测试员' });
  await call(base, 'POST', `/admin/users/${officerSession.user.id}/roles`, { role: 'city_officer' }, adminToken);
  // A role grant revokes the tokens issued before it: sign in again.
  officerSession.accessToken = (await call(base, 'POST', '/auth/login', officer)).accessToken;
  const newProvider = async (n, name) => {
    const member = await call(base, 'POST', '/auth/register', {
      email: `provider-${n}-${stamp}@browser.test`,
      password: 'browser-pass-2024',
      displayName: '服务商测试员',
    });
    const provider = await call(
      base,
      'POST',
      '/providers',
      {
        name,
        uscc: makeUscc(700_000 + stamp * 2 + n),
        kind: 'product',
        districts: [taxonomies.districts[0].code],
        description: '浏览器测试用服务商',
      },
      member.accessToken,
    );
    await attachLicence(base, provider.id, member.accessToken);
    return { member, provider };
  };
  const pending = await newProvider(1, `沈阳待遴选测试科技有限公司${stamp}`);

  // A provider that bids through the UI: approved, with one published solution to attach to its bid.
  const bidderAccount = { email: `bidder-${stamp}@browser.test`, password: 'browser-pass-2024' };
  const bidderSession = await call(base, 'POST', '/auth/register', { ...bidderAccount, displayName: '投标测试员' });
  const bidderProvider = await call(
    base,
    'POST',
    '/providers',
    {
      name: `沈阳投标测试智能科技有限公司${stamp}`,
      uscc: makeUscc(5_000_000 + stamp),
      kind: 'integrator',
      districts: taxonomies.districts.slice(0, 8).map((d) => d.code),
      description: '浏览器测试用服务商：设备联网与生产管理系统集成',
    },
    bidderSession.accessToken,
  );
  await attachLicence(base, bidderProvider.id, bidderSession.accessToken);
  await call(
    base,
    'POST',
    `/providers/${bidderProvider.id}/selection`,
    { decision: 'approve', reason: '浏览器测试：资质齐全' },
    officerSession.accessToken,
  );
  const bidderSolution = await call(
    base,
    'POST',
    '/solutions',
    {
      providerId: bidderProvider.id,
      title: `数控车间设备联网与排产一体化方案${stamp}`,
      summary: '设备联网采集、OEE统计与APS排产，适合数控机床车间。',
      description: '边缘网关接入数控系统，采集设备状态与加工节拍，提供OEE看板、计划排程与移动端查看。',
      scenarios: [taxonomies.scenarios[4].code],
      industries: [taxonomies.industries[1].code],
      priceMinFen: 10_000_000,
      priceMaxFen: 40_000_000,
      deployDays: 45,
      deliveryMode: 'hybrid',
      levels: [1, 2],
    },
    bidderSession.accessToken,
  );
  await call(base, 'POST', `/solutions/${bidderSolution.id}/publish`, {}, bidderSession.accessToken);
  const bidder = {
    ...bidderAccount,
    providerId: bidderProvider.id,
    providerName: bidderProvider.name,
    solutionId: bidderSolution.id,
    solutionTitle: bidderSolution.title,
  };

  // An assessor (过程监测, 验收测评).
  const assessor = { email: `assessor-${stamp}@browser.test`, password: 'browser-pass-2024' };
  const assessorSession = await call(base, 'POST', '/auth/register', { ...assessor, displayName: '评估机构测试员' });
  await call(base, 'POST', `/admin/users/${assessorSession.user.id}/roles`, { role: 'assessor' }, adminToken);

  const fixtures = { taxonomies, officer, pendingProvider: pending.provider.name, makeUscc, stamp, bidder, assessor };

  const published = await call(base, 'GET', '/solutions?pageSize=1', undefined, adminToken);
  if (published.total > 0) return { ...fixtures, seeded: false, title: published.items[0].title };
  const { member, provider } = await newProvider(0, '沈阳浏览器测试数字科技有限公司');
  await call(
    base,
    'POST',
    `/providers/${provider.id}/selection`,
    { decision: 'approve', reason: '浏览器测试：资质齐全' },
    officerSession.accessToken,
  );
  const title = '机床车间设备联网与OEE看板';
  const solution = await call(
    base,
    'POST',
    '/solutions',
    {
      providerId: provider.id,
      title,
      summary: '边缘网关即插即用采集设备状态，两周上线OEE看板与停机分析。',
      description: '面向机床企业，采集数控系统运行数据，实时计算开机率、稼动率与停机原因。',
      scenarios: [taxonomies.scenarios[0].code],
      industries: [taxonomies.industries[0].code],
      priceMinFen: 2_000_000,
      priceMaxFen: 15_000_000,
      deployDays: 14,
      deliveryMode: 'saas',
      levels: [1, 2],
    },
    member.accessToken,
  );
  await call(base, 'POST', `/solutions/${solution.id}/publish`, {}, member.accessToken);
  return { ...fixtures, seeded: true, title };
}

async function main() {
  const base = await startApp();
  const admin = await call(base, 'POST', '/auth/login', ADMIN);
  const seeded = await prepare(base, admin.accessToken);
  await waitForSearch(base, admin.accessToken);
  console.log(`catalogue: ${seeded.seeded ? 'one solution published by this test' : 'demo data present'}; search index ready`);

  const context = await launchBrowser();
  const page = context.pages()[0] ?? (await context.newPage());
  setCurrentPage(page);
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));

  await check('a visitor opens the portal; 登录 leads to the login page with the demo accounts hint', async () => {
    await page.goto(`${base}/`);
    await page.getByRole('heading', { name: '找到适合您工厂的数字化转型方案' }).waitFor();
    await page
      .locator('.portal-header')
      .getByRole('button', { name: /登\s*录/ })
      .click();
    await page.waitForURL('**/login');
    await page.getByText('演示账号').waitFor();
    await page.getByText(DEMO_PASSWORD).waitFor();
    await page.screenshot({ path: join(RESULTS, 'ui-login.png') });
  });

  await check('a wrong password shows the message in Chinese', async () => {
    await page.locator('#email').fill(ADMIN.email);
    await page.locator('#password').fill('not-the-password');
    await page.locator('button[type=submit]').click();
    await page.locator('.ant-notification-notice').filter({ hasText: '邮箱或密码错误' }).waitFor();
    assert(!(await page.locator('.ant-notification-notice').first().innerText()).includes('wrong e-mail'), 'no English message shown');
    assert(new URL(page.url()).pathname === '/login', 'stayed on the login page');
  });

  await check('admin logs in; the side menu shows 用户与角色 and 后台任务', async () => {
    await page.locator('#password').fill(ADMIN.password);
    await page.locator('button[type=submit]').click();
    const menu = page.locator('.ant-layout-sider .ant-menu');
    await menu.getByText('用户与角色').waitFor();
    await menu.getByText('后台任务').waitFor();
    await menu.getByText('审计日志').waitFor();
    const token = await page.evaluate(() => localStorage.getItem('smedx.accessToken'));
    assert(token && token.length > 20, 'the bearer token is kept in localStorage');
  });

  await check('home dashboard shows the counts and a chart', async () => {
    await page.getByText('已发布“小快轻准”方案').waitFor();
    const value = await page.locator('[data-testid=stat-solutions] .ant-statistic-content-value').innerText();
    assert(Number(value.replace(/,/g, '')) >= 1, `published solutions counted: ${value}`);
    await page.locator('canvas').first().waitFor();
    await page.screenshot({ path: join(RESULTS, 'ui-home.png') });
  });

  await check('solutions catalogue renders solution cards', async () => {
    await page.locator('.ant-layout-sider .ant-menu').getByText('解决方案目录').click();
    await page.waitForURL('**/solutions');
    const cards = page.locator('[data-testid=solution-card]');
    await cards.first().waitFor();
    assert((await cards.count()) >= 1, 'at least one card');
    const text = await cards.first().innerText();
    assert(/¥[\d,.]+(万)?元/.test(text), `a card shows its price in 元/万元: ${text.slice(0, 120)}`);
    await page.locator('.ant-spin-spinning').waitFor({ state: 'detached' });
    await page.screenshot({ path: join(RESULTS, 'ui-solutions.png'), fullPage: true });
  });

  await check('full-text search highlights the matched words', async () => {
    const word = seeded.seeded ? '设备联网' : seeded.title.slice(0, 2);
    // antd puts the test id on the <input> of Input.Search.
    const box = page.getByTestId('solution-search');
    await box.fill(word);
    await box.press('Enter');
    await page.waitForURL((url) => url.searchParams.get('q') === word);
    await page.locator('[data-testid=solution-card] .hl em').first().waitFor();
    await page.screenshot({ path: join(RESULTS, 'ui-search.png'), fullPage: true });
  });

  await check('filters show facet counts and narrow the catalogue (price in 万元 → fen)', async () => {
    await page.goto(`${base}/solutions`);
    await page.locator('[data-testid=solution-card]').first().waitFor();
    const industry = page.locator('.ant-form-item').filter({ has: page.locator('label', { hasText: '行业' }) });
    await industry.locator('.ant-select-selector').click();
    const option = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').first();
    assert(/（\d+）$/.test(await option.innerText()), 'options carry facet counts');
    await page.keyboard.press('Escape');
    const price = page
      .locator('.ant-form-item')
      .filter({ has: page.locator('label', { hasText: '最高价格' }) })
      .locator('input');
    await price.fill('0.01');
    await price.press('Enter');
    await page.waitForURL((url) => url.searchParams.get('priceMaxFen') === '10000');
    await page.getByText('没有符合条件的方案').waitFor();
    await page.goto(`${base}/solutions`);
    await page.locator('[data-testid=solution-card]').first().waitFor();
  });

  await check('a card opens the solution detail page', async () => {
    await page.locator('[data-testid=solution-card] .ant-card-head-title a').first().click();
    await page.waitForURL(/\/solutions\/[0-9a-f-]{36}$/);
    await page.getByRole('tab', { name: '方案详情' }).waitFor();
    await page.getByText('部署周期').waitFor();
    await page.screenshot({ path: join(RESULTS, 'ui-solution-detail.png'), fullPage: true });
  });

  await check('a client-side route survives a reload (SPA fallback)', async () => {
    await page.reload();
    await page.getByRole('tab', { name: '方案详情' }).waitFor();
  });

  await check('needs hall loads', async () => {
    await page.locator('.ant-layout-sider .ant-menu').getByText('需求大厅').click();
    await page.waitForURL('**/needs');
    await page.getByRole('heading', { name: '需求大厅' }).waitFor();
    await page.locator('[data-testid=need-card], .ant-empty').first().waitFor();
  });

  await check('admin lists users and roles', async () => {
    await page.locator('.ant-layout-sider .ant-menu').getByText('用户与角色').click();
    await page.waitForURL('**/admin/users');
    // Demo data brings many users: find the admin by e-mail.
    await page.getByPlaceholder('按邮箱或姓名查找').fill(ADMIN.email);
    await page.getByPlaceholder('按邮箱或姓名查找').press('Enter');
    await page.locator('.ant-table-row').filter({ hasText: ADMIN.email }).waitFor();
    await page.locator('.ant-table-row').filter({ hasText: ADMIN.email }).locator('.ant-tag', { hasText: '平台管理员' }).waitFor();
    await page.screenshot({ path: join(RESULTS, 'ui-admin-users.png') });
  });

  await check('admin sees the background jobs page', async () => {
    await page.locator('.ant-layout-sider .ant-menu').getByText('后台任务').click();
    await page.waitForURL('**/admin/jobs');
    await page.getByRole('tab', { name: /失败/ }).waitFor();
    await page.locator('.ant-table').waitFor();
  });

  await check('audit log lists the role grant by its Chinese name and the operator by name', async () => {
    await page.locator('.ant-layout-sider .ant-menu').getByText('审计日志').click();
    await page.waitForURL('**/audit');
    const row = page.locator('.ant-table-row').filter({ hasText: '授予角色' }).first();
    await row.waitFor();
    assert(!(await row.textContent()).includes('role.granted'), 'no action code shown');
    assert((await row.textContent()).includes('平台管理员'), `the operator by name: ${await row.textContent()}`);
  });

  const side = page.locator('.ant-layout-sider .ant-menu');

  await check('sign-out from the user menu returns to the login page', async () => {
    await signOut(page);
    assert((await page.evaluate(() => localStorage.getItem('smedx.accessToken'))) === null, 'the token is dropped');
  });

  await check('a city officer approves a pending provider with a reason (服务商遴选)', async () => {
    await signIn(page, seeded.officer.email, seeded.officer.password);
    assert(!(await side.getByText('用户与角色').count()), 'no admin items for an officer');
    await side.getByText('服务商遴选').click();
    await page.waitForURL('**/selection');
    const row = page.locator('.ant-table-row').filter({ hasText: seeded.pendingProvider });
    // This browser asks for reduced motion (launchBrowser): the dialog must open without antd's zoom.
    await page.evaluate(() => {
      window.smedxMotionSeen = false;
      const look = () => {
        // rc-motion still runs a dialog's prepare step (it places the zoom's origin); the zoom itself is the active step.
        if (document.querySelector('.ant-zoom-appear-active, .ant-zoom-enter-active')) window.smedxMotionSeen = true;
      };
      window.smedxMotionWatch = new MutationObserver(look);
      window.smedxMotionWatch.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['class'] });
    });
    await row
      .getByRole('button', { name: /通\s*过/ })
      .first()
      .click();
    const modal = page.locator('.ant-modal').filter({ hasText: seeded.pendingProvider });
    await modal.locator('#decision_reason').fill('资质齐全，同意入选');
    const zoomed = await page.evaluate(() => {
      // Watched for this dialog only, not for the rest of the journey.
      window.smedxMotionWatch.disconnect();
      return window.smedxMotionSeen;
    });
    assert(!zoomed, 'the dialog zoomed in although reduced motion is asked for');
    await modal.locator('.ant-modal-footer .ant-btn-primary').click();
    await row.waitFor({ state: 'detached' });
    await page.getByRole('tab', { name: '已入选' }).click();
    await page.locator('.ant-table-row').filter({ hasText: seeded.pendingProvider }).waitFor();
    await page.screenshot({ path: join(RESULTS, 'ui-selection.png') });
    await signOut(page);
  });

  let needPath = null;
  const user = {
    email: `ui-user-${seeded.stamp}@browser.test`,
    password: 'browser-pass-2024',
    name: `沈阳界面测试机床有限公司${seeded.stamp}`,
  };

  await check('a new user registers through the UI and sees no officer or admin items', async () => {
    // The check before signs out at its end; if it failed midway, the journey goes on from the login page.
    if (!new URL(page.url()).pathname.startsWith('/login')) await freshLogin(page, base);
    await page.getByRole('tab', { name: '注册' }).click();
    await page.waitForURL('**/register');
    await page.locator('#email').fill(user.email);
    await page.locator('#displayName').fill('界面测试员');
    await page.locator('#password').fill(user.password);
    await page.locator('button[type=submit]').click();
    await side.getByText('解决方案目录').waitFor();
    for (const hidden of ['用户与角色', '服务商遴选', '审计日志', '发布需求'])
      assert(!(await side.getByText(hidden).count()), `no ${hidden}`);
  });

  await check('registering an enterprise shows the API reason for a bad USCC, then succeeds; 发布需求 appears', async () => {
    await side.getByText('我的企业/服务商').click();
    await page.waitForURL('**/organisation');
    await page.getByRole('button', { name: '登记企业' }).click();
    const modal = page.locator('.ant-modal').filter({ hasText: '登记企业' });
    await modal.locator('#enterprise_name').fill(user.name);
    const uscc = seeded.makeUscc(900_000 + seeded.stamp);
    const charset = '0123456789ABCDEFGHJKLMNPQRTUWXY';
    const wrongCheck = uscc.slice(0, 17) + charset[(charset.indexOf(uscc[17]) + 1) % charset.length];
    await modal.locator('#enterprise_uscc').fill(wrongCheck);
    await pick(page, modal, '所属行业', seeded.taxonomies.industries[1].name);
    await pick(page, modal, '所在区县', seeded.taxonomies.districts[6].name);
    await modal.locator('.ant-modal-footer .ant-btn-primary').click();
    await page.locator('.ant-notification-notice').filter({ hasText: '校验位错误' }).waitFor();
    await modal.locator('#enterprise_uscc').fill(uscc);
    await modal.locator('.ant-modal-footer .ant-btn-primary').click();
    await page.locator('.ant-card-head').filter({ hasText: user.name }).waitFor();
    await side.getByText('发布需求').waitFor();
    // The empty 征集中 tab says what is missing and offers the next step.
    const empty = page.locator('.ant-table-placeholder', { hasText: '暂无征集中的需求' }).first();
    await empty.waitFor();
    await empty.getByRole('link', { name: /发布需求/ }).waitFor();
    await page.screenshot({ path: join(RESULTS, 'ui-organisation.png'), fullPage: true });
  });

  await check('a need is drafted through the form, published, and shown in Shanghai time', async () => {
    await side.getByText('发布需求').click();
    await page.waitForURL('**/needs/new');
    const form = page.locator('form#need');
    // The user's one enterprise is preselected once it has loaded.
    await form.locator('.ant-select-selection-item', { hasText: user.name }).waitFor();
    await form.locator('#need_title').fill('数控机床车间排产与设备联网改造');
    await form.locator('#need_description').fill('现有 40 台数控机床，希望实现设备联网、OEE 统计与计划排程，支持移动端查看。');
    await pick(page, form, '需求场景', seeded.taxonomies.scenarios[4].name);
    await form.locator('#need_budgetWan').fill('30');
    await form.locator('#need_expectedDays').fill('60');
    await fillPicker(form.locator('#need_bidDeadline'), '2030-06-30 18:00');
    await form.locator('button[type=submit]').click();
    await page.waitForURL(/\/needs\/[0-9a-f-]{36}$/);
    await page.getByText('¥30万元').waitFor();
    await page.getByText('2030-06-30 18:00').waitFor();
    await page.getByRole('button', { name: /发\s*布/ }).click();
    await page.locator('.ant-card-head .ant-tag', { hasText: '征集中' }).waitFor();
    needPath = new URL(page.url()).pathname;
    await page.screenshot({ path: join(RESULTS, 'ui-need-detail.png'), fullPage: true });
  });

  await check('the 匹配方案 tab ranks solutions with score bars and reasons', async () => {
    assert(needPath, 'the need was created');
    const token = await page.evaluate(() => localStorage.getItem('smedx.accessToken'));
    const deadline = Date.now() + 20_000;
    for (;;) {
      // Matches are computed by a background job after publishing.
      const res = await fetch(`${base}/api/v1${needPath}/matches`, { headers: { authorization: `Bearer ${token}` } });
      assert(res.ok, `matches answered ${res.status}`);
      if ((await res.json()).items?.length) break;
      assert(Date.now() < deadline, 'no matches within 20 s');
      await sleep(500);
    }
    await page.goto(`${base}${needPath}`);
    await page.getByRole('tab', { name: /匹配方案/ }).click();
    const first = page.locator('[data-testid=match-item]').first();
    await first.waitFor();
    await first.locator('.ant-progress').waitFor();
    await first.locator('li').first().waitFor();
    await page.screenshot({ path: join(RESULTS, 'ui-matches.png'), fullPage: true });
  });

  await check('the published need reaches the needs hall', async () => {
    const deadline = Date.now() + 15_000;
    for (;;) {
      // Newest first, so demo needs do not push it off the first page.
      await page.goto(`${base}/needs?sort=newest`);
      await page.locator('[data-testid=need-card], .ant-empty').first().waitFor();
      if (await page.locator('[data-testid=need-card]', { hasText: '数控机床车间排产' }).count()) break;
      assert(Date.now() < deadline, 'the need did not show up in the hall within 15 s');
      await sleep(500);
    }
    await page.locator('.ant-spin-spinning').waitFor({ state: 'detached' });
    await page.screenshot({ path: join(RESULTS, 'ui-needs.png'), fullPage: true });
  });

  const bidder = seeded.bidder;
  let bidPlaced = false;
  let projectPath = null;

  await check('a provider bids on the published need through the UI (报价 in 万元), then revises it', async () => {
    assert(needPath, 'the need was created');
    await signOut(page);
    await signIn(page, bidder.email, bidder.password);
    await side.getByText('改造项目').waitFor();
    await page.goto(`${base}${needPath}`);
    await page.getByRole('tab', { name: '投标', exact: true }).click();
    const form = page.locator('form#bid');
    await form.locator('#bid_priceWan').fill('26');
    await form.locator('#bid_deliveryDays').fill('45');
    await pick(page, form, '关联方案', bidder.solutionTitle);
    await form.locator('#bid_proposal').fill('第一阶段完成40台数控机床联网与OEE看板，第二阶段上线APS排产，驻场实施并提供一年运维。');
    await form.locator('button[type=submit]').click();
    const own = page.getByTestId('own-bid');
    await own.locator('.ant-tag', { hasText: '已投标' }).waitFor();
    await own.getByTestId('own-bid-price').filter({ hasText: '¥26万元' }).waitFor();
    await own.getByRole('link', { name: bidder.solutionTitle }).waitFor();
    bidPlaced = true;
    // The sealed bid is revised before the deadline: a new version, the old terms kept in its history.
    await own.getByRole('button', { name: '修改投标' }).click();
    await own.locator('#reviseBid_priceWan').fill('24');
    await own.locator('#reviseBid_note').fill('优化实施方案，下调报价');
    await own.locator('button[type=submit]').click();
    await own.getByTestId('own-bid-price').filter({ hasText: '¥24万元' }).waitFor();
    await own.locator('.ant-tag', { hasText: '第 2 版' }).waitFor();
    await page.getByRole('tab', { name: /我的投标（1）/ }).waitFor();
    await page.screenshot({ path: join(RESULTS, 'ui-bid.png'), fullPage: true });
  });

  await check('the provider sees the need under 匹配需求 on its own solution', async () => {
    assert(needPath, 'the need was created');
    const token = await page.evaluate(() => localStorage.getItem('smedx.accessToken'));
    const needId = needPath.split('/').pop();
    const deadline = Date.now() + 20_000;
    for (;;) {
      // The need reaches the matcher's index through a background job.
      const res = await fetch(`${base}/api/v1/solutions/${bidder.solutionId}/matches`, { headers: { authorization: `Bearer ${token}` } });
      assert(res.ok, `matches answered ${res.status}`);
      if ((await res.json()).items?.some((m) => m.id === needId)) break;
      assert(Date.now() < deadline, 'the need is not among the matches within 20 s');
      await sleep(500);
    }
    await page.goto(`${base}/solutions/${bidder.solutionId}`);
    await page.getByRole('tab', { name: /匹配需求/ }).click();
    const item = page.locator('[data-testid=match-item]').filter({ hasText: '数控机床车间排产' });
    await item.waitFor();
    await item.locator('.ant-progress').waitFor();
    await item.getByText(user.name).waitFor();
    await page.screenshot({ path: join(RESULTS, 'ui-solution-matches.png'), fullPage: true });
  });

  await check('the enterprise compares bids with the 预估 subsidy, shortlists and awards; the project page opens', async () => {
    assert(bidPlaced, 'a bid was placed');
    await signOut(page);
    await signIn(page, user.email, user.password);
    await page.goto(`${base}${needPath}`);
    await page.getByRole('tab', { name: /投标对比（1）/ }).click();
    const row = page.locator('.ant-table-row').filter({ hasText: bidder.providerName });
    await row.waitFor();
    await page.locator('.ant-alert', { hasText: '补贴为预估' }).waitFor();
    await row.locator('.ant-tag', { hasText: '补贴为预估' }).waitFor();
    // 50% of the revised ¥24万元 price, well under the ¥50万元 cap.
    await row.getByTestId('bid-subsidy').filter({ hasText: '¥12万元' }).waitFor();
    await row.locator('.ant-progress').waitFor();
    await row.getByRole('button', { name: /入\s*围/ }).click();
    await row.locator('.ant-tag', { hasText: '已入围' }).waitFor();
    await page.screenshot({ path: join(RESULTS, 'ui-bid-comparison.png'), fullPage: true });
    await row.getByRole('button', { name: '选定中标' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: '确定中标' }).click();
    await page.waitForURL(/\/projects\/[0-9a-f-]{36}$/);
    projectPath = new URL(page.url()).pathname;
    await page.getByTestId('project-price').filter({ hasText: '¥24万元' }).waitFor();
    const words = await page.getByTestId('project-price-words').innerText();
    assert(words.includes('贰拾肆万元整'), `the price in capital numerals: ${words}`);
    await page.getByText(bidder.providerName).first().waitFor();
    await page.screenshot({ path: join(RESULTS, 'ui-project.png'), fullPage: true });
  });

  await check('the parties run the project: a milestone starts, a 服务跟踪 entry is written', async () => {
    assert(projectPath, 'the project was created');
    await page.getByRole('tab', { name: /里程碑/ }).click();
    const first = page.locator('.ant-tabs-tabpane-active .ant-table-row').first();
    await first.locator('.ant-tag', { hasText: '未开始' }).waitFor();
    await first.getByRole('button', { name: /开\s*始/ }).click();
    await first.locator('.ant-tag', { hasText: '进行中' }).waitFor();
    await page.screenshot({ path: join(RESULTS, 'ui-project-milestones.png'), fullPage: true });
    await page.getByRole('tab', { name: '服务跟踪' }).click();
    const form = page.locator('form#projectLog');
    await form.locator('#projectLog_content').fill('完成现场调研，确认40台设备的数控系统型号与联网方式。');
    await form.locator('button[type=submit]').click();
    await page.getByTestId('project-log').filter({ hasText: '完成现场调研' }).waitFor();
    await page.getByTestId('project-log').filter({ hasText: '企业方' }).first().waitFor();
    await page.screenshot({ path: join(RESULTS, 'ui-project-log.png'), fullPage: true });
  });

  await check('the enterprise uploads acceptance evidence with progress (a PDF and an image) and previews both', async () => {
    assert(projectPath, 'the project was created');
    const { samplePdf, samplePng } = await import(pathToFileURL(join(ROOT, 'dist/libs/documents/src/sample-files.js')).href);
    await page.getByRole('tab', { name: '验收材料' }).click();
    const checklist = page.getByTestId('document-checklist');
    await checklist.locator('.ant-alert', { hasText: '缺少必需材料：测试报告、数据贯通证明' }).waitFor();
    // The progress bar is seen by an observer set up before the upload (a small file finishes fast).
    await page.evaluate(() => {
      window.__sawProgress = false;
      new MutationObserver(() => {
        if (document.querySelector('[data-testid=upload-progress]')) window.__sawProgress = true;
      }).observe(document.body, { childList: true, subtree: true });
    });
    const pdf = Buffer.concat([samplePdf('test report'), Buffer.alloc(2 * 1024 * 1024, 0x20)]);
    await page
      .getByTestId('document-kind-test_report')
      .locator('input[type=file]')
      .setInputFiles({ name: '测试报告.pdf', mimeType: 'application/pdf', buffer: pdf });
    await page.getByTestId('document-kind-test_report').getByTestId('document-row').waitFor();
    assert(await page.evaluate(() => window.__sawProgress), 'the upload showed its progress');
    await page
      .getByTestId('document-kind-data_integration')
      .locator('input[type=file]')
      .setInputFiles({ name: '数据贯通截图.png', mimeType: 'image/png', buffer: samplePng([30, 144, 255], 48) });
    await page.getByTestId('document-kind-data_integration').getByTestId('document-row').waitFor();
    await checklist.locator('.ant-alert', { hasText: '缺少必需材料' }).waitFor({ state: 'detached' });
    // A renamed executable is refused with the API's Chinese message.
    await page
      .getByTestId('document-kind-other')
      .locator('input[type=file]')
      .setInputFiles({
        name: '说明.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(256)]),
      });
    await page.locator('.ant-message-notice, .ant-notification-notice').filter({ hasText: '不支持的文件类型' }).first().waitFor();

    await page.getByTestId('document-kind-test_report').getByTestId('document-preview').click();
    const frame = page.getByTestId('document-preview-pdf');
    await frame.waitFor();
    const pdfUrl = await frame.getAttribute('src');
    assert(/sig=/.test(pdfUrl) && /inline=1/.test(pdfUrl), `a signed inline link: ${pdfUrl}`);
    const served = await page.evaluate(async (u) => {
      const r = await fetch(u);
      return { status: r.status, type: r.headers.get('content-type'), disposition: r.headers.get('content-disposition') };
    }, pdfUrl);
    assert(served.status === 200 && served.type === 'application/pdf' && served.disposition.startsWith('inline'), JSON.stringify(served));
    await page.screenshot({ path: join(RESULTS, 'ui-document-preview-pdf.png') });
    await page.locator('.ant-modal').filter({ has: frame }).locator('.ant-modal-close').click();
    await frame.waitFor({ state: 'detached' });
    await page.getByTestId('document-kind-data_integration').getByTestId('document-preview').click();
    const image = page.getByTestId('document-preview-image');
    await image.waitFor();
    await page.waitForFunction(() => {
      const img = document.querySelector('[data-testid=document-preview-image]');
      return img && img.complete && img.naturalWidth === 48;
    });
    await page.screenshot({ path: join(RESULTS, 'ui-document-preview-image.png') });
    // Closed with its close button (Escape reaches the dialog only when the focus is inside it, which an image does not take).
    await page.locator('.ant-modal').filter({ has: image }).locator('.ant-modal-close').click();
    await image.waitFor({ state: 'detached' });
  });

  await check('a published need without bids gets a later bid deadline (延长截止时间)', async () => {
    // Still signed in as the enterprise: a second need, published with no bid on it.
    const token = await page.evaluate(() => localStorage.getItem('smedx.accessToken'));
    const me = await call(base, 'GET', '/auth/me', undefined, token);
    const enterpriseId = me.memberships.find((m) => m.kind === 'enterprise').organisationId;
    const need = await call(
      base,
      'POST',
      '/needs',
      {
        enterpriseId,
        title: '成品仓库条码与库存管理改造',
        description: '成品仓库约2000个库位，希望实现条码出入库与库存实时查询。',
        scenarios: [seeded.taxonomies.scenarios[0].code],
        budgetFen: 8_000_000,
        expectedDays: 30,
        bidDeadline: '2030-01-31T18:00:00+08:00',
      },
      token,
    );
    await call(base, 'POST', `/needs/${need.id}/publish`, {}, token);
    // Where a notification links: the need's page with its bids tab open.
    await page.goto(`${base}/needs/${need.id}/bids`);
    await page.getByRole('tab', { name: /投标对比（0）/, selected: true }).waitFor();
    await page.getByRole('button', { name: '延长截止时间' }).click();
    const modal = page.locator('.ant-modal').filter({ hasText: '延长投标截止时间' });
    await fillPicker(modal.locator('#extend_bidDeadline'), '2030-03-31 18:00');
    await modal.locator('.ant-modal-footer .ant-btn-primary').click();
    await modal.waitFor({ state: 'hidden' });
    await page.getByRole('tab', { name: '需求详情' }).click();
    await page.getByText('2030-03-31 18:00').waitFor();
  });

  await check('the contract opens in a new tab (fetched with the bearer token)', async () => {
    assert(projectPath, 'the project was created');
    await page.goto(`${base}${projectPath}`);
    await page.getByTestId('project-price').waitFor();
    const [tab] = await Promise.all([context.waitForEvent('page'), page.getByTestId('contract-html').click()]);
    try {
      await tab.waitForURL(/^blob:/);
      await tab.getByText('合同编号').first().waitFor();
      await tab.screenshot({ path: join(RESULTS, 'ui-contract.png'), fullPage: true });
    } finally {
      await tab.close();
    }
  });

  await check('an assessor files a 过程监测 report through the UI', async () => {
    assert(projectPath, 'the project was created');
    await signOut(page);
    await signIn(page, seeded.assessor.email, seeded.assessor.password);
    await side.getByText('改造项目').click();
    await page.waitForURL('**/projects');
    await page.getByTestId('project-link').first().waitFor();
    await page.locator('.ant-spin-spinning').waitFor({ state: 'detached' });
    await settled(page.locator('.ant-table'));
    await page.screenshot({ path: join(RESULTS, 'ui-projects.png') });
    await page.goto(`${base}${projectPath}`);
    await page.getByRole('tab', { name: /过程监测/ }).click();
    const form = page.locator('form#report');
    await form.locator('#report_summary').fill('实施进度正常');
    await form.locator('#report_progressPercent').fill('35');
    await form.locator('#report_findings').fill('设备联网已完成12台，数据采集稳定；排产模块尚未部署。');
    await form.locator('#report_risks').fill('部分老旧设备需加装采集模块');
    await form.locator('#report_risks').press('Enter');
    await form.locator('button[type=submit]').click();
    await page.getByTestId('monitoring-report').filter({ hasText: '实施进度正常' }).waitFor();
    await page.getByRole('tab', { name: /验收测评/ }).click();
    await page.locator('form#acceptance').waitFor();
  });

  await check('the assessor works through the acceptance evidence checklist: accepts the report, questions the screenshot', async () => {
    assert(projectPath, 'the project was created');
    await page.getByRole('tab', { name: '验收材料' }).click();
    const report = page.getByTestId('document-kind-test_report').getByTestId('document-row');
    await report.getByTestId('document-accept').click();
    await report.getByTestId('document-status').filter({ hasText: '已认可' }).waitFor();
    const shot = page.getByTestId('document-kind-data_integration').getByTestId('document-row');
    await shot.getByTestId('document-question').click();
    await page.locator('.ant-modal textarea').fill('截图未显示设备编号，请补充数据贯通日志');
    // A click that lands while the dialog still zooms in is lost on a loaded machine: click until it closes.
    const submit = page.locator('.ant-modal').getByRole('button', { name: /提\s*交/ });
    for (let attempt = 0; attempt < 3 && (await submit.isVisible()); attempt += 1) {
      await submit.click().catch(() => undefined);
      await submit.waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => undefined);
    }
    await shot.getByTestId('document-status').filter({ hasText: '有疑问' }).waitFor();
    await shot.getByText('审核意见：截图未显示设备编号').waitFor();
    await page.screenshot({ path: join(RESULTS, 'ui-document-checklist.png'), fullPage: true });
  });

  await check('the provider’s bell shows a count after the award; the panel opens the project, marks all read', async () => {
    assert(projectPath, 'the project was created');
    await signOut(page);
    await signIn(page, bidder.email, bidder.password);
    // Notifications are written by a background job: the count arrives on load or over the event stream.
    await page.locator('[data-testid=notification-bell]:not([data-count="0"])').waitFor();
    await page.screenshot({ path: join(RESULTS, 'ui-bell.png') });
    await page.getByTestId('notification-bell').click();
    const awarded = page.getByTestId('notification-item').filter({ hasText: '已中标' });
    await awarded.waitFor();
    await settled(page.getByTestId('notification-panel'));
    await page.screenshot({ path: join(RESULTS, 'ui-notifications.png') });
    await awarded.click();
    await page.waitForURL((url) => url.pathname === projectPath);
    await page.getByTestId('project-price').waitFor();
    await page.getByTestId('notification-bell').click();
    await page.getByTestId('notification-panel').getByRole('button', { name: '全部已读' }).click();
    await page.locator('[data-testid=notification-bell][data-count="0"]').waitFor();
    // The shortlist notice links to the bid (/bids/:id), shown on its need's page in the bids tab.
    await page.getByTestId('notification-item').filter({ hasText: '已入围' }).click();
    await page.waitForURL((url) => url.pathname === `${needPath}/bids`);
    await page.getByRole('tab', { name: /我的投标/, selected: true }).waitFor();
    await page.getByTestId('own-bid').locator('.ant-tag', { hasText: '已中标' }).waitFor();
    await page.getByTestId('own-bid').getByRole('button', { name: '查看改造项目' }).waitFor();
  });

  await check('a live notification arrives over the event stream (acceptance passed); the provider page shows the case', async () => {
    assert(projectPath, 'the project was created');
    // Still signed in as the provider, with nothing unread; the assessor accepts the project meanwhile.
    const assessorSession = await call(base, 'POST', '/auth/login', seeded.assessor);
    // A pass explains each milestone still open.
    const { milestones } = await call(base, 'GET', projectPath, undefined, assessorSession.accessToken);
    const openMilestones = milestones
      .filter((m) => m.status === 'planned' || m.status === 'in_progress')
      .map((m) => ({ milestoneId: m.id, reason: '经双方书面确认，转入运维期完成' }));
    await call(
      base,
      'POST',
      `${projectPath}/acceptance`,
      {
        openMilestones,
        levelAfter: 2,
        dataIntegration: '设备、计划与质量数据贯通，车间级数据实时采集。',
        dataIntegrationScore: 82,
        roiPercent: 18.5,
        managementReform: '建立以OEE为核心的车间绩效考核机制。',
        applicationEffect: '设备综合效率提升12%，计划排产时间由半天缩短到10分钟。',
        result: 'pass',
        reasons: '达到二级水平，验收通过。',
      },
      assessorSession.accessToken,
    );
    const notice = page.locator('.ant-notification-notice').filter({ hasText: '验收通过' });
    await notice.waitFor();
    await page.locator('[data-testid=notification-bell][data-count="1"]').waitFor();
    await settled(notice);
    await page.screenshot({ path: join(RESULTS, 'ui-live-notification.png') });
    await page.goto(`${base}/providers/${bidder.providerId}`);
    await page.getByRole('tab', { name: /成果案例（1）/ }).waitFor();
    await page.getByTestId('provider-case').filter({ hasText: '数控机床车间排产' }).waitFor();
    await page.getByTestId('provider-case').getByText('二级').waitFor();
    await page.screenshot({ path: join(RESULTS, 'ui-provider-cases.png'), fullPage: true });
  });

  await check('an invalid token sends the user to the login page, and back after signing in', async () => {
    await page.evaluate(() => localStorage.setItem('smedx.accessToken', 'not-a-valid-token'));
    // A private page (the catalogue is open to visitors now).
    await page.goto(`${base}/projects`);
    await page.waitForURL('**/login');
    const token = await page.evaluate(() => localStorage.getItem('smedx.accessToken'));
    assert(token === null, 'the stale token is dropped');
    await signIn(page, ADMIN.email, ADMIN.password);
    await page.waitForURL('**/projects');
  });

  // ---- 供需对接活动 (matchmaking events) and 链式转型 (chains) ----

  /** The demo organiser when the demo data is there; otherwise one made here. */
  const organiser = DEMO.organiser;
  try {
    await call(base, 'POST', '/auth/login', organiser);
  } catch {
    Object.assign(organiser, { email: `organizer-${seeded.stamp}@browser.test`, password: 'browser-pass-2024' });
    const session = await call(base, 'POST', '/auth/register', { ...organiser, displayName: '活动组织方测试员' });
    await call(base, 'POST', `/admin/users/${session.user.id}/roles`, { role: 'organizer' }, admin.accessToken);
  }

  /** The UI user's session and enterprise (registered through the UI above; made over the API should that have failed). */
  const enterpriseOfUser = async () => {
    const session = await call(base, 'POST', '/auth/login', { email: user.email, password: user.password }).catch(() =>
      call(base, 'POST', '/auth/register', { email: user.email, password: user.password, displayName: '界面测试员' }),
    );
    const me = await call(base, 'GET', '/auth/me', undefined, session.accessToken);
    let enterpriseId = me.memberships.find((m) => m.kind === 'enterprise')?.organisationId;
    if (!enterpriseId) {
      const created = await call(
        base,
        'POST',
        '/enterprises',
        {
          name: user.name,
          uscc: seeded.makeUscc(900_000 + seeded.stamp),
          industry: seeded.taxonomies.industries[1].code,
          district: seeded.taxonomies.districts[6].code,
          scale: 'above',
        },
        session.accessToken,
      );
      enterpriseId = created.id;
    }
    return { token: session.accessToken, enterpriseId };
  };

  let eventPath = null;

  await check('the demo organiser sees the events list; the create form shows validation errors, then creates an event', async () => {
    await signOut(page);
    await signIn(page, organiser.email, organiser.password);
    await side.getByText('供需对接活动').click();
    await page.waitForURL('**/events');
    await page.getByRole('heading', { name: '供需对接活动' }).waitFor();
    await page.getByTestId('event-list').waitFor();
    await page.screenshot({ path: join(RESULTS, 'ui-events.png') });
    await page.getByTestId('event-create').click();
    await page.waitForURL('**/events/new');
    const form = page.locator('form#event');
    await form.locator('#event_title').fill(`铁西区机床行业供需对接会${seeded.stamp}`);
    await pick(page, form, '行业', seeded.taxonomies.industries[1].name);
    await pick(page, form, '区县', seeded.taxonomies.districts[6].name);
    await fillPicker(form.locator('#event_startsAt'), '2030-05-20 09:00');
    await form.locator('#event_slots').fill('4');
    await form.locator('#event_tables').fill('3');
    await form.locator('#event_minMeetingsPerEnterprise').fill('6');
    await form.locator('#event_maxMeetingsPerProvider').fill('3');
    await form.locator('button[type=submit]').click();
    // Checked in the form as the API checks it: a venue for an event on site, minimums within the slots.
    await form.locator('.ant-form-item-explain-error', { hasText: '线下活动请填写地点' }).waitFor();
    await form.locator('.ant-form-item-explain-error', { hasText: '每家企业至少洽谈场数不能超过场次数（4）' }).waitFor();
    await page.screenshot({ path: join(RESULTS, 'ui-event-form-errors.png'), fullPage: true });
    await form.locator('#event_venue').fill('沈阳国际展览中心 3 号馆');
    await form.locator('#event_minMeetingsPerEnterprise').fill('1');
    await form.locator('button[type=submit]').click();
    await page.waitForURL(/\/events\/[0-9a-f-]{36}$/);
    eventPath = new URL(page.url()).pathname;
    await page.getByTestId('event-status').filter({ hasText: '草稿' }).waitFor();
    await page.getByText('2030-05-20 09:00').waitFor();
    await page.getByRole('button', { name: '开放报名' }).click();
    await page.getByTestId('event-status').filter({ hasText: '报名中' }).waitFor();
  });

  await check('the organiser edits the open event: fields fixed after opening are disabled (PATCH may not be deployed yet)', async () => {
    assert(eventPath, 'the event was created');
    await page.getByRole('button', { name: /编\s*辑/ }).click();
    await page.waitForURL(`**${eventPath}/edit`);
    const form = page.locator('form#event');
    await form.locator('#event_title').waitFor();
    assert(await form.locator('#event_slots').isDisabled(), 'the number of slots is fixed once registration opened');
    await form.locator('#event_venue').fill('沈阳国际展览中心 5 号馆');
    await form.locator('button[type=submit]').click();
    // Saved: back on the event page; the edit route not deployed yet: the form says so.
    const details = page.getByRole('tab', { name: '活动信息' });
    const unavailable = page.getByTestId('event-edit-unavailable');
    await details.or(unavailable).first().waitFor();
    if (await unavailable.count()) {
      await page.goto(`${base}${eventPath}`);
    } else {
      await details.click();
      await page.getByText('沈阳国际展览中心 5 号馆').waitFor();
    }
  });

  await check(
    'the organiser approves registrations, schedules, sees an edit refused, publishes, records an outcome and reads the report',
    async () => {
      assert(eventPath, 'the event was created');
      const eventId = eventPath.split('/').pop();
      const enterprise = await enterpriseOfUser();
      const bidderSession = await call(base, 'POST', '/auth/login', { email: bidder.email, password: bidder.password });
      await call(
        base,
        'POST',
        `/events/${eventId}/registrations`,
        { organisationId: enterprise.enterpriseId, wants: [bidder.providerId] },
        enterprise.token,
      );
      await call(base, 'POST', `/events/${eventId}/registrations`, { organisationId: bidder.providerId }, bidderSession.accessToken);
      await page.goto(`${base}${eventPath}`);
      await page.getByRole('tab', { name: /报名审核/ }).click();
      const registrations = page.getByTestId('event-registrations');
      await registrations
        .locator('.ant-table-row')
        .filter({ hasText: user.name })
        .getByRole('button', { name: /^通\s*过$/ })
        .click();
      await registrations.locator('.ant-table-row').filter({ hasText: user.name }).locator('.ant-tag', { hasText: '已通过' }).waitFor();
      await page.getByRole('tab', { name: /服务商/ }).click();
      await registrations
        .locator('.ant-table-row')
        .filter({ hasText: bidder.providerName })
        .getByRole('button', { name: /^通\s*过$/ })
        .click();
      await registrations
        .locator('.ant-table-row')
        .filter({ hasText: bidder.providerName })
        .locator('.ant-tag', { hasText: '已通过' })
        .waitFor();
      await page.getByRole('button', { name: '截止报名' }).click();
      await page.locator('.ant-popconfirm:not(.ant-popover-hidden) .ant-btn-primary').click();
      await page.getByTestId('event-status').filter({ hasText: '报名截止' }).waitFor();
      await page.getByRole('tab', { name: '洽谈日程' }).click();
      await page.getByTestId('run-scheduler').click();
      const meeting = page.getByTestId('schedule-meeting').filter({ hasText: bidder.providerName });
      await meeting.first().waitFor();
      await page.getByTestId('event-status').filter({ hasText: '日程待发布' }).waitFor();
      // The same pair a second time: the API refuses (each pair meets at most once) and the reason stays on screen.
      await page.getByTestId('schedule-empty').first().click();
      const modal = page.locator('.ant-modal').filter({ hasText: '添加洽谈' });
      await pick(page, modal, '企业', user.name);
      await pick(page, modal, '服务商', bidder.providerName);
      await modal.locator('.ant-modal-footer .ant-btn-primary').click();
      await page.getByTestId('schedule-problem').waitFor();
      await modal.locator('.ant-modal-footer .ant-btn').first().click();
      await modal.waitFor({ state: 'hidden' });
      await page.screenshot({ path: join(RESULTS, 'ui-event-schedule.png'), fullPage: true });
      await page.getByTestId('publish-schedule').click();
      await page.locator('.ant-popconfirm:not(.ant-popover-hidden) .ant-btn-primary').click();
      await page.getByTestId('event-status').filter({ hasText: '日程已发布' }).waitFor();
      await page.getByTestId('schedule-meeting').first().click();
      const outcome = page.locator('.ant-modal').filter({ hasText: '洽谈结果' });
      await outcome.getByText('达成合作意向').click();
      await outcome.locator('.ant-modal-footer .ant-btn-primary').click();
      await page.getByTestId('schedule-meeting').first().locator('.ant-tag', { hasText: '已洽谈' }).waitFor();
      await page.getByRole('tab', { name: '活动报告' }).click();
      await page.getByTestId('event-report').locator('canvas').first().waitFor();
      await page.screenshot({ path: join(RESULTS, 'ui-event-report.png'), fullPage: true });
    },
  );

  await check('the enterprise reads its published agenda and downloads it as .ics', async () => {
    assert(eventPath, 'the event was created');
    await signOut(page);
    await signIn(page, user.email, user.password);
    await page.goto(`${base}${eventPath}`);
    await page.getByRole('tab', { name: '我的报名' }).click();
    const agenda = page.getByTestId('agenda');
    await agenda.locator('.ant-table-row').filter({ hasText: bidder.providerName }).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('agenda-ics').click()]);
    assert(download.suggestedFilename().endsWith('.ics'), `an .ics file: ${download.suggestedFilename()}`);
    const ics = await readFile(await download.path(), 'utf8');
    assert(ics.includes('BEGIN:VCALENDAR') && ics.includes('BEGIN:VEVENT'), 'an iCalendar with a meeting');
    await page.screenshot({ path: join(RESULTS, 'ui-event-agenda.png'), fullPage: true });
  });

  let invitationLink = null;
  let chainPath = null;

  await check('a city officer marks the UI user’s enterprise as 链主 (链式转型)', async () => {
    await signOut(page);
    await signIn(page, seeded.officer.email, seeded.officer.password);
    await side.getByText('链式转型').click();
    await page.waitForURL('**/chains');
    const panel = page.getByTestId('chain-leader-marking');
    await panel.getByPlaceholder('按企业名称查找').fill(user.name);
    await panel.getByPlaceholder('按企业名称查找').press('Enter');
    const row = panel.locator('.ant-table-row').filter({ hasText: user.name });
    await row.getByTestId('mark-chain-leader').click();
    const modal = page.locator('.ant-modal').filter({ hasText: '认定为链主企业' });
    await modal.locator('#decision_reason').fill('数控机床龙头企业，带动上下游配套企业转型');
    await modal.locator('.ant-modal-footer .ant-btn-primary').click();
    await row.locator('.ant-tag', { hasText: '链主企业' }).waitFor();
  });

  await check(
    'the chain leader creates its chain; the chain page shows the dashboard; invites by USCC and by a roster with row errors',
    async () => {
      await signOut(page);
      await signIn(page, user.email, user.password);
      await side.getByText('我的产业链').click();
      await page.waitForURL('**/chains');
      const create = page.getByTestId('chain-create');
      await create.locator('#chain_name').fill(`数控机床产业链${seeded.stamp}`);
      await create.locator('#chain_description').fill('以数控机床整机为核心，带动铸件、轴承、电机等上游配套与下游用户协同数字化转型。');
      await create.getByRole('button', { name: '创建产业链' }).click();
      await page.waitForURL(/\/chains\/[0-9a-f-]{36}$/);
      chainPath = new URL(page.url()).pathname;
      await page.getByTestId('chain-name').filter({ hasText: '数控机床产业链' }).waitFor();
      await page.getByTestId('chain-dashboard').waitFor();
      await page.getByTestId('chain-target-share').waitFor();
      await page.screenshot({ path: join(RESULTS, 'ui-chain-dashboard.png'), fullPage: true });
      await page.getByRole('tab', { name: '邀请企业' }).click();
      const form = page.locator('form#invite');
      await form.locator('#invite_uscc').fill(seeded.makeUscc(6_000_000 + seeded.stamp));
      await form.locator('#invite_enterpriseName').fill('沈阳精密铸件有限公司');
      await form.getByRole('button', { name: '生成邀请' }).click();
      const link = page.getByTestId('invitation-link');
      await link.waitFor();
      invitationLink = (await link.innerText()).trim();
      assert(invitationLink.includes('/chain-invitations/'), `an invitation link: ${invitationLink}`);
      await page.locator('.ant-modal').filter({ hasText: '邀请已生成' }).locator('.ant-modal-footer .ant-btn').click();
      await link.waitFor({ state: 'hidden' });
      const good = seeded.makeUscc(7_000_000 + seeded.stamp);
      const charset = '0123456789ABCDEFGHJKLMNPQRTUWXY';
      const bad = good.slice(0, 17) + charset[(charset.indexOf(good[17]) + 1) % charset.length];
      const csv = ['企业名称,统一社会信用代码,邮箱,位置', `沈阳轴承配套有限公司,${good},,上游`, `沈阳错误代码有限公司,${bad},,下游`].join(
        '\r\n',
      );
      await page.locator('input[type=file]').setInputFiles({ name: 'roster.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
      await page
        .getByTestId('roster-errors')
        .locator('.ant-table-row')
        .filter({ hasText: /校验位|check character/ })
        .waitFor();
      assert(
        (await page.getByTestId('roster-errors').locator('.ant-table-row').first().innerText()).startsWith('3'),
        'the bad row is row 3',
      );
      assert((await page.getByTestId('roster-created').locator('.ant-table-row').count()) === 1, 'the good row is invited');
      await page.getByTestId('chain-invitations').locator('.ant-table-row').filter({ hasText: '沈阳轴承配套有限公司' }).waitFor();
      await page.getByTestId('chain-invitations').locator('.ant-table-row').filter({ hasText: '沈阳精密铸件有限公司' }).waitFor();
      await page.screenshot({ path: join(RESULTS, 'ui-chain-invitations.png'), fullPage: true });
    },
  );

  await check(
    'an invitee registers through the invitation link, registers the enterprise, accepts again and opts in to joint needs',
    async () => {
      assert(invitationLink, 'an invitation was issued');
      await signOut(page);
      await page.goto(invitationLink);
      const card = page.getByTestId('chain-invitation');
      // Signed out, the link already says what it is for: the chain, its leader, the position, the status.
      const preview = card.getByTestId('invitation-preview');
      await preview.getByText('产业链', { exact: true }).waitFor();
      await preview.getByText('链主企业').waitFor();
      await preview.getByText('待回复').waitFor();
      await card.locator('#inviteRegister_email').fill(`invitee-${seeded.stamp}@browser.test`);
      await card.locator('#inviteRegister_displayName').fill('铸件厂联系人');
      await card.locator('#inviteRegister_password').fill('browser-pass-2024');
      await card.getByRole('button', { name: '注册并接受邀请' }).click();
      await card.getByText('邀请已为您保留').waitFor();
      await page.screenshot({ path: join(RESULTS, 'ui-chain-invitation.png') });
      // Signed in now: on to register the enterprise; the menu leads back to the invitation meanwhile.
      await card.getByRole('link', { name: /登记企业/ }).click();
      await page.waitForURL('**/organisation');
      await side.getByText('我的产业链').click();
      await page.getByRole('button', { name: '继续接受邀请' }).waitFor();
      // The invited enterprise comes onto the platform (its USCC is the invited one); then the invitee accepts again.
      const token = await page.evaluate(() => localStorage.getItem('smedx.accessToken'));
      await call(
        base,
        'POST',
        '/enterprises',
        {
          name: '沈阳精密铸件有限公司',
          uscc: seeded.makeUscc(6_000_000 + seeded.stamp),
          industry: seeded.taxonomies.industries[1].code,
          district: seeded.taxonomies.districts[6].code,
          scale: 'below',
        },
        token,
      );
      await page.goto(invitationLink);
      await page.getByTestId('invitation-accept').click();
      await card.getByText('已加入产业链').waitFor();
      await card.getByRole('link', { name: '查看产业链' }).click();
      await page.waitForURL((url) => url.pathname === chainPath);
      const row = page.getByTestId('chain-members').locator('.ant-table-row').filter({ hasText: '沈阳精密铸件有限公司' });
      await row.locator('.ant-tag', { hasText: '本企业' }).waitFor();
      await row.getByRole('button', { name: '同意作为实施点' }).click();
      const modal = page.locator('.ant-modal').filter({ hasText: '同意作为联合需求实施点' });
      await modal.locator('#siteNote').fill('铸造车间熔炼设备联网');
      await modal.locator('.ant-modal-footer .ant-btn-primary').click();
      await row.locator('.ant-tag', { hasText: '已同意' }).waitFor();
    },
  );

  await check('the leader’s dashboard draws the member’s level and the progress charts; 联合需求 can be published', async () => {
    assert(chainPath, 'the chain was created');
    await signOut(page);
    await signIn(page, user.email, user.password);
    await page.goto(`${base}${chainPath}`);
    await page.getByTestId('chain-dashboard-members').locator('.ant-table-row').filter({ hasText: '沈阳精密铸件有限公司' }).waitFor();
    await page.getByTestId('chain-dashboard').locator('canvas').nth(1).waitFor();
    await page.screenshot({ path: join(RESULTS, 'ui-chain-dashboard-members.png'), fullPage: true });
    await page.getByRole('tab', { name: '联合需求' }).click();
    await page.getByTestId('joint-need-create').click();
    const form = page.locator('form#jointNeed');
    await form
      .locator('.ant-form-item')
      .filter({ has: page.locator('label', { hasText: '实施点' }) })
      .locator('.ant-select-selection-item', { hasText: '沈阳精密铸件有限公司' })
      .waitFor();
    await form.locator('#jointNeed_title').fill('产业链铸件与机加工协同排产');
    await form.locator('#jointNeed_description').fill('链主与铸件配套企业共享订单与排产计划，实现铸件到货与机加工计划联动。');
    await pick(page, form, '需求场景', seeded.taxonomies.scenarios[4].name);
    await form.locator('#jointNeed_budgetWan').fill('40');
    await form.locator('#jointNeed_expectedDays').fill('90');
    await fillPicker(form.locator('#jointNeed_bidDeadline'), '2030-07-31 18:00');
    await page.locator('.ant-modal').filter({ hasText: '发布联合需求' }).locator('.ant-modal-footer .ant-btn-primary').click();
    await page.waitForURL(/\/needs\/[0-9a-f-]{36}$/);
    await page.getByText('¥40万元').waitFor();
  });

  await check('the enterprise fills a 评估诊断 self-check and sees its score, level and suggested needs', async () => {
    await signOut(page);
    await signIn(page, user.email, user.password);
    await side.getByText('评估诊断').click();
    await page.waitForURL('**/diagnoses');
    const form = page.locator('form#diagnosis');
    await form.locator('.ant-radio-group').first().waitFor();
    // The first option of every question: A for single choice, A 无 for multiple choice.
    for (const group of await form.locator('.ant-radio-group').all()) await group.locator('.ant-radio-wrapper').first().click();
    for (const group of await form.locator('.ant-checkbox-group').all()) await group.locator('.ant-checkbox-wrapper').first().click();
    await form.locator('button[type=submit]').click();
    const result = page.getByTestId('diagnosis-result');
    await result.getByTestId('diagnosis-level').filter({ hasText: '一级' }).waitFor();
    await result.getByTestId('diagnosis-score').waitFor();
    await result.locator('canvas').first().waitFor();
    await page.getByTestId('diagnosis-history').locator('.ant-table-row').first().waitFor();
    await page.screenshot({ path: join(RESULTS, 'ui-diagnosis.png'), fullPage: true });
    // A suggested need opens the need form with its title filled in.
    const suggestion = result.getByTestId('diagnosis-suggestion').first();
    const title = (await suggestion.locator('.ant-list-item-meta-title').innerText()).trim();
    await suggestion.getByRole('button', { name: '据此发布需求' }).click();
    await page.waitForURL(/\/needs\/new\?title=/);
    assert((await page.locator('#need_title').inputValue()) === title, `the need form has the title ${title}`);
  });

  await check('the city officer opens 专项资金 and 黑名单; blacklists the enterprise with a reason, then lifts it', async () => {
    await signOut(page);
    await signIn(page, seeded.officer.email, seeded.officer.password);
    await side.getByText('专项资金').click();
    await page.waitForURL('**/subsidy');
    await page.getByTestId('subsidy-list').waitFor();
    await page.locator('.ant-spin-spinning').waitFor({ state: 'detached' });
    await page.screenshot({ path: join(RESULTS, 'ui-subsidy-list.png'), fullPage: true });
    await side.getByText('黑名单').click();
    await page.waitForURL('**/blacklist');
    await page.getByTestId('blacklist').waitFor();
    await page.getByRole('button', { name: '列入黑名单' }).click();
    const modal = page.locator('.ant-modal').filter({ hasText: '列入黑名单（三年）' });
    await pick(page, modal, '企业', user.name);
    await modal.locator('#blacklistAdd_reason').fill('浏览器测试：申报材料弄虚作假');
    await modal.locator('.ant-modal-footer .ant-btn-primary').click();
    const row = page.getByTestId('blacklist').locator('.ant-table-row').filter({ hasText: user.name });
    await row.locator('.ant-tag', { hasText: '生效中' }).waitFor();
    await page.screenshot({ path: join(RESULTS, 'ui-blacklist.png'), fullPage: true });
    await row.getByRole('button', { name: '提前解除' }).click();
    const lift = page.locator('.ant-modal').filter({ hasText: '提前解除' });
    await lift.locator('#decision_reason').fill('浏览器测试：核查后解除');
    await lift.locator('.ant-modal-footer .ant-btn-primary').click();
    await row.waitFor({ state: 'detached' });
  });

  await check('no uncaught errors in the page', async () => {
    assert(pageErrors.length === 0, `page errors: ${pageErrors.join(' | ')}`);
  });
}

await runSuite('ui', main);

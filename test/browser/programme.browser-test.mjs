/* global fetch, performance, FormData, Blob, document, window */
/**
 * Browser test of the programme's pages: a project's rating and its appeal (企业评价、服务商回复、
 * 申诉、区县处理), nominations for each role (企业申报、区县推荐、专家评分、市级评审), the 产业云图
 * (industry map) and the 服务费用 (service fees against their caps).
 *
 * The data the screens start from is made over the API with the demo accounts (the harness
 * starts the app with the demo data): the demo enterprise (a 铁西 machine-tool maker) publishes a
 * need, the demo provider bids, the enterprise awards, the project's evidence is filed and the
 * demo assessor accepts it. Everything after that is done in Chromium. Any page error or console
 * error fails the suite, except the one refusal (409) the fee check provokes on purpose.
 *
 * Needs `npm run build` first. Run: bash test/browser/run.sh test/browser/programme.browser-test.mjs
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
  freshLogin,
  launchBrowser,
  runSuite,
  setCurrentPage,
  settled,
  signIn,
  startApp,
} from './harness.mjs';

const ACCOUNTS = DEMO;

/** Uploads a small PDF as `token`'s user for `organisationId`; returns the file id. */
async function uploadPdf(base, token, organisationId, name) {
  const { samplePdf } = await import(pathToFileURL(join(ROOT, 'dist/libs/documents/src/sample-files.js')).href);
  const form = new FormData();
  form.append('organisationId', organisationId);
  form.append('file', new Blob([new Uint8Array(samplePdf(`${name} ${Date.now()}`))]), `${name}.pdf`);
  const res = await fetch(`${base}/api/v1/files`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  const file = await res.json();
  if (res.status !== 201) throw new Error(`POST /files → ${res.status}: ${file?.message}`);
  return file.id;
}

/** The demo accounts signed in, and an accepted project of the demo enterprise with the demo provider. */
async function prepare(base) {
  const sessions = {};
  for (const [key, account] of Object.entries(ACCOUNTS)) sessions[key] = await call(base, 'POST', '/auth/login', account);
  const orgOf = (session, kind) => session.user.memberships.find((m) => m.kind === kind)?.organisationId;
  const enterpriseId = orgOf(sessions.enterprise, 'enterprise');
  const providerId = orgOf(sessions.provider, 'provider');
  assert(enterpriseId && providerId, 'the demo enterprise and provider accounts have their organisations');
  const enterprise = await call(base, 'GET', `/enterprises/${enterpriseId}`, undefined, sessions.enterprise.accessToken);
  assert(enterprise.district === 'tiexi', `the demo enterprise is in 铁西 (got ${enterprise.district})`);
  const taxonomies = await call(base, 'GET', '/taxonomies');

  const stamp = Date.now() % 1_000_000;
  const need = await call(
    base,
    'POST',
    '/needs',
    {
      enterpriseId,
      title: `数控车间设备联网与质量追溯改造${stamp}`,
      description: '车间40台数控机床联网，采集加工参数与质检数据，实现关键工序质量追溯和设备综合效率分析。',
      scenarios: [taxonomies.scenarios[6].code],
      budgetFen: 30_000_000,
      expectedDays: 60,
      bidDeadline: new Date(Date.now() + 20 * 86_400_000).toISOString(),
    },
    sessions.enterprise.accessToken,
  );
  await call(base, 'POST', `/needs/${need.id}/publish`, {}, sessions.enterprise.accessToken);
  const bid = await call(
    base,
    'POST',
    `/needs/${need.id}/bids`,
    {
      priceFen: 25_000_000,
      deliveryDays: 50,
      proposal: '边缘网关接入全部数控设备，部署质量追溯与OEE看板，驻场实施并培训设备科与质检人员。',
    },
    sessions.provider.accessToken,
  );
  const award = await call(base, 'POST', `/needs/${need.id}/award`, { bidId: bid.id }, sessions.enterprise.accessToken);
  for (const [kind, name] of [
    ['test_report', '验收测试报告'],
    ['data_integration', '数据贯通证明'],
  ]) {
    const fileId = await uploadPdf(base, sessions.enterprise.accessToken, enterpriseId, name);
    await call(base, 'POST', `/projects/${award.projectId}/documents`, { fileId, kind }, sessions.enterprise.accessToken);
  }
  const project = await call(base, 'GET', `/projects/${award.projectId}`, undefined, sessions.assessor.accessToken);
  await call(
    base,
    'POST',
    `/projects/${award.projectId}/acceptance`,
    {
      openMilestones: project.milestones
        .filter((m) => m.status === 'planned' || m.status === 'in_progress')
        .map((m) => ({ milestoneId: m.id, reason: '经双方书面确认，转入运维期完成' })),
      levelAfter: 2,
      dataIntegration: '设备、质量与计划数据贯通，关键工序数据自动采集。',
      dataIntegrationScore: 80,
      roiPercent: 16,
      managementReform: '建立以质量追溯为核心的车间质量责任制度。',
      applicationEffect: '一次交检合格率提升3个百分点，质量问题定位时间由两天缩短到两小时。',
      result: 'pass',
      reasons: '达到二级水平，验收通过。',
    },
    sessions.assessor.accessToken,
  );
  return { sessions, enterpriseId, enterpriseName: enterprise.name, providerId, projectId: award.projectId, stamp };
}

async function main() {
  const base = await startApp();
  await call(base, 'POST', '/auth/login', ADMIN);
  const data = await prepare(base);
  const projectPath = `/projects/${data.projectId}`;
  console.log(`prepared: accepted project ${data.projectId} of ${data.enterpriseName}`);

  const context = await launchBrowser();
  const page = context.pages()[0] ?? (await context.newPage());
  setCurrentPage(page);
  const problems = [];
  /** Console errors the next step provokes on purpose (a refused request logs its status). */
  const expected = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const text = message.text();
    const at = expected.findIndex((pattern) => pattern.test(text));
    if (at >= 0) expected.splice(at, 1);
    else problems.push(`console error: ${text} (${message.location().url})`);
  });
  const noProblems = () => assert(problems.length === 0, problems.join(' | '));
  const as = async (account) => {
    // Switching accounts, not testing 退出登录 (the ui suite does): the login page is loaded afresh
    // with no session, so no request or redirect of the previous account's app can race the
    // sign-in (CI saw the old account's home come back over the form).
    await freshLogin(page, base);
    await signIn(page, account.email, account.password);
  };
  const ratingTab = async () => {
    await page.goto(`${base}${projectPath}`);
    await page.getByRole('tab', { name: '项目评价' }).click();
    return page.locator('.ant-tabs-tabpane-active');
  };

  // ---- 项目评价与申诉 ----

  await check('the enterprise rates the accepted project: 1–5 on three aspects and a text', async () => {
    await as(ACCOUNTS.enterprise);
    const pane = await ratingTab();
    const stars = async (label, n) =>
      pane
        .locator('.ant-form-item')
        .filter({ has: page.locator('label', { hasText: label }) })
        .locator('.ant-rate-star')
        .nth(n - 1)
        .click();
    await stars('质量', 4);
    await stars('及时性', 2);
    await stars('服务', 3);
    await pane.locator('textarea').fill('联网效果好，但交付比合同约定晚了两周。');
    await pane.getByRole('button', { name: '提交评价' }).click();
    await pane.getByText('3.00 分').waitFor();
    await pane.locator('.ant-tag', { hasText: '已发布' }).waitFor();
    await page.screenshot({ path: join(RESULTS, 'programme-rating.png'), fullPage: true });
    noProblems();
  });

  await check('the provider replies once, then appeals the rating', async () => {
    await as(ACCOUNTS.provider);
    const pane = await ratingTab();
    await pane.getByPlaceholder('回复评价（只能回复一次）').fill('延期系企业停产窗口调整所致，已书面确认。');
    await pane.getByRole('button', { name: /回\s*复/ }).click();
    await pane.getByText('延期系企业停产窗口调整所致').waitFor();
    await pane.getByPlaceholder(/申诉理由/).fill('交付时间经双方书面变更，及时性评分与事实不符。');
    await pane.getByRole('button', { name: /申\s*诉/ }).click();
    await pane.locator('.ant-tag', { hasText: '申诉中' }).waitFor();
    await pane.getByText('服务商：交付时间经双方书面变更').waitFor();
    await page.screenshot({ path: join(RESULTS, 'programme-rating-appeal.png'), fullPage: true });
    noProblems();
  });

  await check('the district officer (铁西) decides the appeal with a reason', async () => {
    await as(ACCOUNTS.tiexi);
    const pane = await ratingTab();
    await pane.locator('.ant-alert', { hasText: '该评价被申诉' }).waitFor();
    await pane.getByLabel('申诉不成立，保留评价').check();
    await pane.locator('textarea').fill('变更协议未约定交付时间，评价反映企业真实感受，予以保留。');
    await pane.getByRole('button', { name: '提交处理意见' }).click();
    await pane.locator('.ant-tag', { hasText: '申诉不成立（保留）' }).waitFor();
    await pane.getByText('区县意见（保留）').waitFor();
    await page.screenshot({ path: join(RESULTS, 'programme-rating-decided.png'), fullPage: true });
    noProblems();
  });

  // ---- 申报评选 ----

  const nominationTitle = `数控车间质量追溯示范${data.stamp}`;
  const nominationRow = () => page.locator('.ant-table-row').filter({ hasText: nominationTitle });
  const openNomination = async () => {
    await page.goto(`${base}/nominations`);
    await nominationRow().click();
    const drawer = page.locator('.ant-drawer-content');
    await drawer.getByText(nominationTitle).first().waitFor();
    return drawer;
  };

  await check('the enterprise nominates itself as a 示范标杆 and files the case material', async () => {
    await as(ACCOUNTS.enterprise);
    await page.goto(`${base}/nominations`);
    await page.getByRole('button', { name: '我要申报' }).click();
    const modal = page.locator('.ant-modal-content');
    const choose = async (label, option) => {
      await modal
        .locator('.ant-form-item')
        .filter({ has: page.locator('label', { hasText: label }) })
        .locator('.ant-select-selector')
        .click();
      await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: option }).click();
    };
    await choose('类别', '数字化转型示范标杆');
    await choose('申报企业', data.enterpriseName);
    await modal.getByLabel('申报名称').fill(nominationTitle);
    await modal.getByLabel('申报简介').fill('40台数控机床联网，关键工序质量追溯，一次交检合格率提升3个百分点。');
    await modal.getByLabel('佐证材料（每行一份）').fill('验收测评报告.pdf\n车间现场照片.zip');
    await modal.getByRole('button', { name: '提交申报' }).click();
    const drawer = page.locator('.ant-drawer-content');
    await drawer.getByText('待区县推荐').first().waitFor();
    const { samplePdf } = await import(pathToFileURL(join(ROOT, 'dist/libs/documents/src/sample-files.js')).href);
    await drawer
      .getByTestId('document-kind-case_material')
      .locator('input[type=file]')
      .setInputFiles({ name: '典型案例材料.pdf', mimeType: 'application/pdf', buffer: samplePdf(`case ${data.stamp}`) });
    await drawer.getByTestId('document-kind-case_material').getByTestId('document-row').waitFor();
    await page.screenshot({ path: join(RESULTS, 'programme-nomination-filed.png'), fullPage: true });
    noProblems();
  });

  await check('the district officer (铁西) recommends it', async () => {
    await as(ACCOUNTS.tiexi);
    const drawer = await openNomination();
    await drawer.getByRole('button', { name: '区县推荐' }).click();
    await drawer.getByText('待专家评审').first().waitFor();
    noProblems();
  });

  await check('an assessor scores it: it is in review', async () => {
    await as(ACCOUNTS.assessor);
    const drawer = await openNomination();
    await drawer.getByRole('button', { name: '专家评分' }).click();
    const confirm = page.locator('.ant-modal-confirm');
    await confirm.locator('textarea').fill('86');
    await confirm.getByRole('button', { name: /确\s*定|OK/ }).click();
    await drawer.getByText('1 位专家').waitFor();
    noProblems();
  });

  await check('the city officer sees it in review, waiting for more experts before the notice', async () => {
    await as(ACCOUNTS.city);
    await page.goto(`${base}/nominations`);
    await nominationRow().locator('.ant-tag', { hasText: '专家评审中' }).waitFor();
    const drawer = await openNomination();
    const publish = drawer.getByRole('button', { name: /进入公示（1\/3 位专家）/ });
    await publish.waitFor();
    assert(await publish.isDisabled(), 'publishing waits for three experts');
    await settled(drawer);
    await page.screenshot({ path: join(RESULTS, 'programme-nomination-review.png'), fullPage: true });
    noProblems();
  });

  // ---- 产业云图 ----

  await check('the industry map renders for the city officer: map, heat map and table, no console errors', async () => {
    await page.goto(`${base}/industry-map`);
    await page.getByRole('heading', { name: '产业云图' }).waitFor();
    await page.getByTestId('industry-map-chart').locator('canvas').first().waitFor();
    await page.getByTestId('industry-heatmap').locator('canvas').first().waitFor();
    await page.getByTestId('industry-map-table').getByText('新民市').waitFor();
    await page.getByTestId('industry-map-table').getByRole('columnheader', { name: '机床制造' }).waitFor();
    // The outline is its own chunk, fetched by this page only.
    const chunks = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
    assert(
      chunks.some((url) => /shenyang-districts.*\.js$/.test(url)),
      `the district outline loads as a chunk: ${chunks.filter((u) => u.endsWith('.js')).join(', ')}`,
    );
    await page.waitForTimeout(600);
    await page.screenshot({ path: join(RESULTS, 'programme-industry-map.png'), fullPage: true });
    noProblems();
  });

  await check('a cell of the table opens its enterprises in a drawer', async () => {
    await page.getByTestId('cell-tiexi-machine_tool').click();
    const drawer = page.locator('.ant-drawer-content');
    await drawer.getByText('铁西区 · 机床制造 企业名单').waitFor();
    const list = drawer.getByTestId('cell-enterprises');
    await list.getByText(data.enterpriseName).waitFor();
    await list.getByRole('link', { name: '评估诊断' }).first().waitFor();
    await settled(drawer);
    await page.screenshot({ path: join(RESULTS, 'programme-industry-map-cell.png') });
    await drawer.locator('.ant-drawer-close').click();
    await drawer.waitFor({ state: 'hidden' });
    noProblems();
  });

  await check('a district on the map opens its enterprises; the colouring switches to batch share', async () => {
    const chart = page.getByTestId('industry-map-chart');
    await chart.scrollIntoViewIfNeeded();
    const box = await chart.boundingBox();
    // 沈北新区 lies right of the middle of the city's outline: try a few points until a district answers.
    let opened = false;
    for (const [fx, fy] of [
      [0.5, 0.5],
      [0.6, 0.55],
      [0.45, 0.6],
      [0.4, 0.4],
      [0.55, 0.3],
    ]) {
      await page.mouse.click(box.x + box.width * fx, box.y + box.height * fy);
      if (
        await page
          .locator('.ant-drawer-content')
          .getByTestId('cell-enterprises')
          .waitFor({ timeout: 1_500 })
          .then(() => true)
          .catch(() => false)
      ) {
        opened = true;
        break;
      }
    }
    assert(opened, 'a click on the map opened a district');
    const title = await page.locator('.ant-drawer-title').innerText();
    assert(/(区|县|市) 企业名单$/.test(title), `the drawer names a district: ${title}`);
    await page.locator('.ant-drawer-close').click();
    await page.getByText('按批次占比着色').click();
    await page.getByText('入库企业占比（%）').first().waitFor();
    noProblems();
  });

  await check('the industry map at 390 px: stacked, the table scrolls inside its card', async () => {
    await page.setViewportSize(PHONE);
    try {
      await page.goto(`${base}/industry-map`);
      await page.getByTestId('industry-map-table').getByText('新民市').waitFor();
      await page.getByTestId('industry-map-chart').locator('canvas').first().waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert(overflow <= 1, `the page does not scroll sideways (${overflow}px)`);
      await page.waitForTimeout(600);
      await page.screenshot({ path: join(RESULTS, 'programme-industry-map-phone.png'), fullPage: true });
    } finally {
      await page.setViewportSize(DESKTOP);
    }
    noProblems();
  });

  // ---- 服务费用 ----

  const fees = await call(base, 'GET', `/service-fees?enterpriseId=${data.enterpriseId}`, undefined, data.sessions.city.accessToken);
  const remaining = fees.caps.find((c) => c.kind === 'diagnosis').remainingFen;
  const firstYuan = (remaining - 200_000) / 100;

  const recordFee = async (yuan) => {
    await page.getByRole('button', { name: '登记服务费' }).click();
    const modal = page.locator('.ant-modal-content');
    const enterprise = modal.locator('#serviceFee_enterpriseId');
    await enterprise.fill(data.enterpriseName.slice(0, 6));
    await page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: data.enterpriseName })
      .click();
    await modal.getByTestId('fee-caps').waitFor();
    await modal.getByLabel('评估诊断服务费').check();
    await modal.locator('#serviceFee_amountYuan').fill(String(yuan));
    await modal.locator('#serviceFee_serviceOrganisationName').fill('沈阳市中小企业数字化转型评估中心');
    await modal.locator('#serviceFee_reference').fill(`ZF-${data.stamp}-${yuan}`);
    await modal.getByRole('button', { name: /登\s*记/ }).click();
    return modal;
  };

  await check('the district officer records a diagnosis fee within the cap', async () => {
    assert(remaining > 200_000, `the demo enterprise has room under the diagnosis cap (${remaining} fen)`);
    await as(ACCOUNTS.tiexi);
    await page.goto(`${base}/service-fees`);
    await recordFee(firstYuan);
    await page.locator('.ant-message', { hasText: '服务费已登记' }).waitFor();
    await page
      .getByTestId('service-fees')
      .locator('.ant-table-row', { hasText: `ZF-${data.stamp}-${firstYuan}` })
      .waitFor();
    noProblems();
  });

  await check('a fee above the cap is refused with the Chinese message naming what remains', async () => {
    expected.push(/status of 409/);
    const modal = await recordFee(3000);
    const refusal = modal.getByTestId('fee-refusal');
    await refusal.filter({ hasText: '超出每家企业的服务费上限，该企业此项费用最多还可支付¥2,000元' }).waitFor();
    await page.locator('.ant-notification-notice', { hasText: '超出每家企业的服务费上限' }).waitFor();
    await modal.getByTestId('fee-caps').getByText('尚可支付 ¥2,000元').waitFor();
    await settled(refusal);
    await page.screenshot({ path: join(RESULTS, 'programme-fee-refused.png') });
    assert(expected.length === 0, 'the refusal was logged once by the browser');
    noProblems();
  });

  await check('no page or console errors on any screen', noProblems);
}

await runSuite('programme', main);

/* global document */
/**
 * Each role's workbench (工作台), the signed-in home: the counts on the page are the API's
 * (`GET /workbench`) for the role that looks, and they follow a scripted journey — the demo
 * enterprise publishes a need and invites the demo provider to another, the provider bids, a
 * provider applies for selection, an enterprise registers for the organiser's event — at 1440 px
 * and, for the enterprise and the provider, at 390 px. Also: signing in by mobile number and SMS
 * code through the login page's 手机验证码登录 tab at 390 px.
 */
import { pathToFileURL } from 'node:url';
import {
  ADMIN,
  DEMO,
  DEMO_PASSWORD,
  DESKTOP,
  PHONE,
  TAXONOMY,
  assert,
  attachLicence,
  call,
  check,
  launchBrowser,
  runSuite,
  setCurrentPage,
  startApp,
  waitForSearch,
} from './harness.mjs';
import { eventBody } from '../fixtures/event-body.mjs';

const PASSWORD = DEMO_PASSWORD;
/** The roles' addresses. */
const ACCOUNTS = Object.fromEntries(['enterprise', 'provider', 'city', 'assessor', 'organiser'].map((role) => [role, DEMO[role].email]));
const DAY = 24 * 3600_000;

async function session(base, email, password = PASSWORD) {
  return call(base, 'POST', '/auth/login', { email, password });
}

/** The workbench's count cards as the page shows them: { title: number }. */
async function shownCounts(page, section) {
  const scope = page.getByTestId(section);
  await scope.waitFor();
  return scope
    .locator('[data-count]')
    .evaluateAll((cards) =>
      Object.fromEntries(
        cards.map((card) => [
          card.getAttribute('data-count'),
          Number(card.querySelector('.ant-statistic-content-value')?.textContent ?? NaN),
        ]),
      ),
    );
}

/** Opens the signed-in home in a fresh context of the given size, signed in as `email`. */
async function openWorkbench(base, email, viewport = DESKTOP) {
  const context = await launchBrowser({ viewport, ...(viewport === PHONE ? { isMobile: true, hasTouch: true } : {}) });
  const page = context.pages()[0] ?? (await context.newPage());
  setCurrentPage(page);
  const errors = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text().slice(0, 200)));
  page.on('pageerror', (e) => errors.push(e.message.slice(0, 200)));
  page.on('response', (r) => r.status() >= 400 && errors.push(`${r.status()} ${r.url()}`));
  await page.goto(`${base}/login`);
  await page.locator('#email').fill(email);
  await page.locator('#password').fill(email === ADMIN.email ? ADMIN.password : PASSWORD);
  await page.locator('button[type=submit]').click();
  await page.waitForURL((url) => url.pathname === '/');
  return { context, page, errors };
}

function same(shown, expected, what) {
  const wrong = Object.entries(expected).filter(([title, n]) => shown[title] !== n);
  assert(
    wrong.length === 0,
    `${what}: ${wrong.map(([title, n]) => `${title} shows ${shown[title]}, the API says ${n}`).join('; ')} (page: ${JSON.stringify(shown)})`,
  );
}

const enterpriseCounts = (e) => ({
  需求总数: Object.values(e.needs).reduce((a, b) => a + b, 0),
  征集中需求: e.needs.published,
  待决策投标: e.bidsAwaitingDecision,
  进行中项目: e.projects.length,
  专项资金申报: Object.values(e.subsidyApplications).reduce((a, b) => a + b, 0),
});
const providerCounts = (p) => ({
  投标中: p.bids.submitted + p.bids.shortlisted,
  已中标: p.bids.awarded,
  待响应邀请: p.invitationsOpen,
  进行中项目: p.projects.length,
  本周截止: p.deadlinesThisWeek.length,
});

async function main() {
  const base = await startApp();
  const tokens = {};
  for (const [role, email] of Object.entries(ACCOUNTS)) tokens[role] = (await session(base, email)).accessToken;
  const admin = (await session(base, ADMIN.email, ADMIN.password)).accessToken;
  await waitForSearch(base, tokens.enterprise);
  const workbench = async (role) => call(base, 'GET', '/workbench', undefined, tokens[role]);

  const before = { enterprise: (await workbench('enterprise')).enterprises[0], provider: (await workbench('provider')).providers[0] };
  assert(before.enterprise && before.provider, 'the demo enterprise and provider each have a workbench section');

  // The journey, over the API as the other parties would act.
  const futureDeadline = new Date(Date.now() + 20 * DAY).toISOString();
  const newNeed = async (title) => {
    const draft = await call(
      base,
      'POST',
      '/needs',
      {
        enterpriseId: before.enterprise.enterpriseId,
        title,
        description: '车间现有数控机床三十余台，希望实现设备联网和开停机、报警数据采集，并在车间看板展示设备综合效率。',
        scenarios: ['device_networking', 'data_collection'],
        budgetFen: 30_000_000,
        expectedDays: 90,
        bidDeadline: futureDeadline,
      },
      tokens.enterprise,
    );
    return call(base, 'POST', `/needs/${draft.id}/publish`, undefined, tokens.enterprise);
  };
  const bidOn = await newNeed('工作台测试：机加车间设备联网与数据采集');
  const invitedTo = await newNeed('工作台测试：邀请投标的设备数据采集项目');
  await call(
    base,
    'POST',
    `/needs/${bidOn.id}/bids`,
    {
      priceFen: 28_000_000,
      deliveryDays: 80,
      proposal: '采用边缘网关采集数控系统数据，三周完成联网，提供设备效率看板和报警推送，驻场实施并培训两名设备员。',
      attachments: [],
    },
    tokens.provider,
  );
  await call(base, 'POST', `/needs/${invitedTo.id}/invitations`, { providerId: before.provider.providerId }, tokens.enterprise);

  const after = { enterprise: (await workbench('enterprise')).enterprises[0], provider: (await workbench('provider')).providers[0] };
  assert(after.enterprise.needs.published === before.enterprise.needs.published + 2, 'the API counts the two published needs');
  assert(after.enterprise.bidsAwaitingDecision === before.enterprise.bidsAwaitingDecision + 1, 'the API counts the new bid as waiting');
  assert(after.provider.invitationsOpen === before.provider.invitationsOpen + 1, 'the API counts the invitation');

  for (const [size, viewport] of [
    ['1440', DESKTOP],
    ['390', PHONE],
  ]) {
    await check(
      `${size} px: the enterprise's workbench shows its own counts after the journey, and the need waiting for a decision`,
      async () => {
        const { context, page, errors } = await openWorkbench(base, ACCOUNTS.enterprise, viewport);
        try {
          const shown = await shownCounts(page, 'workbench-enterprise');
          same(shown, enterpriseCounts(after.enterprise), 'enterprise');
          assert(shown.征集中需求 === enterpriseCounts(before.enterprise).征集中需求 + 2, 'two more needs 征集中 than before the journey');
          // Listed under 待决策投标, linked to the bid comparison.
          await page.getByTestId('workbench-enterprise').locator(`a[href="/needs/${bidOn.id}/bids"]`).waitFor();
          assert(errors.length === 0, `errors on the page: ${errors.join(' | ')}`);
        } finally {
          await context.close();
        }
      },
    );
    await check(`${size} px: the provider's workbench shows its bid, the invitation and recommended needs`, async () => {
      const { context, page, errors } = await openWorkbench(base, ACCOUNTS.provider, viewport);
      try {
        const shown = await shownCounts(page, 'workbench-provider');
        same(shown, providerCounts(after.provider), 'provider');
        assert(shown.投标中 === providerCounts(before.provider).投标中 + 1, 'one more bid 投标中 than before the journey');
        assert(shown.待响应邀请 === before.provider.invitationsOpen + 1, 'one more invitation than before');
        await page.getByTestId('workbench-provider').getByRole('link', { name: invitedTo.title }).first().waitFor();
        if (after.provider.recommendedNeeds.length) {
          const listed = await page.getByTestId('workbench-recommended-needs').locator('a[href^="/needs/"]').count();
          assert(
            listed === after.provider.recommendedNeeds.length,
            `${listed} recommended needs shown, the API has ${after.provider.recommendedNeeds.length}`,
          );
        } else {
          await page.getByText('暂无推荐').waitFor();
        }
        assert(errors.length === 0, `errors on the page: ${errors.join(' | ')}`);
      } finally {
        await context.close();
      }
    });
  }

  await check("1440 px: the city officer's queue counts a provider that just applied for selection", async () => {
    const beforeQueue = (await workbench('city')).officer.providersPendingSelection;
    const { makeUscc } = await import(pathToFileURL(TAXONOMY).href);
    const stamp = Date.now() % 1_000_000;
    const applicant = await call(base, 'POST', '/auth/register', {
      email: `applicant-${stamp}@browser.test`,
      password: 'browser-pass-2024',
      displayName: '服务商申请人',
    });
    const provider = await call(
      base,
      'POST',
      '/providers',
      {
        name: `沈阳工作台测试智能科技有限公司${stamp}`,
        uscc: makeUscc(900_000 + stamp),
        kind: 'product',
        districts: ['tiexi'],
        description: '浏览器测试用服务商',
      },
      applicant.accessToken,
    );
    await attachLicence(base, provider.id, applicant.accessToken);
    const queue = (await workbench('city')).officer.providersPendingSelection;
    assert(queue === beforeQueue + 1, `the API's queue went from ${beforeQueue} to ${queue}`);
    const { context, page, errors } = await openWorkbench(base, ACCOUNTS.city);
    try {
      const shown = await shownCounts(page, 'workbench-officer');
      assert(shown.待遴选服务商 === queue, `待遴选服务商 shows ${shown.待遴选服务商}, the API says ${queue}`);
      await page.locator('[data-count=待遴选服务商]').click();
      await page.waitForURL((url) => url.pathname === '/selection');
      await page.getByText(provider.name).first().waitFor();
      assert(errors.length === 0, `errors on the page: ${errors.join(' | ')}`);
    } finally {
      await context.close();
    }
  });

  await check("1440 px: the organiser's workbench counts a registration waiting; the assessor's counts are the API's", async () => {
    const event = await call(
      base,
      'POST',
      '/events',
      eventBody(new Date(), { daysAhead: 10, title: '工作台测试：装备制造数字化转型对接会' }),
      tokens.organiser,
    );
    await call(base, 'POST', `/events/${event.id}/open-registration`, undefined, tokens.organiser);
    await call(base, 'POST', `/events/${event.id}/registrations`, { organisationId: before.enterprise.enterpriseId }, tokens.enterprise);
    const organiser = (await workbench('organiser')).organiser;
    assert(
      organiser.eventsWithPending.some((e) => e.id === event.id && e.pending === 1),
      'the API lists the new event with one registration waiting',
    );
    let opened = await openWorkbench(base, ACCOUNTS.organiser);
    try {
      const shown = await shownCounts(opened.page, 'workbench-organiser');
      assert(
        shown.待审核报名 === organiser.registrationsPending,
        `待审核报名 shows ${shown.待审核报名}, the API says ${organiser.registrationsPending}`,
      );
      await opened.page.getByTestId('workbench-organiser').getByRole('link', { name: event.title }).waitFor();
      assert(opened.errors.length === 0, `errors on the page: ${opened.errors.join(' | ')}`);
    } finally {
      await opened.context.close();
    }
    const assessor = (await workbench('assessor')).assessor;
    opened = await openWorkbench(base, ACCOUNTS.assessor);
    try {
      same(
        await shownCounts(opened.page, 'workbench-assessor'),
        { 待监测项目: assessor.projectsActive, 整改中项目: assessor.projectsInRework, 待评分申报: assessor.nominationsToScore },
        'assessor',
      );
      assert(opened.errors.length === 0, `errors on the page: ${opened.errors.join(' | ')}`);
    } finally {
      await opened.context.close();
    }
  });

  await check(
    '390 px: the enterprise signs in with its mobile number and an SMS code (手机验证码登录) and lands on its workbench',
    async () => {
      const mobile = `139${String(Date.now()).slice(-8)}`;
      await call(base, 'PATCH', '/auth/me', { mobile }, tokens.enterprise);
      const context = await launchBrowser({ viewport: PHONE, isMobile: true, hasTouch: true });
      const page = context.pages()[0] ?? (await context.newPage());
      setCurrentPage(page);
      const errors = [];
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text().slice(0, 200)));
      page.on('pageerror', (e) => errors.push(e.message.slice(0, 200)));
      try {
        await page.goto(`${base}/login`);
        await page.getByRole('tab', { name: '手机验证码登录' }).click();
        await page.getByLabel('手机号').fill('1390000');
        await page.getByRole('button', { name: '获取验证码' }).click();
        await page.getByText('请输入 11 位中国大陆手机号').waitFor();
        await page.getByLabel('手机号').fill(mobile);
        await page.getByRole('button', { name: '获取验证码' }).click();
        await page.getByRole('button', { name: /秒后重发/ }).waitFor();
        const kept = await call(base, 'GET', `/admin/sms-messages?mobile=${mobile}`, undefined, admin);
        const code = kept.items[0]?.text.match(/(\d{6})/)?.[1];
        assert(code, `the code is kept for the admin (${JSON.stringify(kept.items[0])})`);
        const wrong = code === '000000' ? '111111' : '000000';
        await page.getByPlaceholder('6 位验证码').fill(wrong);
        await page.locator('form button[type=submit]').click();
        await page
          .getByText(/验证码.*还可尝试 4 次/)
          .first()
          .waitFor();
        await page.getByPlaceholder('6 位验证码').fill(code);
        await page.locator('form button[type=submit]').click();
        await page.waitForURL((url) => url.pathname === '/');
        await page.getByTestId('workbench-enterprise').waitFor();
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        assert(width <= PHONE.width + 1, `the workbench is ${width} px wide on a ${PHONE.width} px phone`);
        // The wrong code's 401 is the one console error Chromium writes for a refused request.
        const unexpected = errors.filter((e) => !/401/.test(e));
        assert(unexpected.length === 0, `errors on the page: ${unexpected.join(' | ')}`);
      } finally {
        await context.close();
      }
    },
  );
}

await runSuite('workbench', main);

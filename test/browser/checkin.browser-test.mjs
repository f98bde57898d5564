/* global document, Image, window */
/**
 * Browser test of check-in at a matchmaking event (扫码签到), on the demo data: the demo
 * organiser's event (registration open, 18 approved participants) is closed, scheduled and
 * published over the API; participants open their agendas on a 390 × 844 phone and show their
 * QR codes and short codes; the test decodes a QR image itself (jsQR on the pixels shown) and
 * the organiser checks people in on the 签到 tab — the decoded token typed as a handheld scanner
 * would, a photo of another participant's code read by the page's own decoder, a short code —
 * sees 已签到 for a second check-in, two codes entered back to back both checked (the last one's answer
 * shown, whatever order the answers come in), a Chinese message for a forged code and for the missing
 * camera, the arrivals list, and the report's arrivals chart, at both sizes.
 *
 * Needs `npm run build` first. Environment: see harness.mjs.
 */
import { join } from 'node:path';
import {
  DEMO,
  DESKTOP,
  PHONE,
  RESULTS,
  assert,
  call,
  check,
  demoAccount,
  launchBrowser,
  runSuite,
  setCurrentPage,
  settled,
  sleep,
  startApp,
} from './harness.mjs';

const ORGANISER = DEMO.organiser;
/** Owners of demo enterprises 1–3, all registered and approved for the demo event. */
const PARTICIPANTS = ['enterprise', 'e002', 'e003'].map(demoAccount);
const EVENT_TITLE = '铁西区装备制造业数字化转型供需对接会';
const SHORT_CODE = /[2-9A-HJ-NP-Z]{6}/;

/** The demo organiser's event once the seeder has approved its 18 participants (the seeder runs after start-up). */
async function demoEvent(base, token) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const { items } = await call(base, 'GET', '/events?pageSize=50', undefined, token);
    const event = items.find((e) => e.title === EVENT_TITLE);
    const approved = event ? event.registrations.enterprises.approved + event.registrations.providers.approved : 0;
    if (event && approved === 18) return event;
    if (Date.now() > deadline) throw new Error(`the demo event with 18 approved participants is missing (found ${approved})`);
    await sleep(500);
  }
}

async function signInAs(page, base, user) {
  await page.goto(`${base}/login`);
  await page.locator('#email').fill(user.email);
  await page.locator('#password').fill(user.password);
  await page.locator('button[type=submit]').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/** The pixels of a PNG, read through a canvas of the page (the browser is the PNG decoder here; the QR decoding is the test's). */
async function pixelsOf(page, png) {
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.naturalWidth;
    canvas.height = img.naturalHeight;
    const context = canvas.getContext('2d');
    context.drawImage(img, 0, 0);
    const { data, width, height } = context.getImageData(0, 0, canvas.width, canvas.height);
    return { data: Array.from(data), width, height };
  }, png.toString('base64'));
}

/**
 * No sideways scrolling at phone width: everything fits in one column. The width is the viewport
 * asked for, not `innerWidth`, which a mobile browser widens to a page that is too wide.
 */
async function fitsWidth(page) {
  const width = page.viewportSize().width;
  const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
  assert(scroll <= width + 1, `the page scrolls sideways at ${width} px (content ${scroll} px wide)`);
}

async function main() {
  const base = await startApp();
  const jsQR = (await import('jsqr')).default;
  const organiser = await call(base, 'POST', '/auth/login', ORGANISER);
  const event = await demoEvent(base, organiser.accessToken);
  for (const step of ['close-registration', 'schedule', 'publish'])
    await call(base, 'POST', `/events/${event.id}/${step}`, {}, organiser.accessToken);
  const eventUrl = `${base}/events/${event.id}`;
  console.log(`demo event ${event.id} published`);

  const participantContext = await launchBrowser({ viewport: PHONE, isMobile: true, hasTouch: true });
  const participant = participantContext.pages()[0] ?? (await participantContext.newPage());
  const organiserContext = await launchBrowser({ viewport: PHONE, isMobile: true, hasTouch: true });
  const desk = organiserContext.pages()[0] ?? (await organiserContext.newPage());
  const pageErrors = [];
  for (const page of [participant, desk]) page.on('pageerror', (error) => pageErrors.push(error.message));

  /** What each participant's pass shows: the token the test decoded, a PNG of the QR code as shown, the short code. */
  const passes = [];

  await check('participants see their QR code and short code on the agenda at 390 × 844, and the test decodes the QR image', async () => {
    setCurrentPage(participant);
    for (const [i, user] of PARTICIPANTS.entries()) {
      await signInAs(participant, base, user);
      await participant.goto(eventUrl);
      await participant.getByRole('tab', { name: '我的报名' }).click();
      const qr = participant.getByTestId('check-in-qr');
      await qr.waitFor();
      await participant.waitForFunction(() => document.querySelector('[data-testid=check-in-qr]')?.complete);
      const box = await qr.boundingBox();
      assert(box && box.width >= 200, `the QR code is large enough to scan (${box?.width} px wide)`);
      const shortCode = (await participant.getByTestId('check-in-code').first().innerText()).match(SHORT_CODE)?.[0];
      assert(shortCode, 'a short code under the QR code');
      // Full screen, as shown across the desk: the test decodes that image.
      await participant.getByTestId('check-in-enlarge').click();
      const large = participant.getByTestId('check-in-qr-large');
      await large.waitFor();
      await settled(large);
      const largeBox = await large.boundingBox();
      assert(largeBox && largeBox.width >= 300, `the enlarged QR code fills the phone's width (${largeBox?.width} px)`);
      const png = await large.screenshot();
      const { data, width, height } = await pixelsOf(participant, png);
      const decoded = jsQR(Uint8ClampedArray.from(data), width, height);
      assert(decoded?.data?.startsWith('SCI1.'), `the QR image decodes to a check-in token: ${decoded?.data}`);
      if (i === 0) await participant.screenshot({ path: join(RESULTS, 'checkin-pass-fullscreen-phone.png') });
      await participant.keyboard.press('Escape');
      await large.waitFor({ state: 'detached' });
      passes.push({ token: decoded.data, png, shortCode });
      if (i === 0) {
        // Once the names of whom it wants to meet are in (they load after the registration).
        await participant.getByTestId('event-participation').locator('.ant-tag', { hasText: '…' }).first().waitFor({ state: 'detached' });
        await fitsWidth(participant);
        await settled(participant.getByTestId('check-in-pass'));
        await participant.getByTestId('check-in-pass').screenshot({ path: join(RESULTS, 'checkin-pass-phone.png') });
        // From the top: the sticky header would otherwise land mid-page in a full-page shot.
        await participant.evaluate(() => window.scrollTo(0, 0));
        await participant.screenshot({ path: join(RESULTS, 'checkin-agenda-phone.png'), fullPage: true });
      }
      await participant.evaluate(() => window.localStorage.clear());
    }
    assert(new Set(passes.map((p) => p.shortCode)).size === PARTICIPANTS.length, 'each participant has its own short code');
  });

  const result = desk.getByTestId('check-in-result');
  const submitCode = async (text) => {
    const input = desk.locator('input#check-in-code-input');
    await input.fill(text);
    await input.press('Enter');
  };

  await check('the organiser opens 签到 on a phone; the camera button fails gracefully without a camera', async () => {
    setCurrentPage(desk);
    await signInAs(desk, base, ORGANISER);
    await desk.goto(eventUrl);
    await desk.getByRole('tab', { name: '签到', exact: true }).click();
    await desk.getByTestId('check-in').waitFor();
    await desk.getByTestId('check-in-camera').click();
    const message = await desk.getByTestId('check-in-camera-error').innerText();
    assert(/摄像头/.test(message) && /签到码/.test(message), `a Chinese message: ${message}`);
    await fitsWidth(desk);
    const button = await desk.getByTestId('check-in-camera').boundingBox();
    assert(button && button.height >= 38 && button.width >= 280, `a large camera button (${button?.width} × ${button?.height})`);
  });

  await check('the token the test decoded, typed as a handheld scanner would: 签到成功, then 已签到（时间）', async () => {
    await submitCode(passes[0].token);
    await result.filter({ hasText: '签到成功' }).waitFor();
    await submitCode(passes[0].token);
    await result.filter({ hasText: /已签到（\d\d:\d\d）/ }).waitFor();
  });

  await check("a photo of another participant's QR code, read by the page's own decoder: 签到成功", async () => {
    const decoder = await desk.evaluate(() => ('BarcodeDetector' in window ? 'BarcodeDetector' : 'jsQR'));
    await desk.getByTestId('check-in-photo').setInputFiles({ name: 'qr.png', mimeType: 'image/png', buffer: passes[1].png });
    await result.filter({ hasText: '签到成功' }).waitFor();
    console.log(`      (decoded in the page by ${decoder})`);
  });

  await check(
    'a short code typed in lower case: 签到成功; again: 已签到; a forged code and an unknown one: the Chinese reason',
    async () => {
      await submitCode(passes[2].shortCode.toLowerCase());
      await result.filter({ hasText: '签到成功' }).waitFor();
      await submitCode(passes[2].shortCode);
      await result.filter({ hasText: '已签到' }).waitFor();
      const [prefix, payload, sig] = passes[0].token.split('.');
      await submitCode(`${prefix}.${payload}.${sig.startsWith('A') ? 'B' : 'A'}${sig.slice(1)}`);
      await result.filter({ hasText: '二维码无效或已过期' }).waitFor();
      const unknown = passes.some((p) => p.shortCode === '222222') ? '333333' : '222222';
      await submitCode(unknown);
      await result.filter({ hasText: '签到码无效' }).waitFor();
    },
  );

  await check('two codes entered back to back, as a scanner does: neither is dropped, the answer to the last one shows', async () => {
    const unknown = passes.some((p) => p.shortCode === '444444') ? '555555' : '444444';
    // The first answer of each pair is held back so that the second code is entered while the first is still being
    // checked, and its answer arrives last: the second is checked too, and its answer is the one shown.
    let sent = 0;
    const answers = [];
    const held = (route) => {
      const delay = sent++ % 2 === 0 ? 1200 : 0;
      answers.push(
        sleep(delay)
          .then(() => route.continue())
          .then(() => route.request().response())
          .then((response) => response?.finished()),
      );
    };
    await desk.route('**/check-in', held);
    await submitCode(passes[1].token);
    await submitCode(unknown);
    await result.filter({ hasText: '签到码无效' }).waitFor();
    await submitCode(unknown);
    await submitCode(passes[1].token);
    await result.filter({ hasText: '已签到' }).waitFor();
    const value = await desk.locator('input#check-in-code-input').inputValue();
    assert(value === '', `the box is empty once both are answered: "${value}"`);
    assert(sent === 4, `four check-ins sent, ${sent} seen`);
    // Once the held answer to the first code of the second pair (签到码无效) has arrived too, the last one's still shows.
    await Promise.all(answers);
    await desk.unroute('**/check-in', held);
    await desk.evaluate(() => new Promise((done) => window.requestAnimationFrame(() => window.requestAnimationFrame(done))));
    const shown = await result.innerText();
    assert(shown.includes('已签到'), `the answer to the code entered last still shows: ${shown}`);
  });

  await check('the arrivals list counts three, at 390 × 844 and at 1440 × 900', async () => {
    await desk.getByTestId('check-in-count').filter({ hasText: '3' }).waitFor();
    const rows = desk.getByTestId('check-in-arrivals').locator('.ant-list-item');
    assert((await rows.count()) === 3, `three arrivals listed, found ${await rows.count()}`);
    await submitCode(passes[0].token);
    await result.filter({ hasText: '已签到' }).waitFor();
    await fitsWidth(desk);
    await desk.screenshot({ path: join(RESULTS, 'checkin-desk-phone.png'), fullPage: true });
    await desk.setViewportSize(DESKTOP);
    await desk.getByTestId('check-in-arrivals').waitFor();
    // The menu unfolds at the new width (a CSS transition): shot once it is open.
    await desk.waitForFunction(() => document.querySelector('.ant-layout-sider')?.getBoundingClientRect().width === 208);
    await desk.screenshot({ path: join(RESULTS, 'checkin-desk-desktop.png'), fullPage: true });
  });

  await check('the participant sees itself checked in on its pass', async () => {
    setCurrentPage(participant);
    await signInAs(participant, base, PARTICIPANTS[0]);
    await participant.goto(eventUrl);
    await participant.getByRole('tab', { name: '我的报名' }).click();
    await participant
      .getByTestId('check-in-pass')
      .getByText(/已签到 \d\d:\d\d/)
      .waitFor();
  });

  await check('the report charts arrivals by quarter hour, at 1440 × 900 and 390 × 844', async () => {
    setCurrentPage(desk);
    await desk.getByRole('tab', { name: '活动报告' }).click();
    const arrivals = desk.getByTestId('event-arrivals');
    await arrivals.getByText('共 3 家签到').waitFor();
    await arrivals.locator('canvas').first().waitFor();
    await desk.screenshot({ path: join(RESULTS, 'checkin-report-desktop.png'), fullPage: true });
    await desk.setViewportSize(PHONE);
    await arrivals.locator('canvas').first().waitFor();
    await arrivals.screenshot({ path: join(RESULTS, 'checkin-report-phone.png') });
    const report = await call(base, 'GET', `/events/${event.id}/report`, undefined, organiser.accessToken);
    assert(report.arrivals.total === 3, `the report counts 3 arrivals: ${JSON.stringify(report.arrivals)}`);
  });

  await check('no uncaught errors in the pages', async () => {
    assert(pageErrors.length === 0, `page errors: ${pageErrors.join(' | ')}`);
  });
}

await runSuite('checkin', main);

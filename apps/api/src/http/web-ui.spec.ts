import { createHash } from 'node:crypto';
import { CONTENT_SECURITY_POLICY } from './security.js';
import { fillPage, isServerRenderedPath, pageTemplate } from './web-ui.js';

const ID = '043e218b-97f3-4afe-9b35-c33f3590b23d';

/** The shape of the web build's index.html (description before title, entry and preloads in the head). */
const INDEX = `<!doctype html>
<html lang="zh-CN">
  <head>
    <link rel="stylesheet" href="/assets/antd-1.css">
    <meta name="description" content="站点描述" />
    <title>供需对接平台</title>
    <script type="module" crossorigin src="/assets/index-abc.js"></script>
    <link rel="modulepreload" crossorigin href="/assets/jsx-runtime-1.js">
    <link rel="modulepreload" crossorigin href="/assets/api-2.js">
    <link rel="stylesheet" crossorigin href="/assets/index-3.css">
  </head>
  <body>
    <div id="root">
      <div><p>正在加载……</p></div>
    </div>
  </body>
</html>
`;
const MANIFEST = { 'index.html': { file: 'assets/index-abc.js' }, 'src/boot.ts': { file: 'assets/boot-xyz.js' } };

describe('the portal pages rendered on the server', () => {
  it('are the home, search, a solution and a need; the app keeps its own routes', () => {
    for (const path of ['/', '/solutions', `/solutions/${ID}`, `/needs/${ID}`]) expect(isServerRenderedPath(path)).toBe(true);
    for (const path of [
      '/login',
      '/needs',
      '/solutions/new',
      `/solutions/${ID}/edit`,
      `/needs/${ID}/bids`,
      '/solutions/not-an-id',
      '/organisation',
    ]) {
      expect(isServerRenderedPath(path)).toBe(false);
    }
  });

  it('load the boot script instead of the app, with the app’s entry for it to load later', () => {
    const { page } = pageTemplate(INDEX, MANIFEST);
    expect(page).toContain('<script type="module" id="smedx-boot" src="/assets/boot-xyz.js" data-entry="/assets/index-abc.js"></script>');
    expect(page).not.toContain('modulepreload');
    expect(page).not.toContain('src="/assets/index-abc.js"');
    // The stylesheets stay: the server's markup needs them at once.
    expect(page).toContain('href="/assets/antd-1.css"');
    expect(page).toContain('href="/assets/index-3.css"');
  });

  it('hide the visitor’s page in <head> for a signed-in user, with the one inline script the CSP allows by its hash', () => {
    const { page } = pageTemplate(INDEX, MANIFEST);
    const head = page.slice(0, page.indexOf('</head>'));
    const inline = [...head.matchAll(/<script>([^<]*)<\/script>/g)].map((m) => m[1]);
    expect(inline).toHaveLength(1);
    const hash = `'sha256-${createHash('sha256').update(inline[0]).digest('base64')}'`;
    expect(CONTENT_SECURITY_POLICY.directives.scriptSrc).toEqual(["'self'", hash]);
    // Run as the browser would: with a token it marks the page as loading (styles.css hides #root), without it not.
    const run = (token: string | null, throws = false) => {
      const dataset: Record<string, string> = {};
      const localStorage = {
        getItem: (key: string) => {
          if (throws) throw new Error('storage disabled');
          return key === 'smedx.accessToken' ? token : null;
        },
      };
      new Function('localStorage', 'document', inline[0])(localStorage, { documentElement: { dataset } });
      return dataset.app;
    };
    expect(run('a-token')).toBe('loading');
    expect(run(null)).toBeUndefined();
    expect(run('a-token', true)).toBeUndefined();
  });

  it('carry the page’s markup, title, description and data, escaped', () => {
    const html = fillPage(pageTemplate(INDEX, MANIFEST), {
      html: '<main><h1>设备联网</h1></main>',
      title: '设备联网 <精简版> & "云" - 供需对接平台',
      description: '说明 "引号" <b>',
      answers: { [`/solutions/${ID}`]: { status: 200, body: { title: '</script><script>alert(1)</script>' } } },
    });
    expect(html).toContain('<title>设备联网 &lt;精简版&gt; &amp; &quot;云&quot; - 供需对接平台</title>');
    expect(html).toContain('<meta name="description" content="说明 &quot;引号&quot; &lt;b&gt;" />');
    expect(html).toContain('<div id="root"><main><h1>设备联网</h1></main></div>');
    expect(html).not.toContain('正在加载');
    // The data cannot close its element: every `<` in it is escaped.
    const data = /<script type="application\/json" id="ssr-data">([^<]*)<\/script>/.exec(html);
    expect(data).not.toBeNull();
    expect(JSON.parse(data![1])).toEqual({ [`/solutions/${ID}`]: { status: 200, body: { title: '</script><script>alert(1)</script>' } } });
    // The boot script, the signed-in check and the data block: no script from the data.
    expect(html.match(/<script/g)).toHaveLength(3);
    // `$&` and the like in a page are text, not replacement patterns.
    expect(fillPage(pageTemplate(INDEX, MANIFEST), { html: '<p>$& $1</p>', title: '$&', description: '$`', answers: {} })).toContain(
      '<p>$& $1</p>',
    );
  });

  it('refuse a build without the boot script, the entry or #root', () => {
    expect(() => pageTemplate(INDEX, { 'index.html': { file: 'assets/index-abc.js' } })).toThrow(/boot/);
    expect(() => pageTemplate(INDEX, { ...MANIFEST, 'index.html': { file: 'assets/other.js' } })).toThrow(/entry/);
    expect(() => pageTemplate(INDEX.replace('<div id="root">', '<div>'), MANIFEST)).toThrow(/#root/);
  });
});

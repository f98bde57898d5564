import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { API_PREFIX } from './openapi.js';
import { UuidParam } from './query.js';

/** An API answer a server-rendered page was rendered with (apps/web/src/preload.tsx). */
interface PreloadedAnswer {
  status: number;
  body: unknown;
}

/** What the web build's server renderer exports (apps/web/src/entry-server.tsx). */
interface PortalRenderer {
  render(
    url: string,
    fetchAnswer: (key: string) => Promise<PreloadedAnswer>,
  ): Promise<{ html: string; answers: Record<string, PreloadedAnswer>; title: string; description: string }>;
}

/** The built page with markers where a server-rendered page differs from the app's index.html. */
export interface PageTemplate {
  /** The page for server rendering, with {@link MARK}s for the title, the description, `#root`'s content and the data. */
  page: string;
}

/** Markers in the template (the build's index.html has none of its own); filled in one pass, so no filled-in text is read for them. */
const MARK = { title: '<!--ssr:title-->', description: '<!--ssr:description-->', root: '<!--ssr:root-->', data: '<!--ssr:data-->' };

/**
 * The one inline script of a server-rendered page, run in `<head>` before the page is drawn: a
 * signed-in user's browser hides the visitor's page the server sent (styles.css), so it never shows
 * before the app draws the user's own (boot.ts loads the app at once for them; main.tsx shows it). A
 * module script (boot.ts) runs only after the document is parsed: too late for that. The CSP allows
 * exactly this text by its hash ({@link SIGNED_IN_SCRIPT_HASH}).
 */
export const SIGNED_IN_SCRIPT =
  'try{if(localStorage.getItem("smedx.accessToken"))document.documentElement.dataset.app="loading"}catch(e){}';
/** The CSP source that allows {@link SIGNED_IN_SCRIPT} (and no other inline script). */
export const SIGNED_IN_SCRIPT_HASH = `'sha256-${createHash('sha256').update(SIGNED_IN_SCRIPT).digest('base64')}'`;

/**
 * The portal's pages rendered on the server for visitors: the home, search, a solution and a need.
 * Their path (with a solution's or need's id; `/solutions/new` and the like stay the app's).
 */
export function isServerRenderedPath(pathname: string): boolean {
  if (pathname === '/' || pathname === '/solutions') return true;
  const [, section, id, more] = pathname.split('/');
  return (section === 'solutions' || section === 'needs') && UuidParam.safeParse(id).success && more === undefined;
}

/**
 * Turns the built index.html into a server-rendered page's template: the app's entry script and its
 * preloads give way to the boot script (src/boot.ts), which loads the entry at the first interaction
 * (at once for a signed-in user), and `#root` takes the rendered markup.
 */
export function pageTemplate(indexHtml: string, manifest: Record<string, { file: string }>): PageTemplate {
  const entry = manifest['index.html']?.file;
  const boot = manifest['src/boot.ts']?.file;
  if (!entry || !boot) throw new Error('web build: no index.html or src/boot.ts entry in the manifest');
  const entryTag = new RegExp(`<script type="module" crossorigin src="/${escapeRegExp(entry)}"></script>`);
  const title = /<title>[^<]*<\/title>/;
  const description = /<meta\s+name="description"\s+content="[^"]*"\s*\/?>/;
  const rootStart = indexHtml.indexOf('<div id="root">');
  const rootEnd = indexHtml.lastIndexOf('</div>', indexHtml.indexOf('</body>'));
  if (!entryTag.test(indexHtml) || !title.test(indexHtml) || !description.test(indexHtml) || rootStart < 0 || rootEnd < rootStart) {
    throw new Error(`web build: index.html lacks the entry ${entry}, <title>, a description or #root`);
  }
  const page = (indexHtml.slice(0, rootStart) + `<div id="root">${MARK.root}</div>` + indexHtml.slice(rootEnd + '</div>'.length))
    .replace(entryTag, `<script type="module" id="smedx-boot" src="/${boot}" data-entry="/${entry}"></script>`)
    .replace(/\s*<link rel="modulepreload"[^>]*>/g, '')
    .replace(title, `<title>${MARK.title}</title>`)
    .replace(description, `<meta name="description" content="${MARK.description}" />`)
    .replace('</head>', `  <script>${SIGNED_IN_SCRIPT}</script>\n  </head>`)
    .replace('</body>', `<script type="application/json" id="ssr-data">${MARK.data}</script>\n  </body>`);
  return { page };
}

/** A rendered page in its template, with the answers it was rendered with for the browser's hydration. */
export function fillPage(
  template: PageTemplate,
  page: { html: string; answers: Record<string, PreloadedAnswer>; title: string; description: string },
): string {
  // JSON in a data block (not executed: the CSP allows it); `<` escaped so no text in it can close the element.
  const data = JSON.stringify(page.answers).replace(/</g, '\\u003c');
  const values: Record<string, string> = {
    [MARK.title]: escapeHtml(page.title),
    [MARK.description]: escapeHtml(page.description),
    [MARK.root]: page.html,
    [MARK.data]: data,
  };
  return template.page.replace(/<!--ssr:\w+-->/g, (mark) => values[mark] ?? '');
}

/**
 * Serves the built web UI (apps/web/dist) at `/`, when it has been built: hashed assets from disk
 * (pre-compressed), the portal's pages rendered on the server for visitors (when the server renderer
 * apps/web/dist-ssr has been built), and the app's index.html for every other client-side route.
 */
export async function serveWebUi(app: NestFastifyApplication, log: (message: string, error?: unknown) => void): Promise<void> {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [resolve(here, '../../../../apps/web/dist'), resolve(here, '../../../../../apps/web/dist'), resolve('apps/web/dist')];
  const root = candidates.find((c) => existsSync(join(c, 'index.html')));
  if (!root) return;
  const fastify = app.getHttpAdapter().getInstance();
  const { default: fastifyStatic } = await import('@fastify/static');
  await app.register(fastifyStatic as never, {
    root,
    prefix: '/',
    wildcard: false,
    // `/` is a page like the others (rendered on the server), not the directory's index.
    index: false,
    // The build writes .br and .gz copies (scripts/compress-web.mjs): sent as they are to browsers that accept them.
    preCompressed: true,
    // Hashed bundles never change under their name: cached for a year; the page itself is checked each time.
    // (@fastify/static 10 hands over the fastify reply, not the raw response.)
    setHeaders: (reply: { header(name: string, value: string): unknown }, path: string) => {
      reply.header('cache-control', /[\\/]assets[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  const portal = await loadPortalRenderer(root, log);
  const shell = (reply: FastifyReply) => reply.type('text/html').header('cache-control', 'no-cache').sendFile('index.html');
  // Client-side routes fall back to the app's index.html; unknown API and docs paths keep their 404.
  fastify.get('/*', async (request, reply) => {
    const url = request.url;
    if (url.startsWith(`/${API_PREFIX}`) || url.startsWith('/docs') || url.startsWith('/health') || url.startsWith('/metrics')) {
      return reply.status(404).send({ statusCode: 404, error: 'Not Found', message: `Cannot GET ${url}` });
    }
    const pathname = url.split('?')[0];
    if (!portal || !isServerRenderedPath(pathname)) return shell(reply);
    try {
      const page = await portal.renderer.render(url, (key) => fetchAnswer(fastify, request, key));
      // A solution or need that does not exist (or is not public) is a 404 page, as its API answer is.
      const missing = Object.entries(page.answers).some(([key, answer]) => key.split('?')[0] === pathname && answer.status === 404);
      return reply
        .status(missing ? 404 : 200)
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-cache')
        .send(fillPage(portal.template, page));
    } catch (error) {
      // The app draws the page itself: a rendering fault costs the visitor speed, not the page.
      log(`server rendering of ${pathname} failed; the app's page was sent instead`, error);
      return shell(reply);
    }
  });
}

async function loadPortalRenderer(root: string, log: (message: string, error?: unknown) => void) {
  const rendererPath = join(root, '../dist-ssr/entry-server.js');
  const manifestPath = join(root, '.vite/manifest.json');
  if (!existsSync(rendererPath) || !existsSync(manifestPath)) return null;
  try {
    const template = pageTemplate(readFileSync(join(root, 'index.html'), 'utf8'), JSON.parse(readFileSync(manifestPath, 'utf8')));
    const renderer = (await import(pathToFileURL(rendererPath).href)) as PortalRenderer;
    return { template, renderer };
  } catch (error) {
    log('the portal’s server renderer could not be loaded: its pages are drawn by the app', error);
    return null;
  }
}

/**
 * One GET of the public API for a page being rendered, answered in-process and as the visitor (their
 * address, so the search routes' rate limits count it as theirs; no token: the public view only).
 */
async function fetchAnswer(fastify: FastifyInstance, request: FastifyRequest, key: string): Promise<PreloadedAnswer> {
  const response = await fastify.inject({
    method: 'GET',
    url: `/${API_PREFIX}${key}`,
    headers: { accept: 'application/json', 'user-agent': request.headers['user-agent'] ?? '' },
    remoteAddress: request.ip,
  });
  let body: unknown = null;
  try {
    body = response.body ? JSON.parse(response.body) : null;
  } catch {
    body = null;
  }
  return { status: response.statusCode, body };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

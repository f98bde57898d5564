import { renderToString } from 'react-dom/server';
import { prerenderToNodeStream } from 'react-dom/static';
import { StaticRouter } from 'react-router-dom';
import type { PreloadedAnswer, PreloadStore } from './preload';
import { Root } from './root';
import { DEFAULT_DESCRIPTION, SITE } from './usePageMeta';

/** Fetches one GET of the public API (`/portal`, `/solutions/…`) as a visitor would: no token. */
export type FetchAnswer = (key: string) => Promise<PreloadedAnswer>;

export interface RenderedPage {
  /** The markup of `#root`. */
  html: string;
  /** The API answers the page was rendered with, for the browser's hydration. */
  answers: Record<string, PreloadedAnswer>;
  title: string;
  description: string;
}

/** Enough for a page whose data depends on other data (a solution, then its similar solutions). */
const MAX_PASSES = 5;

/**
 * Renders a portal page for a visitor on the server: a render says which API answers the page needs,
 * they are fetched, and the page is rendered again with them, until it asks for nothing new.
 *
 * The final markup comes from `renderToString`: complete, without the inline scripts a streamed or
 * prerendered page carries (the CSP forbids them). A lazy page met for the first time suspends there
 * (its boundary is left to the browser): `prerender` then waits for it to load, and the next pass has it.
 */
export async function render(url: string, fetchAnswer: FetchAnswer): Promise<RenderedPage> {
  const answers: Record<string, PreloadedAnswer> = {};
  for (let pass = 1; ; pass++) {
    const store: PreloadStore = { answers, wanted: new Set() };
    const html = renderToString(tree(url, store));
    const missing = [...(store.wanted ?? [])].filter((key) => !(key in answers));
    const suspended = html.includes(CLIENT_RENDERED_BOUNDARY);
    if (!missing.length && !suspended) {
      return { html, answers, title: store.head?.title ?? SITE, description: store.head?.description ?? DEFAULT_DESCRIPTION };
    }
    if (pass === MAX_PASSES)
      throw new Error(`${url}: not rendered in ${MAX_PASSES} passes (waiting for ${missing.join(', ') || 'a lazy page'})`);
    await Promise.all([
      suspended ? waitForLazyPages(url, store) : undefined,
      ...missing.map(async (key) => {
        answers[key] = await fetchAnswer(key);
      }),
    ]);
  }
}

/** How React marks a Suspense boundary whose content it left to the browser. */
const CLIENT_RENDERED_BOUNDARY = '<!--$!-->';

function tree(url: string, store: PreloadStore) {
  return <Root router={(app) => <StaticRouter location={url}>{app}</StaticRouter>} preload={store} />;
}

/** A prerender waits for every lazy page on the way to load; its markup is not used. */
async function waitForLazyPages(url: string, store: PreloadStore): Promise<void> {
  const { prelude } = await prerenderToNodeStream(tree(url, { ...store, wanted: new Set() }));
  prelude.resume();
}

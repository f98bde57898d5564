import { createContext, useCallback, useContext, useRef } from 'react';
import type { Query } from './api';
import { toQueryString } from './api';

/**
 * Server rendering of the portal's pages (`entry-server.tsx`) and their hydration in the browser
 * share the API answers a page was rendered with: on the server a page asks for what it needs
 * (`usePreloaded`), the server fetches it and renders again; the answers travel in the page as JSON,
 * and the browser's first render reads the same answers, so it matches the server's HTML. After
 * hydration the store is spent: pages fetch as they always have.
 */
export interface PreloadedAnswer {
  status: number;
  body: unknown;
}

export interface PreloadStore {
  answers: Record<string, PreloadedAnswer>;
  /** On the server: the requests a render asked for and did not find. */
  wanted?: Set<string>;
  /** In the browser: set once the server-rendered page has hydrated. */
  spent?: boolean;
  /** The page's `<title>` text and description, as `usePageMeta` set them while rendering on the server. */
  head?: { title?: string; description?: string };
}

export const PreloadContext = createContext<PreloadStore | null>(null);

/** The store's key of a GET request: its path and query, as `api.get` would send them. */
export function preloadKey(path: string, query?: Query): string {
  return `${path}${toQueryString(query)}`;
}

/** The server's answer to `GET path?query`, while rendering on the server or hydrating its HTML; undefined otherwise. */
export function usePreloaded<T>(path: string | null, query?: Query): { status: number; body: T } | undefined {
  const store = useContext(PreloadContext);
  if (!store || store.spent || path === null) return undefined;
  const key = preloadKey(path, query);
  const answer = store.answers[key];
  if (!answer) {
    store.wanted?.add(key);
    return undefined;
  }
  return answer as { status: number; body: T };
}

/**
 * True on the first run of a loading effect whose data came with the page (skip that fetch),
 * false on every later run: `const skip = useSkipFirstLoad(!!answer); … if (skip()) return;`.
 */
export function useSkipFirstLoad(preloaded: boolean): () => boolean {
  const skip = useRef(preloaded);
  return useCallback(() => {
    const now = skip.current;
    skip.current = false;
    return now;
  }, []);
}

/** The page's title and description, recorded while rendering on the server (the browser sets them in an effect). */
export function useServerHead(title: string, description: string): void {
  const store = useContext(PreloadContext);
  if (store?.wanted) store.head = { title, description };
}

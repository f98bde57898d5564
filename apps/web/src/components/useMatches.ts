import { useEffect, useState } from 'react';
import { api, ApiError, unless404 } from '../api';
import type { Match } from '../api';
import { showError } from './feedback';

export interface Matches {
  /** null while loading; false when the route is not there (404) or not for this user (403). */
  available: boolean | null;
  items: Match[];
  /** Titles of the matched objects, for items that carry none. */
  titles: Record<string, string>;
}

/**
 * `GET /needs/:id/matches` (→ solutions) or `GET /solutions/:id/matches` (→ needs).
 * Matches that name no title are looked up; a list holds a page of matches at most.
 */
export function useMatches(of: 'needs' | 'solutions', id: string | undefined): Matches {
  const [state, setState] = useState<Matches>({ available: null, items: [], titles: {} });
  useEffect(() => {
    if (!id) return;
    let live = true;
    const other = of === 'needs' ? 'solutions' : 'needs';
    (async () => {
      const found = await unless404(api.get<{ items: Match[] }>(`/${of}/${id}/matches`));
      if (!found) return { available: false, items: [], titles: {} };
      const untitled = found.items.filter((m) => !m.title).slice(0, 20);
      const named = await Promise.all(untitled.map((m) => unless404(api.get<{ id: string; title: string }>(`/${other}/${m.id}`))));
      const titles = Object.fromEntries(named.filter((n) => n !== null).map((n) => [n.id, n.title]));
      return { available: true, items: found.items, titles };
    })().then(
      (next) => live && setState(next),
      (e) => {
        if (!live) return;
        setState({ available: false, items: [], titles: {} });
        if (!(e instanceof ApiError && e.status === 403)) showError(e);
      },
    );
    return () => {
      live = false;
    };
  }, [of, id]);
  return state;
}

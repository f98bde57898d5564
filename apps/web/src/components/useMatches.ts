import { useEffect, useState } from 'react';
import { api, ApiError, unless404 } from '../api';
import type { Match } from '../api';
import { showError } from './feedback';

export interface Matches {
  /** null while loading; false when the route is not there (404) or not for this user (403). */
  available: boolean | null;
  items: Match[];
}

/**
 * `GET /needs/:id/matches` (→ solutions) or `GET /solutions/:id/matches` (→ needs).
 * Each match carries its title; a list holds a page of matches at most.
 */
export function useMatches(of: 'needs' | 'solutions', id: string | undefined): Matches {
  const [state, setState] = useState<Matches>({ available: null, items: [] });
  useEffect(() => {
    if (!id) return;
    let live = true;
    (async (): Promise<Matches> => {
      const list: Promise<{ items: Match[] }> =
        of === 'needs' ? api.get('/needs/:id/matches', { id }) : api.get('/solutions/:id/matches', { id });
      const found = await unless404(list);
      return found ? { available: true, items: found.items } : { available: false, items: [] };
    })().then(
      (next) => live && setState(next),
      (e) => {
        if (!live) return;
        setState({ available: false, items: [] });
        if (!(e instanceof ApiError && e.status === 403)) showError(e);
      },
    );
    return () => {
      live = false;
    };
  }, [of, id]);
  return state;
}

import { useCallback, useEffect, useState } from 'react';
import { api, ApiError } from '../api';
import type { Bid, ProjectSummary } from '../api';
import { showError } from './feedback';

export interface NeedBids {
  /** null while loading or when the caller may not see the need's bids (403) or bidding is not deployed (404). */
  items: Bid[] | null;
  available: boolean;
  reload: () => void;
}

/**
 * `GET /needs/:id/bids`: every bid for the need's enterprise and officers, only the
 * caller's own for a provider's members (bids are sealed). One page of 100 at most:
 * a need draws a handful of bids.
 */
export function useNeedBids(needId: string | undefined, enabled: boolean): NeedBids {
  const [items, setItems] = useState<Bid[] | null>(null);
  const [available, setAvailable] = useState(false);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    if (!needId || !enabled) {
      setItems(null);
      setAvailable(false);
      return;
    }
    let live = true;
    api.get('/needs/:id/bids', { id: needId }, { pageSize: 100 }).then(
      (page) => {
        if (!live) return;
        setItems(page.items);
        setAvailable(true);
      },
      (e) => {
        if (!live) return;
        setItems(null);
        setAvailable(false);
        if (!(e instanceof ApiError && (e.status === 403 || e.status === 404))) showError(e);
      },
    );
    return () => {
      live = false;
    };
  }, [needId, enabled, version]);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { items, available, reload };
}

/**
 * The project an award created, looked up among the organisation's projects (the need
 * does not name it); null until found or when there is none.
 */
export function useProjectOfNeed(organisationId: string | null, needId: string, enabled: boolean): ProjectSummary | null {
  const [project, setProject] = useState<ProjectSummary | null>(null);
  useEffect(() => {
    if (!organisationId || !enabled) return;
    let live = true;
    api.get('/projects', { organisationId, pageSize: 100 }).then(
      (page) => live && setProject(page.items.find((p) => p.needId === needId) ?? null),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [organisationId, needId, enabled]);
  return project;
}

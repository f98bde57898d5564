import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';

/**
 * Filters kept in the address bar, so the back button and shared links keep a search.
 * Lists are comma-separated; changing any filter except `page` goes back to page 1.
 */
export function useUrlState() {
  const [params, setParams] = useSearchParams();
  const get = useCallback((key: string) => params.get(key) ?? '', [params]);
  const list = useCallback((key: string) => (params.get(key) ?? '').split(',').filter(Boolean), [params]);
  const number = useCallback(
    (key: string) => {
      const raw = params.get(key);
      const n = raw === null || raw === '' ? NaN : Number(raw);
      return Number.isFinite(n) ? n : undefined;
    },
    [params],
  );
  const set = useCallback(
    (changes: Record<string, string | number | string[] | undefined | null>) => {
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          for (const [key, value] of Object.entries(changes)) {
            const text = Array.isArray(value) ? value.join(',') : value === undefined || value === null ? '' : String(value);
            if (text) next.set(key, text);
            else next.delete(key);
          }
          if (!('page' in changes)) next.delete('page');
          return next;
        },
        { replace: false },
      );
    },
    [setParams],
  );
  return useMemo(() => ({ params, get, list, number, set }), [params, get, list, number, set]);
}

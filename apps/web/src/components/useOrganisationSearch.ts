import { useEffect, useState } from 'react';
import { api } from '../api';

export interface OrganisationOption {
  value: string;
  label: string;
}

/**
 * Organisations found by name as the user types (debounced 300 ms, at most 20): the
 * search behind the enterprise and provider pickers. `clearOnEmpty` forgets the last
 * results when the search text is cleared; otherwise they stay (a picker without a list
 * of known names still shows the chosen one's name).
 */
export function useOrganisationSearch(path: '/enterprises' | '/providers', { clearOnEmpty = false } = {}) {
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<OrganisationOption[]>([]);
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    if (!query.trim()) {
      if (clearOnEmpty) setFound([]);
      return;
    }
    let live = true;
    setLoading(true);
    const timer = setTimeout(() => {
      api
        .get(path, { q: query.trim(), pageSize: 20 })
        .then(
          (page) => live && setFound(page.items.map((o) => ({ value: o.id, label: o.name }))),
          () => live && setFound([]),
        )
        .finally(() => live && setLoading(false));
    }, 300);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [query, path, clearOnEmpty]);

  return { query, setQuery, found, loading };
}

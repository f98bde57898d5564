import { createContext, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { api } from './api';
import type { Taxonomies, TaxonomyItem } from './api';
import { showError } from './components/feedback';
import { usePreloaded, useSkipFirstLoad } from './preload';

export interface TaxonomyLookup extends Taxonomies {
  loaded: boolean;
  /** The Chinese name of a code from one list; the code itself when unknown. */
  name: (list: keyof Taxonomies, code: string) => string;
  /** `{value, label}` options for a Select. */
  options: (list: keyof Taxonomies) => { value: string; label: string }[];
}

const EMPTY: Taxonomies = {
  industries: [],
  districts: [],
  scenarios: [],
  deliveryModes: [],
  scales: [],
  providerKinds: [],
  pilotBatches: [],
};

const TaxonomyContext = createContext<TaxonomyLookup | null>(null);

/** Loads `GET /taxonomies` once for the whole UI. */
export function TaxonomyProvider({ children }: { children: ReactNode }) {
  const preloaded = usePreloaded<Taxonomies>('/taxonomies');
  const [data, setData] = useState<Taxonomies | null>(preloaded?.status === 200 ? preloaded.body : null);
  const skip = useSkipFirstLoad(data !== null);
  useEffect(() => {
    if (skip()) return;
    api.get('/taxonomies').then(setData, showError);
  }, []);
  const value = useMemo<TaxonomyLookup>(() => {
    const lists = data ?? EMPTY;
    const maps = new Map<string, Map<string, string>>();
    for (const [key, items] of Object.entries(lists) as [string, TaxonomyItem[] | undefined][]) {
      maps.set(key, new Map((items ?? []).map((i) => [i.code, i.name])));
    }
    return {
      ...lists,
      loaded: data !== null,
      name: (list, code) => maps.get(list)?.get(code) ?? code,
      options: (list) => (lists[list] ?? []).map((i) => ({ value: i.code, label: i.name })),
    };
  }, [data]);
  return <TaxonomyContext.Provider value={value}>{children}</TaxonomyContext.Provider>;
}

export function useTaxonomy(): TaxonomyLookup {
  const value = useContext(TaxonomyContext);
  if (!value) throw new Error('useTaxonomy outside TaxonomyProvider');
  return value;
}

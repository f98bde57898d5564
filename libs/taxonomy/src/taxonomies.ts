import { DISTRICTS } from './districts.js';
import { INDUSTRIES } from './industries.js';
import { DELIVERY_MODES, PROVIDER_KINDS, SCALES } from './kinds.js';
import { PILOT_BATCHES } from './programme.js';
import { SCENARIOS } from './scenarios.js';
import type { TaxonomyItem } from './taxonomy-item.js';

export interface Taxonomies {
  industries: TaxonomyItem[];
  districts: TaxonomyItem[];
  scenarios: TaxonomyItem[];
  deliveryModes: TaxonomyItem[];
  scales: TaxonomyItem[];
  providerKinds: TaxonomyItem[];
  pilotBatches: TaxonomyItem[];
}

const plain = (list: readonly TaxonomyItem[]): TaxonomyItem[] => list.map(({ code, name }) => ({ code, name }));

/** Fresh `{code, name}` lists for `GET /taxonomies`; callers may mutate them freely. */
export function taxonomies(): Taxonomies {
  return {
    industries: plain(INDUSTRIES),
    districts: plain(DISTRICTS),
    scenarios: plain(SCENARIOS),
    deliveryModes: plain(DELIVERY_MODES),
    scales: plain(SCALES),
    providerKinds: plain(PROVIDER_KINDS),
    pilotBatches: plain(PILOT_BATCHES),
  };
}

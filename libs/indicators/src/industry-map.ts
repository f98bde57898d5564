import { MAP_BATCH_KEYS, MAP_LEVEL_KEYS } from '@smedx/contracts';
import type { IndustryMapView, MapBatchKey, MapCounts, MapLevelKey } from '@smedx/contracts';
import { DIGITAL_LEVELS, INDUSTRIES, PILOT_BATCHES } from '@smedx/taxonomy';
import type { District } from '@smedx/taxonomy';
import { round } from './indicator-figures.js';
import { OFFICIAL_LEVEL_SOURCES } from './plan-indicators.js';

export type { IndustryMapView, MapBatchKey, MapCounts, MapLevelKey } from '@smedx/contracts';

/** Enterprises of one district × industry × batch × level (and its source), as the grouped query returns them. */
export interface MapGroup {
  district: string;
  industry: string;
  batch: string | null;
  level: number | null;
  levelSource: string | null;
  count: number;
}

export interface MapFilters {
  batch: MapBatchKey | null;
  level: MapLevelKey | null;
}

/** The column names, in order: the taxonomy's names, and what the map calls the rest. */
export const MAP_LEVELS: { code: MapLevelKey; name: string }[] = [
  ...DIGITAL_LEVELS.map((l) => ({ code: String(l.level) as MapLevelKey, name: l.name })),
  { code: 'none', name: '未评定' },
];
export const MAP_BATCHES: { code: MapBatchKey; name: string }[] = [
  ...PILOT_BATCHES.map((b) => ({ code: b.code, name: b.name })),
  { code: 'none', name: '未入库' },
];

const official = new Set<string>(OFFICIAL_LEVEL_SOURCES);
const levelKeys = new Set<string>(MAP_LEVEL_KEYS);
const batchKeys = new Set<string>(MAP_BATCH_KEYS);

/**
 * The map's level of an enterprise: its level when an on-site assessment or an acceptance test
 * set it (as the indicators count it), else `none` (a self-check is advisory).
 */
export function levelKeyOf(level: number | null, source: string | null): MapLevelKey {
  const key = String(level);
  return level !== null && source !== null && official.has(source) && levelKeys.has(key) ? (key as MapLevelKey) : 'none';
}

export function batchKeyOf(batch: string | null): MapBatchKey {
  return batch !== null && batchKeys.has(batch) ? (batch as MapBatchKey) : 'none';
}

/** A running count: the contract's counts plus what the mean is made of. */
class Tally {
  total = 0;
  byLevel = Object.fromEntries(MAP_LEVEL_KEYS.map((k) => [k, 0])) as Record<MapLevelKey, number>;
  byBatch = Object.fromEntries(MAP_BATCH_KEYS.map((k) => [k, 0])) as Record<MapBatchKey, number>;
  private levelSum = 0;

  add(level: MapLevelKey, batch: MapBatchKey, count: number): void {
    this.total += count;
    this.byLevel[level] += count;
    this.byBatch[batch] += count;
    if (level !== 'none') this.levelSum += Number(level) * count;
  }

  counts(): MapCounts {
    const assessed = this.total - this.byLevel.none;
    return {
      total: this.total,
      byLevel: { ...this.byLevel },
      byBatch: { ...this.byBatch },
      meanLevel: assessed > 0 ? round(this.levelSum / assessed, 2) : null,
    };
  }
}

/**
 * The industry map's figures from the grouped counts: per district × industry cell, per district,
 * per industry and in all, each by official level and by pilot batch. Only the districts given
 * (the caller's scope) and the "3+N" industries appear; every cell of them does, empty or not.
 */
export function industryMapOf(
  groups: readonly MapGroup[],
  districts: readonly District[],
  filters: MapFilters,
): Pick<IndustryMapView, 'districts' | 'industries' | 'cells' | 'total'> {
  const cellKey = (district: string, industry: string) => `${district}\u0000${industry}`;
  const cells = new Map(districts.flatMap((d) => INDUSTRIES.map((i) => [cellKey(d.code, i.code), new Tally()] as const)));
  const byDistrict = new Map(districts.map((d) => [d.code, new Tally()]));
  const byIndustry = new Map(INDUSTRIES.map((i) => [i.code, new Tally()]));
  const total = new Tally();

  for (const g of groups) {
    const cell = cells.get(cellKey(g.district, g.industry));
    if (!cell) continue;
    const level = levelKeyOf(g.level, g.levelSource);
    const batch = batchKeyOf(g.batch);
    if ((filters.level && filters.level !== level) || (filters.batch && filters.batch !== batch)) continue;
    for (const tally of [cell, byDistrict.get(g.district)!, byIndustry.get(g.industry)!, total]) tally.add(level, batch, g.count);
  }

  return {
    districts: districts.map((d) => ({ code: d.code, name: d.name, adminCode: d.adminCode, ...byDistrict.get(d.code)!.counts() })),
    industries: INDUSTRIES.map((i) => ({ code: i.code, name: i.name, ...byIndustry.get(i.code)!.counts() })),
    cells: districts.flatMap((d) =>
      INDUSTRIES.map((i) => ({ district: d.code, industry: i.code, ...cells.get(cellKey(d.code, i.code))!.counts() })),
    ),
    total: total.counts(),
  };
}

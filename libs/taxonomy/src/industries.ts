import { codesOf, memberTest, type TaxonomyItem } from './taxonomy-item.js';

/** '3' marks the three pilot industries of the Shenyang plan, 'N' the further ones of "3+N". */
export type IndustryGroup = '3' | 'N';

export interface Industry extends TaxonomyItem {
  group: IndustryGroup;
}

/** The "3+N" industries of the Shenyang pilot plan (2024), pilot industries first. */
export const INDUSTRIES: readonly Industry[] = Object.freeze([
  { code: 'air_cooling', name: '风冷设备制造', group: '3' },
  { code: 'machine_tool', name: '机床制造', group: '3' },
  { code: 'transmission', name: '传动设备制造', group: '3' },
  { code: 'general_equipment', name: '其他通用设备制造', group: 'N' },
  { code: 'auto_parts', name: '汽车零部件及配件制造', group: 'N' },
  { code: 'power_distribution', name: '输配电及控制设备制造', group: 'N' },
  { code: 'related', name: '相关行业', group: 'N' },
]);

export const INDUSTRY_CODES = codesOf(INDUSTRIES);

/** The three pilot industries (风冷、机床、传动设备). */
export const PILOT_INDUSTRY_CODES = codesOf(INDUSTRIES.filter((i) => i.group === '3'));

export const isIndustryCode: (code: string) => boolean = memberTest(INDUSTRY_CODES);

import { codesOf, memberTest, type TaxonomyItem } from './taxonomy-item.js';

export type PilotBatchCode = 'sample' | 'batch1' | 'batch2';

export interface PilotBatch extends TaxonomyItem {
  code: PilotBatchCode;
  /** First month of the transformation period, `YYYY-MM`. */
  from: string;
  /** Last month of the transformation period (inclusive), `YYYY-MM`. */
  to: string;
}

/** Batches of the dynamic pilot pool, with their transformation periods from the plan. */
export const PILOT_BATCHES: readonly PilotBatch[] = Object.freeze([
  { code: 'sample', name: '样板', from: '2024-04', to: '2024-06' },
  { code: 'batch1', name: '第一批', from: '2024-07', to: '2024-10' },
  { code: 'batch2', name: '第二批', from: '2025-01', to: '2025-10' },
]);

export const PILOT_BATCH_CODES = codesOf(PILOT_BATCHES);

export const isPilotBatchCode: (code: string) => boolean = memberTest(PILOT_BATCH_CODES);

export type DigitalLevel = 1 | 2 | 3 | 4;

export interface DigitalLevelBand extends TaxonomyItem {
  level: DigitalLevel;
  /** Lowest total score (of 100) of the band, per the 2022 indicators. */
  minScore: number;
}

/**
 * Digital levels of MIIT's 《中小企业数字化水平评测指标》 (2022 version): 20–40 level 1,
 * 40–60 level 2, 60–80 level 3, 80 and above level 4. Level 2 is the programme's goal.
 */
export const DIGITAL_LEVELS: readonly DigitalLevelBand[] = Object.freeze([
  { code: 'level_1', name: '一级', level: 1, minScore: 20 },
  { code: 'level_2', name: '二级', level: 2, minScore: 40 },
  { code: 'level_3', name: '三级', level: 3, minScore: 60 },
  { code: 'level_4', name: '四级', level: 4, minScore: 80 },
]);

/** The level a total score falls in (a band includes its lower bound); `undefined` below 20. */
export function levelForScore(score: number): DigitalLevel | undefined {
  let found: DigitalLevel | undefined;
  for (const band of DIGITAL_LEVELS) if (score >= band.minScore) found = band.level;
  return found;
}

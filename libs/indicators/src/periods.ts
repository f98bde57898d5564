import { InvalidInputError } from '@smedx/platform';

import { INDICATOR_PERIODS } from '@smedx/contracts';
import type { IndicatorPeriod } from '@smedx/contracts';

export const PERIODS = INDICATOR_PERIODS;
export type Period = IndicatorPeriod;

/** `YYYY-MM`. */
export const MONTH_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** The first month of the plan's work (实施时间 2024年1月). */
export const PLAN_START_MONTH = '2024-01';

/** The longest series served: ten years of months. */
export const MAX_SERIES_MONTHS = 120;

/** Months are Shanghai calendar months; Shanghai keeps UTC+8 all year (no daylight saving). */
export const SHANGHAI_OFFSET_MS = 8 * 3600_000;

/** A month as a count of months since year 0: arithmetic on months without dates. */
export type MonthIndex = number;

/** The month of `YYYY-MM`, or null for anything else. */
export function parseMonth(text: string): MonthIndex | null {
  const match = MONTH_PATTERN.exec(text);
  return match ? Number(match[1]) * 12 + Number(match[2]) - 1 : null;
}

export function formatMonth(index: MonthIndex): string {
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The Shanghai calendar month `instant` falls in. */
export function monthOf(instant: Date): MonthIndex {
  const local = new Date(instant.getTime() + SHANGHAI_OFFSET_MS);
  return local.getUTCFullYear() * 12 + local.getUTCMonth();
}

/** The instant a month begins: midnight of its first day in Shanghai. */
export function monthStart(index: MonthIndex): Date {
  return new Date(Date.UTC(Math.floor(index / 12), index % 12, 1) - SHANGHAI_OFFSET_MS);
}

/** One step of a series: `[start, end)`, labelled `2024-07` or `2024-Q3`. */
export interface Bucket {
  label: string;
  start: Date;
  end: Date;
}

/**
 * The months, or the quarters, covering `from..to` (both months inclusive): a quarter
 * series runs from the quarter holding `from` to the quarter holding `to`.
 */
export function bucketsOf(period: Period, from: MonthIndex, to: MonthIndex): Bucket[] {
  const step = period === 'month' ? 1 : 3;
  const first = period === 'month' ? from : from - (from % 3);
  const out: Bucket[] = [];
  for (let m = first; m <= to; m += step) {
    const label = period === 'month' ? formatMonth(m) : `${Math.floor(m / 12)}-Q${Math.floor((m % 12) / 3) + 1}`;
    out.push({ label, start: monthStart(m), end: monthStart(m + step) });
  }
  return out;
}

/**
 * The series' months: `from` (the plan's start by default) to `to` (the current Shanghai month
 * by default). 400 naming `from` if it comes after `to`, `to` if the range is over ten years.
 */
export function seriesRange(from: string | undefined, to: string | undefined, now: Date): { from: number; to: number } {
  const end = to ? parseMonth(to) : monthOf(now);
  const start = from ? parseMonth(from) : Math.min(parseMonth(PLAN_START_MONTH)!, end ?? Infinity);
  if (start === null || end === null)
    throw new InvalidInputError([{ field: start === null ? 'from' : 'to', reason: 'must be a month as YYYY-MM' }]);
  if (start > end) throw new InvalidInputError([{ field: 'from', reason: `must not be after to (${formatMonth(end)})` }]);
  if (end - start + 1 > MAX_SERIES_MONTHS) {
    throw new InvalidInputError([
      { field: 'to', reason: `the series covers at most ${MAX_SERIES_MONTHS} months from from (${formatMonth(start)})` },
    ]);
  }
  return { from: start, to: end };
}

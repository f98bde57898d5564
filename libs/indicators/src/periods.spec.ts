import { InvalidInputError } from '@smedx/platform';
import { MAX_SERIES_MONTHS, bucketsOf, formatMonth, monthOf, monthStart, parseMonth, seriesRange } from './periods.js';

const NOW = new Date('2025-03-01T02:00:00Z');

function problem(run: () => unknown): { field: string; reason: string } {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidInputError);
    return (error as InvalidInputError).problems[0]!;
  }
  throw new Error('expected an InvalidInputError');
}

describe('months', () => {
  it('parses YYYY-MM and formats it back', () => {
    for (const text of ['2024-01', '2024-12', '2025-07', '1999-10']) expect(formatMonth(parseMonth(text)!)).toBe(text);
    expect(parseMonth('2025-01')! - parseMonth('2024-12')!).toBe(1);
  });

  it.each(['2024-13', '2024-00', '2024-1', '24-01', '2024/01', '2024-01-01', ''])('rejects %p', (text) => {
    expect(parseMonth(text)).toBeNull();
  });

  it('reads an instant as a Shanghai calendar month (UTC+8)', () => {
    expect(formatMonth(monthOf(new Date('2024-06-30T15:59:59.999Z')))).toBe('2024-06');
    expect(formatMonth(monthOf(new Date('2024-06-30T16:00:00Z')))).toBe('2024-07');
    expect(formatMonth(monthOf(new Date('2024-12-31T16:00:00Z')))).toBe('2025-01');
  });

  it('starts a month at midnight Shanghai time', () => {
    expect(monthStart(parseMonth('2024-07')!).toISOString()).toBe('2024-06-30T16:00:00.000Z');
    expect(monthStart(parseMonth('2025-01')!).toISOString()).toBe('2024-12-31T16:00:00.000Z');
  });
});

describe('bucketsOf', () => {
  it('gives one bucket per month, end to end, both months included', () => {
    const buckets = bucketsOf('month', parseMonth('2024-11')!, parseMonth('2025-02')!);
    expect(buckets.map((b) => b.label)).toEqual(['2024-11', '2024-12', '2025-01', '2025-02']);
    buckets.slice(1).forEach((b, i) => expect(b.start).toEqual(buckets[i]!.end));
    expect(buckets[0]!.start.toISOString()).toBe('2024-10-31T16:00:00.000Z');
    expect(buckets[3]!.end.toISOString()).toBe('2025-02-28T16:00:00.000Z');
  });

  it('gives a single month', () => {
    expect(bucketsOf('month', parseMonth('2024-07')!, parseMonth('2024-07')!).map((b) => b.label)).toEqual(['2024-07']);
  });

  it('gives the quarters holding from and to, whole', () => {
    const buckets = bucketsOf('quarter', parseMonth('2024-05')!, parseMonth('2025-01')!);
    expect(buckets.map((b) => b.label)).toEqual(['2024-Q2', '2024-Q3', '2024-Q4', '2025-Q1']);
    expect(buckets[0]!.start.toISOString()).toBe('2024-03-31T16:00:00.000Z');
    expect(buckets[1]!.start.toISOString()).toBe('2024-06-30T16:00:00.000Z');
    expect(buckets[3]!.end.toISOString()).toBe('2025-03-31T16:00:00.000Z');
    buckets.slice(1).forEach((b, i) => expect(b.start).toEqual(buckets[i]!.end));
  });

  it('gives one quarter when from and to share it', () => {
    expect(bucketsOf('quarter', parseMonth('2024-10')!, parseMonth('2024-12')!).map((b) => b.label)).toEqual(['2024-Q4']);
  });
});

describe('seriesRange', () => {
  it('runs from the plan start (2024-01) to the current Shanghai month by default', () => {
    const range = seriesRange(undefined, undefined, NOW);
    expect([formatMonth(range.from), formatMonth(range.to)]).toEqual(['2024-01', '2025-03']);
    const newYear = seriesRange(undefined, undefined, new Date('2024-12-31T17:00:00Z'));
    expect(formatMonth(newYear.to)).toBe('2025-01');
  });

  it('takes from and to as given', () => {
    const range = seriesRange('2024-07', '2024-10', NOW);
    expect([formatMonth(range.from), formatMonth(range.to)]).toEqual(['2024-07', '2024-10']);
  });

  it('starts at to when only a to before the plan start is given', () => {
    const range = seriesRange(undefined, '2023-06', NOW);
    expect([formatMonth(range.from), formatMonth(range.to)]).toEqual(['2023-06', '2023-06']);
  });

  it('names from when it comes after to', () => {
    expect(problem(() => seriesRange('2025-01', '2024-12', NOW))).toEqual({ field: 'from', reason: 'must not be after to (2024-12)' });
    expect(problem(() => seriesRange('2025-04', undefined, NOW)).field).toBe('from');
  });

  it('names to when the range is longer than the longest series', () => {
    expect(seriesRange('2015-01', '2024-12', NOW).from).toBe(parseMonth('2015-01'));
    expect(MAX_SERIES_MONTHS).toBe(120);
    expect(problem(() => seriesRange('2014-12', '2024-12', NOW)).field).toBe('to');
  });

  it('names a malformed month', () => {
    expect(problem(() => seriesRange('2024-13', '2024-12', NOW)).field).toBe('from');
    expect(problem(() => seriesRange('2024-01', 'soon', NOW)).field).toBe('to');
  });
});

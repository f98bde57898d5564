import { addDays, chineseDate, isCalendarDate, shanghaiDate } from './calendar.js';
import { defaultSchedule } from './default-schedule.js';
import { formatFen } from './contract/contract-document.js';

describe('project calendar', () => {
  it('takes the day in Shanghai (UTC+8), not in UTC', () => {
    expect(shanghaiDate(new Date('2025-03-01T15:59:59Z'))).toBe('2025-03-01');
    expect(shanghaiDate(new Date('2025-03-01T16:00:00Z'))).toBe('2025-03-02');
  });

  it('adds days across months and leap years', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
  });

  it.each([
    ['2025-06-30', true],
    ['2024-02-29', true],
    ['2025-02-29', false],
    ['2025-13-01', false],
    ['2025-6-30', false],
    ['2025-06-30T00:00:00Z', false],
  ])('%s is a calendar date: %s', (value, valid) => {
    expect(isCalendarDate(value)).toBe(valid);
  });

  it('prints dates the Chinese way', () => {
    expect(chineseDate('2025-03-01')).toBe('2025年3月1日');
  });
});

describe('default schedule', () => {
  it('spreads the four phases over the delivery days, ending on the last day', () => {
    expect(defaultSchedule('2025-03-01', 90)).toEqual([
      { title: '需求调研', plannedDate: '2025-03-15' },
      { title: '部署实施', plannedDate: '2025-04-24' },
      { title: '试运行', plannedDate: '2025-05-17' },
      { title: '验收准备', plannedDate: '2025-05-30' },
    ]);
  });

  it('keeps every phase at least a day after the start, in order, for short projects', () => {
    const dates = defaultSchedule('2025-03-01', 1).map((m) => m.plannedDate);
    expect(dates).toEqual(['2025-03-02', '2025-03-02', '2025-03-02', '2025-03-02']);
    for (const days of [2, 3, 7, 30, 365]) {
      const planned = defaultSchedule('2025-03-01', days).map((m) => m.plannedDate);
      expect([...planned].sort()).toEqual(planned);
      expect(planned.at(-1)).toBe(addDays('2025-03-01', days));
    }
  });
});

describe('formatFen', () => {
  it.each([
    [0, '0.00'],
    [10, '0.10'],
    [1_005_005, '10,050.05'],
    [100_000_000, '1,000,000.00'],
    [123_456_789_012, '1,234,567,890.12'],
  ])('%d fen → %s', (fen, text) => {
    expect(formatFen(fen)).toBe(text);
  });
});

import { fenToWan, formatDate, formatFen, formatFenRange, formatTime, isoToShanghaiLocal, shanghaiLocalToIso, wanToFen } from './format.js';

describe('formatFen', () => {
  it.each([
    [0, '¥0元'],
    [1, '¥0.01元'],
    [10, '¥0.1元'],
    [123_456, '¥1,234.56元'],
    [150_000, '¥1,500元'],
    [999_999, '¥9,999.99元'],
    [1_000_000, '¥1万元'],
    [5_000_000, '¥5万元'],
    [12_345_678, '¥12.35万元'],
    [12_344_999, '¥12.34万元'],
    [50_000_000, '¥50万元'],
    [1_234_567_890_000, '¥1,234,567.89万元'],
    [-123_456, '-¥1,234.56元'],
  ])('%d fen → %s', (fen, shown) => {
    expect(formatFen(fen)).toBe(shown);
  });

  it('refuses what is not an integer number of fen', () => {
    expect(formatFen(1.5)).toBe('—');
    expect(formatFen(Number.NaN)).toBe('—');
  });

  it('shows a range, or one figure when both ends match', () => {
    expect(formatFenRange(2_000_000, 15_000_000)).toBe('¥2万元 ~ ¥15万元');
    expect(formatFenRange(500_000, 500_000)).toBe('¥5,000元');
  });
});

describe('万元 in forms', () => {
  it.each([
    [12.34, 12_340_000],
    [0.01, 10_000],
    [50, 50_000_000],
    [0.0001, 100],
  ])('%s 万元 → %s fen', (wan, fen) => {
    expect(wanToFen(wan)).toBe(fen);
    expect(fenToWan(fen)).toBe(wan);
  });
});

describe('Shanghai time', () => {
  it('shows an instant in UTC+8 whatever the zone it was written in', () => {
    expect(formatTime('2024-06-30T16:00:00Z')).toBe('2024-07-01 00:00');
    expect(formatTime('2024-07-01T09:30:00+08:00')).toBe('2024-07-01 09:30');
    expect(formatDate('2024-06-30T16:00:00Z')).toBe('2024-07-01');
    expect(formatTime(null)).toBe('—');
    expect(formatTime('not a date')).toBe('—');
  });

  it('reads a datetime-local value as Shanghai time and back', () => {
    expect(shanghaiLocalToIso('2025-06-30T18:00')).toBe('2025-06-30T18:00:00+08:00');
    expect(new Date(shanghaiLocalToIso('2025-06-30T18:00')).toISOString()).toBe('2025-06-30T10:00:00.000Z');
    expect(isoToShanghaiLocal('2025-06-30T10:00:00.000Z')).toBe('2025-06-30T18:00');
  });
});

import { MIN_ASSESSORS, noticeEnd, trimmedMean } from './nomination-rules.js';

describe('nomination rules', () => {
  it.each([
    ['fewer than three scores: no figure', [90, 80], null],
    ['three scores: the middle one', [60, 95, 80], 80],
    ['drops one highest and one lowest only', [70, 70, 90, 90, 100], 83.33],
    ['equal scores', [88, 88, 88], 88],
    ['decimals', [80.5, 81, 99, 60], 80.75],
  ])('%s', (_, scores, expected) => {
    expect(trimmedMean(scores)).toBe(expected);
  });

  it('needs at least three assessors', () => {
    expect(MIN_ASSESSORS).toBe(3);
  });

  it('ends the notice seven days later', () => {
    expect(noticeEnd(new Date('2025-03-01T02:00:00Z')).toISOString()).toBe('2025-03-08T02:00:00.000Z');
  });
});

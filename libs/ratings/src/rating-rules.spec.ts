import { APPEAL_DAYS, appealDeadline, overallScore, ratingRecord } from './rating-rules.js';

describe('rating rules', () => {
  it('closes the appeal window after 15 days', () => {
    expect(APPEAL_DAYS).toBe(15);
    expect(appealDeadline(new Date('2025-03-01T00:00:00Z')).toISOString()).toBe('2025-03-16T00:00:00.000Z');
  });

  it.each([
    [{ quality: 5, timeliness: 5, service: 5 }, 5],
    [{ quality: 5, timeliness: 4, service: 4 }, 4.33],
    [{ quality: 1, timeliness: 2, service: 2 }, 1.67],
  ])('scores %o as %d', (r, expected) => {
    expect(overallScore(r)).toBe(expected);
  });

  it('keeps the plain mean and count in the record', () => {
    expect(ratingRecord([])).toEqual({ ratingAverage: null, ratingCount: 0 });
    expect(ratingRecord([5, 4.33, 1.67])).toEqual({ ratingAverage: 3.667, ratingCount: 3 });
  });
});

import { reputation, smoothedRating } from './reputation.js';

const fresh = { acceptancePassRate: null, completedProjects: 0, ratingAverage: null, ratingCount: 0, noShows: 0 };

describe('reputation', () => {
  it('starts a new provider at a fair middle, not zero', () => {
    expect(reputation(fresh)).toBeCloseTo(0.5 * 0.8 + 0.3 * 0.75 + 0.2 * 0.8, 10);
  });

  it('moves with outcomes, a few of them only so far', () => {
    const oneBad = reputation({ ...fresh, ratingAverage: 1, ratingCount: 1 });
    const manyBad = reputation({ ...fresh, ratingAverage: 1, ratingCount: 50 });
    expect(oneBad).toBeLessThan(reputation(fresh));
    expect(manyBad).toBeLessThan(oneBad);
    expect(reputation({ ...fresh, acceptancePassRate: 1, completedProjects: 20, ratingAverage: 5, ratingCount: 20 })).toBeGreaterThan(0.9);
    expect(reputation({ ...fresh, onTimeRate: 0, onTimeCount: 10 })).toBeLessThan(reputation(fresh));
  });

  it('costs 5% per no-show, at most 30%', () => {
    expect(reputation({ ...fresh, noShows: 2 })).toBeCloseTo(reputation(fresh) * 0.9, 10);
    expect(reputation({ ...fresh, noShows: 20 })).toBeCloseTo(reputation(fresh) * 0.7, 10);
  });

  it('smooths a rating toward 4', () => {
    expect(smoothedRating(null, 0)).toBe(4);
    expect(smoothedRating(1, 1)).toBe(3.5);
    expect(smoothedRating(5, 45)).toBe(4.9);
  });
});

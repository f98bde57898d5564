import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, DEFAULT_MATCH_WEIGHTS, MATCH_FACTORS, loadConfig } from '@smedx/platform';

/** The matching settings as the environment gives them (validated in the platform's config schema). */
describe('matching configuration', () => {
  const load = (env: Record<string, string>) => loadConfig({ SMEDX_DATA_DIR: mkdtempSync(join(tmpdir(), 'smedx-match-')), ...env });

  it('defaults to the documented weights, threshold 0.8 and the top 20', () => {
    const { matching } = load({});
    expect(matching.weights).toEqual(DEFAULT_MATCH_WEIGHTS);
    expect(MATCH_FACTORS.reduce((a, f) => a + matching.weights[f], 0)).toBeCloseTo(1, 12);
    expect(matching.strongThreshold).toBe(0.8);
    expect(matching.topN).toBe(20);
  });

  it('scales MATCH_WEIGHTS to sum to 1; factors left out weigh 0', () => {
    const { matching } = load({ MATCH_WEIGHTS: '{"scenario": 3, "text": 1}', MATCH_STRONG_THRESHOLD: '0.6', MATCH_TOP_N: '10' });
    expect(matching.weights).toEqual({ text: 0.25, scenario: 0.75, industry: 0, budget: 0, delivery: 0, level: 0, record: 0, district: 0 });
    expect(matching.strongThreshold).toBe(0.6);
    expect(matching.topN).toBe(10);
  });

  it.each([
    ['MATCH_WEIGHTS', 'scenario=3', /MATCH_WEIGHTS: must be a JSON object of factor → weight/],
    ['MATCH_WEIGHTS', '[1, 2]', /MATCH_WEIGHTS: must be a JSON object/],
    ['MATCH_WEIGHTS', '{"price": 1}', /MATCH_WEIGHTS: unknown factor "price"; expected some of text, scenario/],
    ['MATCH_WEIGHTS', '{"scenario": -1, "text": 1}', /MATCH_WEIGHTS: weight of "scenario" must be a number ≥ 0/],
    ['MATCH_WEIGHTS', '{"scenario": "high"}', /MATCH_WEIGHTS: weight of "scenario" must be a number ≥ 0/],
    ['MATCH_WEIGHTS', '{"scenario": 0}', /MATCH_WEIGHTS: at least one weight must be above 0/],
    ['MATCH_STRONG_THRESHOLD', '1.5', /MATCH_STRONG_THRESHOLD: /],
    ['MATCH_TOP_N', '0', /MATCH_TOP_N: /],
    ['MATCH_TOP_N', '500', /MATCH_TOP_N: /],
  ])('refuses %s=%s, naming the variable', (name, value, message) => {
    const attempt = () => load({ [name]: value });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(message);
  });
});

import { InvalidInputError } from '@smedx/platform';
import { QUESTIONS, SCENES } from './questionnaire.js';
import { levelOf, scoreDiagnosis } from './scoring.js';
import type { RawAnswers } from './scoring.js';

/** Option A everywhere: 无, [0-10%], 增加/降低 — nothing scores. */
function worstAnswers(): Record<string, string | string[]> {
  return Object.fromEntries([...QUESTIONS.keys()].map((key) => [key, 'A']));
}

/** The best option of every single-choice question, every option but A 无 of every multiple-choice one. */
function bestAnswers(): Record<string, string | string[]> {
  return Object.fromEntries(
    [...QUESTIONS.values()].map(({ question: q }) => [
      q.key,
      q.type === 'single'
        ? q.options.reduce((a, b) => (b.score > a.score ? b : a)).key
        : q.options.filter((o) => !o.exclusive).map((o) => o.key),
    ]),
  );
}

function allBut(key: string, excluded: string): string[] {
  return QUESTIONS.get(key)!
    .question.options.filter((o) => !o.exclusive && o.key !== excluded)
    .map((o) => o.key);
}

function problemsOf(run: () => unknown): { field: string; reason: string }[] {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidInputError);
    return (error as InvalidInputError).problems;
  }
  throw new Error('expected a 400');
}

describe('scoreDiagnosis', () => {
  it('scores the best answers 100, level 4, with nothing weak', () => {
    const result = scoreDiagnosis({ answers: bestAnswers() });
    expect(result).toMatchObject({ score: 100, level: 4, belowLevelOne: false, weakest: [], suggestions: [] });
    expect(result.dimensions.map((d) => [d.key, d.score])).toEqual([
      ['foundation', 50],
      ['management', 30],
      ['results', 20],
    ]);
    // 13 × 0.7 + 0.9 adds up to exactly 10.
    expect(result.dimensions[0]!.groups.find((g) => g.key === 'data_collection')!.score).toBe(10);
  });

  it('scores option A everywhere 0: level 1, below its band', () => {
    const result = scoreDiagnosis({ answers: worstAnswers() });
    expect(result).toMatchObject({ score: 0, level: 1, belowLevelOne: true });
    // All at 0 %: the most points at stake first, then questionnaire order.
    expect(result.weakest.map((w) => [w.key, w.share, w.score, w.maxScore])).toEqual([
      ['data_collection', 0, 0, 10],
      ['information_systems', 0, 0, 10],
      ['network', 0, 0, 8],
    ]);
    expect(result.suggestions.map((s) => [s.basis, s.title, s.scenarios])).toEqual([
      ['data_collection', '业务环节数据自动采集', ['data_collection']],
      ['information_systems', '业务信息系统（本地或云化部署）建设应用', ['production_control', 'finance', 'office_collaboration']],
      ['network', '车间网络建设与升级改造', ['network']],
    ]);
  });

  it('scores no answers 0 when completeness is not required, and names every missing question when it is', () => {
    expect(scoreDiagnosis({ answers: {} }, { requireAll: false })).toMatchObject({ score: 0, level: 1, belowLevelOne: true });
    const problems = problemsOf(() => scoreDiagnosis({ answers: {} }));
    expect(problems).toHaveLength(15);
    expect(problems[0]).toEqual({ field: 'answers.network', reason: 'is required' });
  });

  const foundation40 = {
    information_systems: 'E',
    data_collection: allBut('data_collection', ''),
    network: ['B', 'C', 'D', 'E'],
    device_digitisation: 'E',
    device_networking: 'E',
  };
  const plus20 = {
    network_security: ['B', 'C', 'D', 'E'],
    data_security: ['B', 'C', 'D', 'E'],
    energy_intensity: 'C',
    revenue_per_employee: 'C',
  };
  const plus40 = { ...plus20, product_quality: 'B', digital_planning: 'F', management_rules: ['B', 'C', 'D', 'E'], cost_ratio: 'B' };

  it.each([
    ['19.3: below level 1', { information_systems: 'E', data_collection: allBut('data_collection', 'B') }, 19.3, 1, true],
    ['20: level 1', { information_systems: 'E', data_collection: allBut('data_collection', '') }, 20, 1, false],
    ['39.3: level 1', { ...foundation40, data_collection: allBut('data_collection', 'C') }, 39.3, 1, false],
    ['40: level 2', foundation40, 40, 2, false],
    ['58.5: level 2', { ...foundation40, ...plus20, revenue_per_employee: 'B' }, 58.5, 2, false],
    ['60: level 3', { ...foundation40, ...plus20 }, 60, 3, false],
    ['78.5: level 3', { ...foundation40, ...plus40, digital_planning: 'E' }, 78.5, 3, false],
    ['80: level 4', { ...foundation40, ...plus40 }, 80, 4, false],
  ])('%s', (_, chosen, score, level, belowLevelOne) => {
    const result = scoreDiagnosis({ answers: { ...worstAnswers(), ...chosen } });
    expect(result).toMatchObject({ score, level, belowLevelOne });
    expect(levelOf(score)).toEqual({ level, belowLevelOne });
  });

  it('sums dimensions, groups and indicators from the options chosen', () => {
    const result = scoreDiagnosis({ answers: { ...worstAnswers(), management_rules: ['B', 'D'], digital_investment: 'C' } });
    const management = result.dimensions.find((d) => d.key === 'management')!;
    expect(management).toMatchObject({ score: 7.5, maxScore: 30 });
    expect(management.groups.map((g) => [g.key, g.score, g.indicators.map((i) => [i.key, i.score])])).toEqual([
      [
        'planning_management',
        3.75,
        [
          ['digital_planning', 0],
          ['management_rules', 3.75],
        ],
      ],
      [
        'resources',
        3.75,
        [
          ['digital_talent', 0],
          ['digital_investment', 3.75],
        ],
      ],
    ]);
  });

  it('takes a single option as a string or a one-element list and keeps choices in option order, without duplicates', () => {
    const result = scoreDiagnosis({
      answers: { ...worstAnswers(), device_digitisation: ['C'], network: ['D', 'B', 'D'] },
    });
    expect(result.answers).toMatchObject({ device_digitisation: ['C'], network: ['B', 'D'], device_networking: ['A'] });
    expect(result.score).toBe(3 + 4);
  });

  it('refuses A 无 together with other options, naming the field', () => {
    expect(problemsOf(() => scoreDiagnosis({ answers: { ...worstAnswers(), network: ['A', 'B'] } }))).toEqual([
      { field: 'answers.network', reason: 'option A (无) cannot be chosen with other options' },
    ]);
  });

  it('refuses an unknown question, an unknown option, two options of a single choice and an empty multiple choice at once', () => {
    const answers: RawAnswers = {
      ...worstAnswers(),
      cloud_adoption: 'B',
      device_networking: 'Z',
      information_systems: ['B', 'C'],
      data_security: [],
    };
    expect(problemsOf(() => scoreDiagnosis({ answers }))).toEqual([
      { field: 'answers.device_networking', reason: 'unknown option "Z" (options A, B, C, D, E)' },
      { field: 'answers.information_systems', reason: 'choose exactly one option' },
      { field: 'answers.data_security', reason: 'choose at least one option (A 无 when none applies)' },
      { field: 'answers.cloud_adoption', reason: 'unknown question (GET /diagnoses/questionnaire lists the keys)' },
    ]);
  });

  it('ranks weak indicators without a fitting scenario among the weakest but suggests needs only where one fits', () => {
    const result = scoreDiagnosis({
      answers: { ...bestAnswers(), digital_planning: 'A', digital_talent: 'A', network: ['B'], device_networking: 'D' },
    });
    expect(result.weakest.map((w) => [w.kind, w.key, w.share, w.scenarios])).toEqual([
      ['indicator', 'digital_planning', 0, []],
      ['indicator', 'digital_talent', 0, []],
      ['indicator', 'network', 0.25, ['network']],
    ]);
    expect(result.suggestions).toEqual([
      {
        kind: 'indicator',
        basis: 'network',
        title: '车间网络建设与升级改造',
        scenarios: ['network'],
        description: expect.stringMatching(/^企业网络建设连接情况（2\/8 分），尚未具备：企业建成应用系统网络.*；企业建设\/租用5G工业网络/),
      },
      {
        kind: 'indicator',
        basis: 'device_networking',
        title: '生产设备联网改造',
        scenarios: ['device_networking'],
        description: '企业的生产设备联网率（4.5/6 分）：当前“(40%,60%]”，下一档“(60%,100%]”',
      },
    ]);
  });

  it('counts graded business scenes toward the weakest and suggests reaching the next level', () => {
    const result = scoreDiagnosis({
      answers: { ...bestAnswers(), device_networking: 'C' },
      sceneLevels: { quality: 1, planning_scheduling: 2, energy: 4 },
    });
    expect(result.score).toBe(97);
    expect(result.sceneLevels).toEqual({ quality: 1, planning_scheduling: 2, energy: 4 });
    expect(result.weakest.map((w) => [w.kind, w.key, w.share, w.level])).toEqual([
      ['scene', 'quality', 0.25, 1],
      // Same share: the indicator, with points at stake, before the scene.
      ['indicator', 'device_networking', 0.5, null],
      ['scene', 'planning_scheduling', 0.5, 2],
    ]);
    expect(result.suggestions[0]).toEqual({
      kind: 'scene',
      basis: 'quality',
      title: '质量管理数字化提升（1级→2级）',
      scenarios: ['quality'],
      description: SCENES.get('quality')!.levels[1]!.description,
    });
  });

  it('refuses an unknown scene and a level outside 1–4', () => {
    expect(problemsOf(() => scoreDiagnosis({ answers: bestAnswers(), sceneLevels: { network: 2, quality: 5, hr: 0 } }))).toEqual([
      { field: 'sceneLevels.network', reason: 'unknown business scene (one of the 16 scenes, by scenario code)' },
      { field: 'sceneLevels.quality', reason: 'must be a level 1–4' },
      { field: 'sceneLevels.hr', reason: 'must be a level 1–4' },
    ]);
  });
});

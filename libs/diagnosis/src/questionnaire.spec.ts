import { SCENARIOS } from '@smedx/taxonomy';
import { QUESTIONNAIRE, QUESTIONS, SCENES } from './questionnaire.js';

describe('questionnaire', () => {
  it('keys 15 questions over 3 dimensions worth 50, 30 and 20 points', () => {
    expect(QUESTIONNAIRE.dimensions.map((d) => [d.key, d.title, d.maxScore])).toEqual([
      ['foundation', '数字化基础', 50],
      ['management', '数字化管理', 30],
      ['results', '数字化成效', 20],
    ]);
    expect(QUESTIONS.size).toBe(15);
    for (const d of QUESTIONNAIRE.dimensions) {
      expect(d.groups.reduce((s, g) => s + g.maxScore, 0)).toBe(d.maxScore);
      for (const g of d.groups) expect(g.questions.reduce((s, q) => s + q.maxScore, 0)).toBe(g.maxScore);
    }
  });

  it('gives each multiple-choice question an exclusive option A 无 and scores its options up to its maxScore', () => {
    for (const { question: q } of QUESTIONS.values()) {
      const exclusive = q.options.filter((o) => o.exclusive).map((o) => `${o.key} ${o.text}`);
      expect(exclusive).toEqual(q.type === 'multiple' ? ['A 无'] : []);
      const best = q.type === 'single' ? Math.max(...q.options.map((o) => o.score)) : q.options.reduce((s, o) => s + o.score, 0);
      expect(best).toBeCloseTo(q.maxScore, 9);
    }
  });

  it('maps the 16 scenes to the business scenarios and every suggested need to known scenario codes', () => {
    expect([...SCENES.keys()]).toEqual(SCENARIOS.filter((s) => s.kind === 'business').map((s) => s.code));
    const codes = new Set(SCENARIOS.map((s) => s.code));
    for (const { question } of QUESTIONS.values()) for (const code of question.need?.scenarios ?? []) expect(codes).toContain(code);
    expect([...SCENES.values()].every((s) => s.levels.map((l) => l.level).join() === '1,2,3,4')).toBe(true);
  });
});

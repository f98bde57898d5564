import { InvalidInputError } from '@smedx/platform';
import type { FieldProblem } from '@smedx/platform';
import { levelForScore } from '@smedx/taxonomy';
import type { DigitalLevel } from '@smedx/taxonomy';
import { QUESTIONNAIRE, QUESTIONS, SCENES, positionOf } from './questionnaire.js';
import type { QuestionDef } from './questionnaire.js';
import type { Answers, DimensionScore, SceneLevels, ScoreNode, SuggestedNeed, Weakness } from '@smedx/contracts';

/** Answers as filed: question key → the chosen option key (single) or keys (multiple). */
export type RawAnswers = Readonly<Record<string, string | readonly string[]>>;

export type { Answers, DimensionScore, GroupScore, SceneLevels, ScoreNode, SuggestedNeed, Weakness } from '@smedx/contracts';

export interface DiagnosisResult {
  answers: Answers;
  sceneLevels: SceneLevels;
  /** 0–100, three decimals (option scores go down to 1.875). */
  score: number;
  level: DigitalLevel;
  /** The score is under 20, below the 2022 band of level 1; `level` is then 1. */
  belowLevelOne: boolean;
  dimensions: DimensionScore[];
  weakest: Weakness[];
  suggestions: SuggestedNeed[];
}

export interface ScoringOptions {
  /** Every question must be answered (default); otherwise a missing answer scores 0. */
  requireAll?: boolean;
}

export const WEAKEST_COUNT = 3;
export const SUGGESTION_COUNT = 3;

/** Scores are summed in thousandths so 0.7 × 13 + 0.9 is exactly 10. */
const milli = (n: number): number => Math.round(n * 1000);
const fromMilli = (m: number): number => m / 1000;
const share = (part: number, whole: number): number => Math.round((part / whole) * 1000) / 1000;

/**
 * The level of a total score by the 2022 bands, each including its lower bound (40 is level 2).
 * Below 20 there is no band: the enterprise is level 1 with `belowLevelOne`, because the platform's
 * levels are 1–4 and such an enterprise is, like level 1, short of the programme's goal of level 2.
 */
export function levelOf(score: number): { level: DigitalLevel; belowLevelOne: boolean } {
  const level = levelForScore(score);
  return level ? { level, belowLevelOne: false } : { level: 1, belowLevelOne: true };
}

/**
 * Scores a filled questionnaire (pure). A single-choice question takes one option, a
 * multiple-choice one any options except that A 无 stands alone; a question scores its options'
 * sum, capped at its maxScore. Every mistake is reported at once as a 400 naming
 * `answers.<question>` or `sceneLevels.<scene>`.
 *
 * `weakest` ranks the indicators and graded scenes below their best by the share reached (lowest
 * first; on a tie the indicator with more points at stake, then questionnaire order) and keeps the
 * first {@link WEAKEST_COUNT}. `suggestions` turns the weakest that a platform scenario fits into
 * needs, going down the same ranking until {@link SUGGESTION_COUNT} are found.
 */
export function scoreDiagnosis(
  input: { answers: RawAnswers; sceneLevels?: Readonly<Record<string, number>> },
  options: ScoringOptions = {},
): DiagnosisResult {
  const problems: FieldProblem[] = [];
  const answers = readAnswers(input.answers, options.requireAll ?? true, problems);
  const sceneLevels = readSceneLevels(input.sceneLevels ?? {}, problems);
  if (problems.length) throw new InvalidInputError(problems);

  const questionMilli = new Map<string, number>();
  for (const { question } of QUESTIONS.values()) {
    const chosen = new Set(answers[question.key] ?? []);
    const sum = question.options.filter((o) => chosen.has(o.key)).reduce((total, o) => total + milli(o.score), 0);
    questionMilli.set(question.key, Math.min(sum, milli(question.maxScore)));
  }
  const node = (key: string, title: string, scoreMilli: number, maxScore: number): ScoreNode => ({
    key,
    title,
    score: fromMilli(scoreMilli),
    maxScore,
  });
  const dimensions = QUESTIONNAIRE.dimensions.map((d) => {
    const groups = d.groups.map((g) => {
      const indicators = g.questions.map((q) => node(q.key, q.indicator, questionMilli.get(q.key)!, q.maxScore));
      return { ...node(g.key, g.title, sumMilli(indicators), g.maxScore), indicators };
    });
    return { ...node(d.key, d.title, sumMilli(groups), d.maxScore), groups };
  });
  const score = fromMilli(sumMilli(dimensions));

  const ranked = rankWeaknesses(questionMilli, sceneLevels);
  return {
    answers,
    sceneLevels,
    score,
    ...levelOf(score),
    dimensions,
    weakest: ranked.slice(0, WEAKEST_COUNT).map((r) => r.weakness),
    suggestions: ranked
      .filter((r) => r.weakness.scenarios.length)
      .slice(0, SUGGESTION_COUNT)
      .map((r) => suggest(r.weakness, answers)),
  };
}

function sumMilli(nodes: readonly ScoreNode[]): number {
  return nodes.reduce((total, n) => total + milli(n.score), 0);
}

function readAnswers(raw: RawAnswers, requireAll: boolean, problems: FieldProblem[]): Answers {
  const answers: Answers = {};
  for (const [key, value] of Object.entries(raw)) {
    const field = `answers.${key}`;
    const placed = QUESTIONS.get(key);
    if (!placed) {
      problems.push({ field, reason: 'unknown question (GET /diagnoses/questionnaire lists the keys)' });
      continue;
    }
    const { question } = placed;
    const chosen = new Set(typeof value === 'string' ? [value] : value);
    const known = new Set(question.options.map((o) => o.key));
    const unknown = [...chosen].filter((k) => !known.has(k));
    if (unknown.length) {
      problems.push({ field, reason: `unknown option ${unknown.map((k) => `"${k}"`).join(', ')} (options ${[...known].join(', ')})` });
      continue;
    }
    const problem = choiceProblem(question, chosen);
    if (problem) problems.push({ field, reason: problem });
    else answers[key] = question.options.filter((o) => chosen.has(o.key)).map((o) => o.key);
  }
  if (requireAll) {
    for (const key of QUESTIONS.keys()) if (!(key in raw)) problems.push({ field: `answers.${key}`, reason: 'is required' });
  }
  return answers;
}

function choiceProblem(question: QuestionDef, chosen: ReadonlySet<string>): string | null {
  if (question.type === 'single') return chosen.size === 1 ? null : 'choose exactly one option';
  if (!chosen.size) return 'choose at least one option (A 无 when none applies)';
  const exclusive = question.options.find((o) => o.exclusive && chosen.has(o.key));
  return exclusive && chosen.size > 1 ? `option ${exclusive.key} (${exclusive.text}) cannot be chosen with other options` : null;
}

function readSceneLevels(raw: Readonly<Record<string, number>>, problems: FieldProblem[]): SceneLevels {
  const levels: SceneLevels = {};
  for (const [code, level] of Object.entries(raw)) {
    const field = `sceneLevels.${code}`;
    if (!SCENES.has(code)) problems.push({ field, reason: 'unknown business scene (one of the 16 scenes, by scenario code)' });
    else if (!Number.isInteger(level) || level < 1 || level > 4) problems.push({ field, reason: 'must be a level 1–4' });
    else levels[code] = level as DigitalLevel;
  }
  return levels;
}

interface Ranked {
  weakness: Weakness;
  /** Points at stake (0 for a scene, which carries no points): the first tie-break on the share. */
  stake: number;
}

function rankWeaknesses(questionMilli: ReadonlyMap<string, number>, sceneLevels: SceneLevels): Ranked[] {
  const ranked: Ranked[] = [];
  for (const { question, group } of QUESTIONS.values()) {
    const scoreMilli = questionMilli.get(question.key)!;
    const maxMilli = milli(question.maxScore);
    if (scoreMilli >= maxMilli) continue;
    ranked.push({
      weakness: {
        kind: 'indicator',
        key: question.key,
        title: question.indicator,
        group: group.title,
        share: share(scoreMilli, maxMilli),
        score: fromMilli(scoreMilli),
        maxScore: question.maxScore,
        level: null,
        scenarios: question.need?.scenarios ?? [],
      },
      stake: maxMilli - scoreMilli,
    });
  }
  for (const scene of SCENES.values()) {
    const level = sceneLevels[scene.code];
    if (level === undefined || level === 4) continue;
    ranked.push({
      weakness: {
        kind: 'scene',
        key: scene.code,
        title: scene.title,
        group: scene.group,
        share: share(level, 4),
        score: null,
        maxScore: null,
        level,
        scenarios: [scene.code],
      },
      stake: 0,
    });
  }
  const position = (r: Ranked) => positionOf(r.weakness.kind, r.weakness.key);
  return ranked.sort((a, b) => a.weakness.share - b.weakness.share || b.stake - a.stake || position(a) - position(b));
}

function suggest(weakness: Weakness, answers: Answers): SuggestedNeed {
  const base = { kind: weakness.kind, basis: weakness.key, scenarios: weakness.scenarios };
  if (weakness.kind === 'scene') {
    const scene = SCENES.get(weakness.key)!;
    const next = weakness.level! + 1;
    return {
      ...base,
      title: `${scene.title}数字化提升（${weakness.level}级→${next}级）`,
      description: scene.levels.find((l) => l.level === next)?.description ?? '',
    };
  }
  const { question } = QUESTIONS.get(weakness.key)!;
  const chosen = new Set(answers[question.key] ?? []);
  const points = `（${weakness.score}/${weakness.maxScore} 分）`;
  if (question.type === 'multiple') {
    const missing = question.options.filter((o) => !o.exclusive && !chosen.has(o.key)).map((o) => o.text);
    return { ...base, title: question.need!.title, description: `${question.title}${points}，尚未具备：${missing.join('；')}` };
  }
  const current = question.options.find((o) => chosen.has(o.key));
  const better = question.options.filter((o) => o.score > (current?.score ?? -1)).sort((a, b) => a.score - b.score)[0];
  return {
    ...base,
    title: question.need!.title,
    description: `${question.title}${points}：当前“${current?.text ?? '未作答'}”，下一档“${better?.text ?? ''}”`,
  };
}

/** Shapes of the diagnosis API (`libs/diagnosis`, typed by `@smedx/contracts`) and small pure helpers for the questionnaire form. */

import type {
  CommonNeed as CommonNeedView,
  CommonNeedsReport as CommonNeedsReportView,
  DiagnosisView,
  IndividualNeeds as IndividualNeedsView,
  OptionDef,
  QuestionDef,
  QuestionnaireView,
  SceneDef,
  ScoreNode as ScoreNodeView,
  SuggestedNeed as SuggestedNeedView,
  Weakness as WeaknessView,
  Wire,
} from '@smedx/contracts';

export type DiagnosisOption = Wire<OptionDef>;
export type DiagnosisQuestion = Wire<QuestionDef>;
export type DiagnosisScene = Wire<SceneDef>;
export type Questionnaire = Wire<QuestionnaireView>;
export type ScoreNode = Wire<ScoreNodeView>;
export type Weakness = Wire<WeaknessView>;
export type SuggestedNeed = Wire<SuggestedNeedView>;
export type Diagnosis = Wire<DiagnosisView>;
export type CommonNeed = Wire<CommonNeedView>;
export type IndividualNeeds = Wire<IndividualNeedsView>;
export type CommonNeedsReport = Wire<CommonNeedsReportView>;

export const DIAGNOSIS_KIND_NAMES: Record<string, string> = { assessment: '评估机构诊断', self_check: '企业自评' };

export const ADVISORY_REASON_NAMES: Record<string, string> = {
  pilot_enterprise: '试点企业的水平以评估机构诊断为准，本次自评仅供参考',
  assessed: '企业已由评估机构认定水平，本次自评仅供参考',
};

/** Every question of the questionnaire, in order. */
export function questionsOf(q: Questionnaire): DiagnosisQuestion[] {
  return q.dimensions.flatMap((d) => d.groups.flatMap((g) => g.questions));
}

/**
 * A multiple-choice selection after the user ticked boxes: the exclusive option (A 无) stands alone —
 * ticking it clears the others, ticking another clears it.
 */
export function exclusiveSelection(question: DiagnosisQuestion, previous: readonly string[], next: readonly string[]): string[] {
  const exclusive = new Set(question.options.filter((o) => o.exclusive).map((o) => o.key));
  const added = next.filter((k) => !previous.includes(k));
  if (added.some((k) => exclusive.has(k))) return added.filter((k) => exclusive.has(k)).slice(0, 1);
  if (added.length) return next.filter((k) => !exclusive.has(k));
  return [...next];
}

/** The request body of `POST /enterprises/:id/diagnoses` from the form's values (unset scene levels left out). */
export function diagnosisBody(
  kind: Diagnosis['kind'],
  answers: Record<string, string | string[] | undefined>,
  sceneLevels: Record<string, number | null | undefined>,
): { kind: Diagnosis['kind']; answers: Record<string, string | string[]>; sceneLevels: Record<string, number> } {
  const a: Record<string, string | string[]> = {};
  for (const [key, value] of Object.entries(answers)) {
    if (value === undefined || (Array.isArray(value) && !value.length)) continue;
    a[key] = value;
  }
  const s: Record<string, number> = {};
  for (const [code, level] of Object.entries(sceneLevels)) if (typeof level === 'number') s[code] = level;
  return { kind, answers: a, sceneLevels: s };
}

/** The need form's URL, pre-filled with a suggested need's title and scenarios. */
export function needFormLink(need: { title: string; scenarios: string[] }): string {
  const params = new URLSearchParams({ title: need.title });
  if (need.scenarios.length) params.set('scenarios', need.scenarios.join(','));
  return `/needs/new?${params.toString()}`;
}

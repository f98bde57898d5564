/** Shapes of the diagnosis API (`libs/diagnosis`) and small pure helpers for the questionnaire form. */

export interface DiagnosisOption {
  key: string;
  text: string;
  score: number;
  /** Option A 无 of a multiple-choice question: chosen alone or not at all. */
  exclusive: boolean;
}

export interface DiagnosisQuestion {
  key: string;
  indicator: string;
  title: string;
  description: string;
  type: 'single' | 'multiple';
  maxScore: number;
  options: DiagnosisOption[];
}

export interface DiagnosisScene {
  code: string;
  title: string;
  group: string;
  levels: { level: number; description: string }[];
}

export interface Questionnaire {
  name: string;
  version: string;
  dimensions: {
    key: string;
    title: string;
    maxScore: number;
    groups: { key: string; title: string; maxScore: number; questions: DiagnosisQuestion[] }[];
  }[];
  scenes: DiagnosisScene[];
  levels: { level: number; name: string; minScore: number }[];
  belowLevelOne: string;
}

export interface ScoreNode {
  key: string;
  title: string;
  score: number;
  maxScore: number;
}

export interface Weakness {
  kind: 'indicator' | 'scene';
  key: string;
  title: string;
  group: string;
  share: number;
  score: number | null;
  maxScore: number | null;
  level: number | null;
  scenarios: string[];
}

export interface SuggestedNeed {
  kind: 'indicator' | 'scene';
  basis: string;
  title: string;
  description: string;
  scenarios: string[];
}

export interface Diagnosis {
  id: string;
  enterpriseId: string;
  kind: 'assessment' | 'self_check';
  official: boolean;
  advisoryReason: 'pilot_enterprise' | 'assessed' | null;
  score: number;
  level: number;
  belowLevelOne: boolean;
  dimensions: (ScoreNode & { groups: (ScoreNode & { indicators: ScoreNode[] })[] })[];
  weakest: Weakness[];
  suggestions: SuggestedNeed[];
  answers: Record<string, string[]>;
  sceneLevels: Record<string, number>;
  filedBy: string;
  createdAt: string;
}

export interface CommonNeed {
  kind: 'indicator' | 'scene';
  key: string;
  title: string;
  group: string;
  scenarios: string[];
  count: number;
  share: number;
  need: { title: string; scenarios: string[] } | null;
}

export interface IndividualNeeds {
  enterpriseId: string;
  enterpriseName: string;
  district: string;
  diagnosisId: string;
  kind: Diagnosis['kind'];
  official: boolean;
  score: number;
  level: number;
  diagnosedAt: string;
  needs: SuggestedNeed[];
}

export interface CommonNeedsReport {
  industry: { code: string; name: string };
  district: string | null;
  minShare: number;
  diagnosedEnterprises: number;
  commonNeeds: CommonNeed[];
  individualNeeds: { items: IndividualNeeds[]; total: number; page: number; pageSize: number };
}

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

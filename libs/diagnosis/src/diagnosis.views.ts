import { DIGITAL_LEVELS } from '@smedx/taxonomy';
import type { DiagnosisView, QuestionnaireView } from '@smedx/contracts';
import type { Diagnosis } from './diagnosis.entity.js';
import { QUESTIONNAIRE } from './questionnaire.js';

export type { CommonNeedsReport, DiagnosisView, IndividualNeeds, QuestionnaireView } from '@smedx/contracts';

export function diagnosisView(d: Diagnosis): DiagnosisView {
  return {
    id: d.id,
    enterpriseId: d.enterpriseId,
    kind: d.kind,
    official: d.official,
    advisoryReason: d.advisoryReason,
    questionnaireVersion: d.questionnaireVersion,
    score: d.score,
    level: d.level,
    belowLevelOne: d.belowLevelOne,
    dimensions: d.dimensions,
    weakest: d.weakest,
    suggestions: d.suggestions,
    answers: d.answers,
    sceneLevels: d.sceneLevels,
    filedBy: d.filedBy,
    createdAt: d.createdAt,
  };
}

export const QUESTIONNAIRE_VIEW: QuestionnaireView = {
  ...QUESTIONNAIRE,
  levels: DIGITAL_LEVELS.map(({ level, name, minScore }) => ({ level, name, minScore })),
  belowLevelOne: '总分低于20分时记为一级，并标注 belowLevelOne（低于一级下限）',
};

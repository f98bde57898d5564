import type { Page } from '@smedx/directory';
import { DIGITAL_LEVELS } from '@smedx/taxonomy';
import type { DigitalLevel } from '@smedx/taxonomy';
import type { CommonNeed } from './common-needs.js';
import type { AdvisoryReason, Diagnosis, DiagnosisKind } from './diagnosis.entity.js';
import { QUESTIONNAIRE } from './questionnaire.js';
import type { Questionnaire } from './questionnaire.js';
import type { Answers, DimensionScore, SceneLevels, SuggestedNeed, Weakness } from './scoring.js';

export interface DiagnosisView {
  id: string;
  enterpriseId: string;
  kind: DiagnosisKind;
  /** Whether it set the enterprise's level; a pilot enterprise's self-check is advisory. */
  official: boolean;
  advisoryReason: AdvisoryReason | null;
  questionnaireVersion: string;
  score: number;
  level: DigitalLevel;
  belowLevelOne: boolean;
  dimensions: DimensionScore[];
  weakest: Weakness[];
  suggestions: SuggestedNeed[];
  answers: Answers;
  sceneLevels: SceneLevels;
  filedBy: string;
  createdAt: Date;
}

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

/** One enterprise's needs beside the industry's common ones (个性需求), from its latest diagnosis. */
export interface IndividualNeeds {
  enterpriseId: string;
  enterpriseName: string;
  district: string;
  diagnosisId: string;
  kind: DiagnosisKind;
  official: boolean;
  score: number;
  level: DigitalLevel;
  diagnosedAt: Date;
  /** Its suggested needs whose weakness is not a common one. */
  needs: SuggestedNeed[];
}

/** 共性需求 and 个性需求 of one industry (and district, if asked), from each enterprise's latest diagnosis. */
export interface CommonNeedsReport {
  industry: { code: string; name: string };
  district: string | null;
  minShare: number;
  diagnosedEnterprises: number;
  commonNeeds: CommonNeed[];
  /** Least-scoring enterprises first. */
  individualNeeds: Page<IndividualNeeds>;
}

/** The questionnaire for the form: keys, options with their scores, the scenes' level descriptions and the level bands. */
export interface QuestionnaireView extends Questionnaire {
  levels: { level: DigitalLevel; name: string; minScore: number }[];
  /** The platform's rule below the lowest band. */
  belowLevelOne: string;
}

export const QUESTIONNAIRE_VIEW: QuestionnaireView = {
  ...QUESTIONNAIRE,
  levels: DIGITAL_LEVELS.map(({ level, name, minScore }) => ({ level, name, minScore })),
  belowLevelOne: '总分低于20分时记为一级，并标注 belowLevelOne（低于一级下限）',
};

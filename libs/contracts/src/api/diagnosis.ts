import { z } from 'zod';
import { count, instant, pageOf, uuid } from '../wire.js';
import { json } from './route.js';

/** An assessor's on-site assessment (评估诊断), or the enterprise's own self-check (自评). */
export const DIAGNOSIS_KINDS = ['assessment', 'self_check'] as const;
export type DiagnosisKind = (typeof DIAGNOSIS_KINDS)[number];

/**
 * Why a self-check did not set the enterprise's level: it is in the pilot pool (only an on-site
 * assessment counts there), or an assessor's assessment or acceptance already set it.
 */
export const ADVISORY_REASONS = ['pilot_enterprise', 'assessed'] as const;
export type AdvisoryReason = (typeof ADVISORY_REASONS)[number];

/** A weak spot is an indicator (question) or a business scene. */
export const WEAKNESS_KINDS = ['indicator', 'scene'] as const;

/** A digital level 1–4 (一级 … 四级). */
export const DigitalLevelSchema = z.literal([1, 2, 3, 4]);

// ---- The questionnaire ----

/** What a weak indicator turns into: a need on the platform, named in Chinese, with the scenarios a solution serves. */
export const NeedTemplateSchema = z.strictObject({ title: z.string(), scenarios: z.array(z.string()) });
export type NeedTemplate = z.output<typeof NeedTemplateSchema>;

export const OptionDefSchema = z.strictObject({
  key: z.string(),
  text: z.string(),
  score: z.number(),
  /** Option A 无 of a multiple-choice question: chosen alone or not at all. */
  exclusive: z.boolean(),
});
export type OptionDef = z.output<typeof OptionDefSchema>;

/** One question; every indicator of the 2024 version has exactly one, so it carries the indicator's key and title. */
export const QuestionDefSchema = z.strictObject({
  key: z.string(),
  /** The indicator's title (网络建设, 设备联网, …). */
  indicator: z.string(),
  title: z.string(),
  description: z.string(),
  type: z.enum(['single', 'multiple']),
  maxScore: z.number(),
  formFields: z.array(z.string()),
  options: z.array(OptionDefSchema),
  /** The need a weakness here suggests; null where no scenario of the platform fits. */
  need: NeedTemplateSchema.nullable(),
});
export type QuestionDef = z.output<typeof QuestionDefSchema>;

export const GroupDefSchema = z.strictObject({
  key: z.string(),
  title: z.string(),
  maxScore: z.number(),
  questions: z.array(QuestionDefSchema),
});
export type GroupDef = z.output<typeof GroupDefSchema>;

export const DimensionDefSchema = z.strictObject({
  key: z.string(),
  title: z.string(),
  maxScore: z.number(),
  groups: z.array(GroupDefSchema),
});
export type DimensionDef = z.output<typeof DimensionDefSchema>;

/** One of the 16 business scenes (数字化经营), graded 1–4; its key is the platform's scenario code. */
export const SceneDefSchema = z.strictObject({
  code: z.string(),
  title: z.string(),
  group: z.string(),
  levels: z.array(z.strictObject({ level: z.number().int(), description: z.string() })),
});
export type SceneDef = z.output<typeof SceneDefSchema>;

export const QuestionnaireSchema = z.strictObject({
  name: z.string(),
  version: z.string(),
  dimensions: z.array(DimensionDefSchema),
  scenes: z.array(SceneDefSchema),
});
export type Questionnaire = z.output<typeof QuestionnaireSchema>;

/** The questionnaire for the form, with the level bands and the rule below the lowest one. */
export const QuestionnaireViewSchema = z.strictObject({
  ...QuestionnaireSchema.shape,
  levels: z.array(z.strictObject({ level: DigitalLevelSchema, name: z.string(), minScore: z.number() })),
  /** The platform's rule below the lowest band. */
  belowLevelOne: z.string(),
});
export type QuestionnaireView = z.output<typeof QuestionnaireViewSchema>;

// ---- A diagnosis ----

export const ScoreNodeSchema = z.strictObject({ key: z.string(), title: z.string(), score: z.number(), maxScore: z.number() });
export type ScoreNode = z.output<typeof ScoreNodeSchema>;

export const GroupScoreSchema = z.strictObject({
  ...ScoreNodeSchema.shape,
  /** One per indicator (question). */
  indicators: z.array(ScoreNodeSchema),
});
export type GroupScore = z.output<typeof GroupScoreSchema>;

export const DimensionScoreSchema = z.strictObject({ ...ScoreNodeSchema.shape, groups: z.array(GroupScoreSchema) });
export type DimensionScore = z.output<typeof DimensionScoreSchema>;

/** A weak spot: an indicator below its full score, or a graded business scene below level 4. */
export const WeaknessSchema = z.strictObject({
  kind: z.enum(WEAKNESS_KINDS),
  /** The question key, or the scene's scenario code. */
  key: z.string(),
  title: z.string(),
  /** The indicator's group (设备系统 …) or the scene's group (生产执行数字化 …). */
  group: z.string(),
  /** Share reached of the best possible: score / maxScore, or level / 4; three decimals. */
  share: z.number(),
  score: z.number().nullable(),
  maxScore: z.number().nullable(),
  level: DigitalLevelSchema.nullable(),
  /** Platform scenario codes a solution for it would serve; empty where none fits. */
  scenarios: z.array(z.string()),
});
export type Weakness = z.output<typeof WeaknessSchema>;

/** A need the diagnosis suggests the enterprise publish (个性需求). */
export const SuggestedNeedSchema = z.strictObject({
  kind: z.enum(WEAKNESS_KINDS),
  /** The weakness it answers (question key or scenario code). */
  basis: z.string(),
  title: z.string(),
  description: z.string(),
  scenarios: z.array(z.string()),
});
export type SuggestedNeed = z.output<typeof SuggestedNeedSchema>;

/** Answers as kept: question key → chosen option keys, in the questionnaire's option order. */
export const AnswersSchema = z.record(z.string(), z.array(z.string()));
export type Answers = z.output<typeof AnswersSchema>;
/** Business scene (scenario code) → its level 1–4; scenes left out were not graded. */
export const SceneLevelsSchema = z.record(z.string(), DigitalLevelSchema);
export type SceneLevels = z.output<typeof SceneLevelsSchema>;

export const DiagnosisViewSchema = z.strictObject({
  id: uuid,
  enterpriseId: uuid,
  kind: z.enum(DIAGNOSIS_KINDS),
  /** Whether it set the enterprise's level; a pilot enterprise's self-check is advisory. */
  official: z.boolean(),
  advisoryReason: z.enum(ADVISORY_REASONS).nullable(),
  questionnaireVersion: z.string(),
  /** 0–100, three decimals. */
  score: z.number(),
  level: DigitalLevelSchema,
  /** The score is under 20, below the band of level 1; `level` is then 1. */
  belowLevelOne: z.boolean(),
  dimensions: z.array(DimensionScoreSchema),
  weakest: z.array(WeaknessSchema),
  suggestions: z.array(SuggestedNeedSchema),
  answers: AnswersSchema,
  sceneLevels: SceneLevelsSchema,
  filedBy: uuid,
  createdAt: instant,
});
export type DiagnosisView = z.output<typeof DiagnosisViewSchema>;

// ---- 共性需求 and 个性需求 ----

/** A weakness many enterprises of an industry share (共性需求), as a need a provider could serve them all with. */
export const CommonNeedSchema = z.strictObject({
  kind: z.enum(WEAKNESS_KINDS),
  key: z.string(),
  title: z.string(),
  group: z.string(),
  scenarios: z.array(z.string()),
  /** Enterprises among whose weakest it is. */
  count,
  /** count / diagnosed enterprises, three decimals. */
  share: z.number(),
  /** The suggested common need; null where no platform scenario fits the weakness. */
  need: NeedTemplateSchema.nullable(),
});
export type CommonNeed = z.output<typeof CommonNeedSchema>;

/** One enterprise's needs beside the industry's common ones (个性需求), from its latest diagnosis. */
export const IndividualNeedsSchema = z.strictObject({
  enterpriseId: uuid,
  enterpriseName: z.string(),
  district: z.string(),
  diagnosisId: uuid,
  kind: z.enum(DIAGNOSIS_KINDS),
  official: z.boolean(),
  score: z.number(),
  level: DigitalLevelSchema,
  diagnosedAt: instant,
  /** Its suggested needs whose weakness is not a common one. */
  needs: z.array(SuggestedNeedSchema),
});
export type IndividualNeeds = z.output<typeof IndividualNeedsSchema>;

/** 共性需求 and 个性需求 of one industry (and district, if asked), from each enterprise's latest diagnosis. */
export const CommonNeedsReportSchema = z.strictObject({
  industry: z.strictObject({ code: z.string(), name: z.string() }),
  district: z.string().nullable(),
  minShare: z.number(),
  diagnosedEnterprises: count,
  commonNeeds: z.array(CommonNeedSchema),
  /** Least-scoring enterprises first. */
  individualNeeds: pageOf(IndividualNeedsSchema),
});
export type CommonNeedsReport = z.output<typeof CommonNeedsReportSchema>;

export const diagnosisRoutes = {
  'POST /enterprises/:id/diagnoses': json(DiagnosisViewSchema),
  'GET /enterprises/:id/diagnoses': json(pageOf(DiagnosisViewSchema)),
  'GET /diagnoses/questionnaire': json(QuestionnaireViewSchema),
  'GET /diagnoses/common-needs': json(CommonNeedsReportSchema),
} as const;

import { z } from 'zod';
import { DISTRICT_CODES, INDUSTRY_CODES } from '@smedx/taxonomy';
import { DIAGNOSIS_KINDS } from '../diagnosis.entity.js';

const optionKey = z.string({ error: 'must be an option key such as "B"' }).min(1).max(8);

/**
 * `POST /enterprises/:id/diagnoses`. Which questions and options exist is checked by the scoring
 * (400 naming `answers.<question>`); here only the shape. `kind` defaults to `assessment` for an
 * assessor and to `self_check` for anyone else.
 */
export const FileDiagnosisSchema = z.object({
  kind: z.enum(DIAGNOSIS_KINDS, { error: `must be one of ${DIAGNOSIS_KINDS.join(', ')}` }).optional(),
  answers: z.record(
    z.string().max(64),
    z.union([optionKey, z.array(optionKey).max(32)], { error: 'must be an option key or a list of them' }),
    {
      error: 'must be an object: question key → option key(s)',
    },
  ),
  sceneLevels: z
    .record(
      z.string().max(64),
      z.number({ error: 'must be a level 1–4' }).int('must be a level 1–4').min(1, 'must be a level 1–4').max(4, 'must be a level 1–4'),
      {
        error: 'must be an object: scenario code → level 1–4',
      },
    )
    .default({}),
});
export type FileDiagnosisInput = z.infer<typeof FileDiagnosisSchema>;

/** `GET /diagnoses/common-needs`. */
export const CommonNeedsQuerySchema = z.object({
  industry: z.enum(INDUSTRY_CODES, {
    error: (issue) => (issue.input === undefined ? 'is required' : `unknown industry code "${String(issue.input)}"`),
  }),
  district: z.enum(DISTRICT_CODES, { error: (issue) => `unknown district code "${String(issue.input)}"` }).optional(),
  /** A weakness is common when at least this share of the industry's diagnosed enterprises (and at least two) have it. */
  minShare: z.coerce.number({ error: 'must be a number between 0 and 1' }).min(0).max(1).default(0.3),
});
export type CommonNeedsQuery = z.infer<typeof CommonNeedsQuerySchema>;

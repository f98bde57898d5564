import { z } from 'zod';
import { DISTRICT_CODES, INDUSTRY_CODES, PILOT_BATCH_CODES, PROVIDER_KIND_CODES, SCALE_CODES, validateUscc } from '@smedx/taxonomy';
import type { CodeTuple, PilotBatchCode, ProviderKindCode, ScaleCode } from '@smedx/taxonomy';
import { CONSENT_SCOPES } from '../entities/data-consent.entity.js';
import { PROVIDER_STATUSES, SELECTION_DECISIONS } from '@smedx/contracts';

/** A code from a taxonomy list; the 400 names the unknown value rather than listing every code. */
function code<T extends string = string>(codes: CodeTuple, noun: string) {
  return z.enum(codes as readonly [T, ...T[]], {
    error: (issue) => (issue.input === undefined ? 'is required' : `unknown ${noun} code "${String(issue.input)}"`),
  });
}

/** A unified social credit code: 18 characters with a valid GB 32100-2015 check character. */
export const UsccSchema = z
  .string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be a string') })
  .trim()
  .superRefine((value, ctx) => {
    const result = validateUscc(value);
    if (!result.valid) ctx.addIssue({ code: 'custom', message: result.reason, params: { reasonZh: result.reasonZh } });
  });

const name = z.string().trim().min(1, 'is required').max(200);
const flag = z.boolean({ error: 'must be true or false' });
const count = z.number().int('must be an integer').min(0, 'must not be negative').max(10_000_000);
/** Fen (分) as an integer; far below 2^53 so it survives JSON and bigint columns. */
const fen = z.number().int('must be an integer number of fen').min(0, 'must not be negative').max(1e15);

const enterpriseFields = {
  name,
  uscc: UsccSchema,
  industry: code(INDUSTRY_CODES, 'industry'),
  district: code(DISTRICT_CODES, 'district'),
  scale: code<ScaleCode>(SCALE_CODES, 'scale'),
  employees: count.nullable(),
  annualRevenueFen: fen.nullable(),
  isLittleGiantFunded: flag,
  inPilot2022: flag,
  isSpecialised: flag,
};

export const CreateEnterpriseSchema = z.object({
  ...enterpriseFields,
  employees: enterpriseFields.employees.default(null),
  annualRevenueFen: enterpriseFields.annualRevenueFen.default(null),
  isLittleGiantFunded: flag.default(false),
  inPilot2022: flag.default(false),
  isSpecialised: flag.default(false),
});
export type CreateEnterpriseInput = z.infer<typeof CreateEnterpriseSchema>;

const atLeastOneField = (value: object) => Object.values(value).some((v) => v !== undefined);

export const UpdateEnterpriseSchema = z
  .object(enterpriseFields)
  .partial()
  .refine(atLeastOneField, { message: 'give at least one field to change' });
export type UpdateEnterpriseInput = z.infer<typeof UpdateEnterpriseSchema>;

const searchText = z.string().trim().min(1).max(100);

export const EnterpriseFilterSchema = z.object({
  industry: code(INDUSTRY_CODES, 'industry').optional(),
  district: code(DISTRICT_CODES, 'district').optional(),
  scale: code<ScaleCode>(SCALE_CODES, 'scale').optional(),
  pilotBatch: code<PilotBatchCode>(PILOT_BATCH_CODES, 'pilot batch').optional(),
  /** Part of the name. */
  q: searchText.optional(),
});
export type EnterpriseFilter = z.infer<typeof EnterpriseFilterSchema>;

export const EnrolPilotSchema = z.object({
  batch: code<PilotBatchCode>(PILOT_BATCH_CODES, 'pilot batch'),
});
export type EnrolPilotInput = z.infer<typeof EnrolPilotSchema>;

export const PilotPoolFilterSchema = z.object({
  batch: code<PilotBatchCode>(PILOT_BATCH_CODES, 'pilot batch').optional(),
  industry: code(INDUSTRY_CODES, 'industry').optional(),
  district: code(DISTRICT_CODES, 'district').optional(),
});
export type PilotPoolFilter = z.infer<typeof PilotPoolFilterSchema>;

export const GrantConsentSchema = z.object({
  granteeOrganisationId: z.string().uuid('must be the id of a provider or an enterprise'),
  scopes: z
    .array(z.enum(CONSENT_SCOPES, { error: (i) => `unknown scope "${String(i.input)}" (diagnosis or need_details)` }))
    .min(1, 'give at least one scope')
    .max(CONSENT_SCOPES.length)
    .transform((scopes) => [...new Set(scopes)]),
});
export type GrantConsentInput = z.infer<typeof GrantConsentSchema>;

const districts = z
  .array(code(DISTRICT_CODES, 'district'))
  .min(1, 'give at least one district')
  .max(DISTRICT_CODES.length)
  .transform((codes) => [...new Set(codes)]);

const providerFields = {
  name,
  uscc: UsccSchema,
  kind: code<ProviderKindCode>(PROVIDER_KIND_CODES, 'provider kind'),
  districts,
  description: z.string().trim().max(5000),
};

export const CreateProviderSchema = z.object({ ...providerFields, description: providerFields.description.default('') });
export type CreateProviderInput = z.infer<typeof CreateProviderSchema>;

export const UpdateProviderSchema = z
  .object(providerFields)
  .partial()
  .refine(atLeastOneField, { message: 'give at least one field to change' });
export type UpdateProviderInput = z.infer<typeof UpdateProviderSchema>;

export const ProviderFilterSchema = z.object({
  kind: code<ProviderKindCode>(PROVIDER_KIND_CODES, 'provider kind').optional(),
  /** Providers serving this district. */
  district: code(DISTRICT_CODES, 'district').optional(),
  /** Officers only; everyone else sees approved providers. */
  status: z.enum(PROVIDER_STATUSES, { error: (i) => `unknown status "${String(i.input)}"` }).optional(),
  q: searchText.optional(),
});
export type ProviderFilter = z.infer<typeof ProviderFilterSchema>;

export const SelectionDecisionSchema = z.object({
  decision: z.enum(SELECTION_DECISIONS, {
    error: (i) => (i.input === undefined ? 'is required' : `unknown decision "${String(i.input)}" (approve, reject, suspend or reinstate)`),
  }),
  reason: z
    .string({ error: (i) => (i.input === undefined ? 'is required' : 'must be a string') })
    .trim()
    .min(1, 'is required')
    .max(2000),
});
export type SelectionDecisionInput = z.infer<typeof SelectionDecisionSchema>;

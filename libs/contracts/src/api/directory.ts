import { ProviderRecordSchema } from './provider-record.js';
import type { ProviderRecord } from './provider-record.js';
import { z } from 'zod';
import { PROVIDER_STATUSES, SELECTION_DECISIONS } from '../states/provider-selection.js';
import { count, instant, pageOf, uuid } from '../wire.js';
import { ORGANISATION_KINDS } from './identity.js';
import { json } from './route.js';

/** One entry of a controlled vocabulary: a stable code and its Chinese name. */
export const TaxonomyItemSchema = z.strictObject({ code: z.string(), name: z.string() });
export type TaxonomyItemView = z.output<typeof TaxonomyItemSchema>;

/** `GET /taxonomies`: every vocabulary the forms and filters use. */
export const TaxonomiesViewSchema = z.strictObject({
  industries: z.array(TaxonomyItemSchema),
  districts: z.array(TaxonomyItemSchema),
  scenarios: z.array(TaxonomyItemSchema),
  deliveryModes: z.array(TaxonomyItemSchema),
  scales: z.array(TaxonomyItemSchema),
  providerKinds: z.array(TaxonomyItemSchema),
  pilotBatches: z.array(TaxonomyItemSchema),
});
export type TaxonomiesView = z.output<typeof TaxonomiesViewSchema>;

/** MIIT's digital levels (一级 to 四级). */
export const digitalLevel = z.literal([1, 2, 3, 4]);

/** Why an enterprise is in the pilot pool: 规上 应改尽改 (`should`), 规下 愿改尽改 (`willing`). */
export const ENROLMENT_BASES = ['should', 'willing'] as const;
export type EnrolmentBasis = (typeof ENROLMENT_BASES)[number];

/** Where an enterprise's digital level comes from. */
export const DIGITAL_LEVEL_SOURCES = ['assessment', 'self_check', 'acceptance'] as const;
export type DigitalLevelSource = (typeof DIGITAL_LEVEL_SOURCES)[number];

/** What any signed-in user sees of an enterprise. */
export const EnterprisePublicViewSchema = z.strictObject({
  id: uuid,
  name: z.string(),
  industry: z.string(),
  district: z.string(),
  /** `above` (规上) or `below` (规下). */
  scale: z.string(),
  /** Enterprises have no lifecycle of their own; blacklisting lives in the programme context. */
  status: z.literal('active'),
  digitalLevel: digitalLevel.nullable(),
  isChainLeader: z.boolean(),
  pilotBatch: z.string().nullable(),
  createdAt: instant,
  updatedAt: instant,
});
export type EnterprisePublicView = z.output<typeof EnterprisePublicViewSchema>;

/** What members, city officers, the district's officer, assessors and admins see. */
export const EnterpriseViewSchema = EnterprisePublicViewSchema.extend({
  uscc: z.string(),
  employees: z.number().int().nullable(),
  annualRevenueFen: z.number().int().nullable(),
  isLittleGiantFunded: z.boolean(),
  inPilot2022: z.boolean(),
  isSpecialised: z.boolean(),
  digitalLevelSource: z.enum(DIGITAL_LEVEL_SOURCES).nullable(),
  digitalLevelAt: instant.nullable(),
  enrolmentBasis: z.enum(ENROLMENT_BASES).nullable(),
  pilotEnrolledAt: instant.nullable(),
});
export type EnterpriseView = z.output<typeof EnterpriseViewSchema>;

/** An enterprise as the caller may see it: every field, or the public ones only. */
export const EnterpriseAnyViewSchema = z.union([EnterpriseViewSchema, EnterprisePublicViewSchema]);
export type EnterpriseAnyView = z.output<typeof EnterpriseAnyViewSchema>;

/** An enterprise as a row of the pilot pool. */
export const PilotPoolItemViewSchema = z.strictObject({
  id: uuid,
  name: z.string(),
  industry: z.string(),
  district: z.string(),
  scale: z.string(),
  digitalLevel: digitalLevel.nullable(),
  pilotBatch: z.string(),
  enrolmentBasis: z.enum(ENROLMENT_BASES),
  enrolledAt: instant,
});
export type PilotPoolItemView = z.output<typeof PilotPoolItemViewSchema>;

/** A taxonomy code with its name and how many objects have it. */
export const CodeCountViewSchema = TaxonomyItemSchema.extend({ count });
export type CodeCountView = z.output<typeof CodeCountViewSchema>;

/** The pilot pool: a page of it, with counts over the whole filtered pool (every code, zeros included). */
export const PilotPoolViewSchema = pageOf(PilotPoolItemViewSchema).extend({
  counts: z.strictObject({
    byBatch: z.array(CodeCountViewSchema),
    byIndustry: z.array(CodeCountViewSchema),
    byDistrict: z.array(CodeCountViewSchema),
  }),
});
export type PilotPoolView = z.output<typeof PilotPoolViewSchema>;

export type ProviderRecordView = ProviderRecord;

/** One selection (遴选) decision of a city officer. */
export const SelectionDecisionViewSchema = z.strictObject({
  id: uuid,
  decision: z.enum(SELECTION_DECISIONS),
  fromStatus: z.enum(PROVIDER_STATUSES),
  toStatus: z.enum(PROVIDER_STATUSES),
  reason: z.string(),
  actorId: uuid,
  decidedAt: instant,
});
export type SelectionDecisionView = z.output<typeof SelectionDecisionViewSchema>;

/** A digital service provider (服务商). */
export const ProviderViewSchema = z.strictObject({
  id: uuid,
  name: z.string(),
  uscc: z.string(),
  /** `integrator` (系统集成商) or `product` (产品服务商). */
  kind: z.string(),
  districts: z.array(z.string()),
  description: z.string(),
  status: z.enum(PROVIDER_STATUSES),
  record: ProviderRecordSchema,
  createdAt: instant,
  updatedAt: instant,
  /** Selection history, oldest first: only for the provider's members and officers. */
  decisions: z.array(SelectionDecisionViewSchema).optional(),
});
export type ProviderView = z.output<typeof ProviderViewSchema>;

/** What an enterprise lets another organisation see. */
export const CONSENT_SCOPES = ['diagnosis', 'need_details'] as const;
export type ConsentScope = (typeof CONSENT_SCOPES)[number];

/** A data consent (数据授权) an enterprise gave. */
export const ConsentViewSchema = z.strictObject({
  id: uuid,
  enterpriseId: uuid,
  granteeOrganisationId: uuid,
  granteeKind: z.enum(ORGANISATION_KINDS),
  /** The grantee's name, so the enterprise sees whom it trusts. */
  granteeName: z.string().nullable(),
  scopes: z.array(z.enum(CONSENT_SCOPES)),
  status: z.enum(['active', 'revoked']),
  grantedBy: uuid,
  grantedAt: instant,
  revokedBy: uuid.nullable(),
  revokedAt: instant.nullable(),
});
export type ConsentView = z.output<typeof ConsentViewSchema>;

export const directoryRoutes = {
  'GET /taxonomies': json(TaxonomiesViewSchema),
  'POST /enterprises': json(EnterpriseViewSchema),
  'GET /enterprises': json(pageOf(EnterpriseAnyViewSchema)),
  'GET /enterprises/:id': json(EnterpriseAnyViewSchema),
  'PATCH /enterprises/:id': json(EnterpriseViewSchema),
  'POST /enterprises/:id/pilot': json(EnterpriseViewSchema),
  'DELETE /enterprises/:id/pilot': json(EnterpriseViewSchema),
  'GET /pilot-pool': json(PilotPoolViewSchema),
  'POST /enterprises/:id/consents': json(ConsentViewSchema),
  'GET /enterprises/:id/consents': json(pageOf(ConsentViewSchema)),
  'DELETE /enterprises/:id/consents/:consentId': json(ConsentViewSchema),
  'POST /providers': json(ProviderViewSchema),
  'GET /providers': json(pageOf(ProviderViewSchema)),
  'GET /providers/:id': json(ProviderViewSchema),
  'PATCH /providers/:id': json(ProviderViewSchema),
  'POST /providers/:id/selection': json(ProviderViewSchema),
} as const;

import { z } from 'zod';
import { calendarDate, count, fen } from '../wire.js';
import { CSV, jsonOrFile } from './route.js';

/**
 * The exchange format (数据交换格式) of the national SME digital-transformation
 * service platform export, documented field by field in docs/exchange.md. The same
 * records travel as JSON (`?format=json`, the default) and as CSV (`?format=csv`);
 * a change that removes, renames or retypes a field bumps the version.
 */
export const EXCHANGE_FORMAT_VERSION = 'smedx-exchange/1';

export const EXCHANGE_DATASETS = ['projects', 'cases', 'indicators', 'awards'] as const;
export type ExchangeDataset = (typeof EXCHANGE_DATASETS)[number];

/** A month `YYYY-MM` (Shanghai calendar). */
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);
/** Yuan with exactly two decimals, as text (exact money). */
const decimal = z.string().regex(/^-?\d+\.\d{2}$/);
const level = z.number().int().min(1).max(4);

/** A transformation project (改造项目). */
export const ProjectRecordSchema = z.strictObject({
  projectId: z.string(),
  contractNo: z.string(),
  title: z.string(),
  enterpriseName: z.string(),
  enterpriseUscc: z.string(),
  industry: z.string(),
  industryName: z.string().nullable(),
  district: z.string(),
  districtName: z.string().nullable(),
  providerName: z.string(),
  providerUscc: z.string(),
  scope: z.string(),
  contractPriceFen: fen,
  contractPriceYuan: decimal,
  deliveryDays: z.number().int(),
  awardDate: calendarDate,
  plannedEndDate: calendarDate,
  acceptedDate: calendarDate.nullable(),
  cancelledDate: calendarDate.nullable(),
  status: z.string(),
  levelBefore: level.nullable(),
  levelAfter: level.nullable(),
  acceptanceResult: z.enum(['pass', 'fail']).nullable(),
  acceptanceRounds: count,
  /** The acceptance evidence as `kind:sha256` (current versions; the files themselves are never exported). */
  evidenceDocuments: z.array(z.string()),
});
export type ProjectRecord = z.output<typeof ProjectRecordSchema>;

/** A case (典型案例): an accepted project, or a chain case (链式典型案例) of several. */
export const CaseRecordSchema = z.strictObject({
  caseId: z.string(),
  kind: z.enum(['project', 'chain']),
  title: z.string(),
  summary: z.string(),
  chainName: z.string().nullable(),
  enterpriseNames: z.array(z.string()),
  enterpriseUsccs: z.array(z.string()),
  providerNames: z.array(z.string()),
  providerUsccs: z.array(z.string()),
  industry: z.string(),
  industryName: z.string().nullable(),
  district: z.string(),
  districtName: z.string().nullable(),
  levelBefore: level.nullable(),
  levelAfter: level.nullable(),
  roiPercent: z.number().nullable(),
  caseDate: calendarDate,
  projectIds: z.array(z.string()),
});
export type CaseRecord = z.output<typeof CaseRecordSchema>;

/** One programme indicator (指标体系) for one slice: the whole scope, a breakdown row or a series step. */
export const IndicatorRecordSchema = z.strictObject({
  dimension: z.enum(['total', 'industry', 'district', 'batch', 'series']),
  code: z.string().nullable(),
  codeName: z.string().nullable(),
  indicatorKey: z.string(),
  indicatorName: z.string(),
  unit: z.string(),
  target: z.number().nullable(),
  value: z.number().nullable(),
  numerator: count.nullable(),
  denominator: count.nullable(),
  shareOfTarget: z.number().nullable(),
  met: z.boolean().nullable(),
  note: z.string().nullable(),
});
export type IndicatorRecord = z.output<typeof IndicatorRecordSchema>;

/** An award (评选认定, SPEC capability 17): a nomination that went through review and notice and was awarded. */
export const AwardRecordSchema = z.strictObject({
  awardId: z.string(),
  category: z.string(),
  categoryName: z.string(),
  title: z.string(),
  nomineeName: z.string(),
  nomineeUscc: z.string(),
  industry: z.string().nullable(),
  industryName: z.string().nullable(),
  district: z.string(),
  districtName: z.string().nullable(),
  pilotBatch: z.string().nullable(),
  reviewScore: z.number().nullable(),
  awardFen: fen,
  awardYuan: decimal,
  noticeStartDate: calendarDate,
  noticeEndDate: calendarDate,
  objections: count,
  awardDate: calendarDate,
});
export type AwardRecord = z.output<typeof AwardRecordSchema>;

/** The filters as applied, echoed in the JSON envelope. */
export const ExchangeFiltersSchema = z.strictObject({
  from: month.nullable(),
  to: month.nullable(),
  district: z.string().nullable(),
  industry: z.string().nullable(),
});
export type ExchangeFilters = z.output<typeof ExchangeFiltersSchema>;

/** The JSON document of one dataset. */
function exchangeDocumentOf<D extends ExchangeDataset, R extends z.ZodType>(dataset: D, record: R) {
  return z.strictObject({
    formatVersion: z.literal(EXCHANGE_FORMAT_VERSION),
    dataset: z.literal(dataset),
    /** When the export was taken (ISO 8601). */
    generatedAt: z.iso.datetime({ offset: true }),
    filters: ExchangeFiltersSchema,
    records: z.array(record),
  });
}

export const ProjectsExchangeSchema = exchangeDocumentOf('projects', ProjectRecordSchema);
export const CasesExchangeSchema = exchangeDocumentOf('cases', CaseRecordSchema);
export const IndicatorsExchangeSchema = exchangeDocumentOf('indicators', IndicatorRecordSchema);
export const AwardsExchangeSchema = exchangeDocumentOf('awards', AwardRecordSchema);

/** The record type of each dataset. */
export interface ExchangeRecordOf {
  projects: ProjectRecord;
  cases: CaseRecord;
  indicators: IndicatorRecord;
  awards: AwardRecord;
}

/** The JSON document of dataset `D`, as the server builds it. */
export type ExchangeDocument<D extends ExchangeDataset = ExchangeDataset> = Omit<
  z.output<typeof ProjectsExchangeSchema>,
  'dataset' | 'records'
> & { dataset: D; records: ExchangeRecordOf[D][] };

export const exchangeRoutes = {
  'GET /exchange/projects': jsonOrFile(ProjectsExchangeSchema, CSV),
  'GET /exchange/cases': jsonOrFile(CasesExchangeSchema, CSV),
  'GET /exchange/indicators': jsonOrFile(IndicatorsExchangeSchema, CSV),
  'GET /exchange/awards': jsonOrFile(AwardsExchangeSchema, CSV),
} as const;

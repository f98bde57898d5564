import { DISTRICTS, INDUSTRIES, nameOf } from '@smedx/taxonomy';
import { writeCsv, readCsv } from './csv-writer.js';
import type { CsvCell } from './csv-writer.js';
import { EXCHANGE_DATASETS, EXCHANGE_FORMAT_VERSION } from '@smedx/contracts';
import type { ExchangeDataset, ExchangeRecordOf } from '@smedx/contracts';

/**
 * The exchange format (数据交换格式) of the national SME digital-transformation service
 * platform export: one record type per dataset, the same records as JSON and as CSV.
 * Documented field by field in docs/exchange.md; a change that removes, renames or retypes
 * a field, or changes its meaning or unit, bumps the version (smedx-exchange/2); adding a
 * field at the end of a record does not.
 */
export const FORMAT_VERSION = EXCHANGE_FORMAT_VERSION;

export const DATASETS = EXCHANGE_DATASETS;
export type Dataset = ExchangeDataset;

/**
 * How a field is written. `decimal`: a decimal number as text with exactly two decimals
 * (money in yuan, exact); `date`: `YYYY-MM-DD` (Asia/Shanghai calendar day); `list`: a JSON
 * array of strings, in CSV its elements joined with `;`.
 */
export type FieldType = 'string' | 'integer' | 'number' | 'decimal' | 'boolean' | 'date' | 'list';

export interface FieldSpec {
  name: string;
  type: FieldType;
  nullable: boolean;
  /** The unit of a number (分, 元, 天, %, 级…), or null. */
  unit: string | null;
  /** The Chinese column label (中文字段名). */
  label: string;
}

/** The separator of list elements in CSV (USCCs and ids never hold it). */
export const LIST_SEPARATOR = ';';

const f = <N extends string>(
  name: N,
  type: FieldType,
  label: string,
  options: { nullable?: boolean; unit?: string } = {},
): FieldSpec & { name: N } => ({
  name,
  type,
  nullable: options.nullable ?? false,
  unit: options.unit ?? null,
  label,
});

export type { AwardRecord, CaseRecord, IndicatorRecord, ProjectRecord } from '@smedx/contracts';

export type RecordOf = ExchangeRecordOf;

export const FIELDS: { readonly [D in Dataset]: readonly (FieldSpec & { name: keyof RecordOf[D] & string })[] } = {
  projects: [
    f('projectId', 'string', '项目编号'),
    f('contractNo', 'string', '合同编号'),
    f('title', 'string', '项目名称'),
    f('enterpriseName', 'string', '企业名称'),
    f('enterpriseUscc', 'string', '企业统一社会信用代码'),
    f('industry', 'string', '行业代码'),
    f('industryName', 'string', '行业名称', { nullable: true }),
    f('district', 'string', '区县代码'),
    f('districtName', 'string', '区县名称', { nullable: true }),
    f('providerName', 'string', '服务商名称'),
    f('providerUscc', 'string', '服务商统一社会信用代码'),
    f('scope', 'string', '改造内容'),
    f('contractPriceFen', 'integer', '合同金额（分）', { unit: '分' }),
    f('contractPriceYuan', 'decimal', '合同金额（元）', { unit: '元' }),
    f('deliveryDays', 'integer', '交付工期（天）', { unit: '天' }),
    f('awardDate', 'date', '立项（中标）日期'),
    f('plannedEndDate', 'date', '计划完成日期'),
    f('acceptedDate', 'date', '验收通过日期', { nullable: true }),
    f('cancelledDate', 'date', '终止日期', { nullable: true }),
    f('status', 'string', '项目状态'),
    f('levelBefore', 'integer', '改造前数字化水平等级', { nullable: true, unit: '级' }),
    f('levelAfter', 'integer', '改造后数字化水平等级', { nullable: true, unit: '级' }),
    f('acceptanceResult', 'string', '验收结果', { nullable: true }),
    f('acceptanceRounds', 'integer', '验收次数', { unit: '次' }),
    f('evidenceDocuments', 'list', '验收材料（类型:SHA-256）'),
  ],
  cases: [
    f('caseId', 'string', '案例编号'),
    f('kind', 'string', '案例类型'),
    f('title', 'string', '案例名称'),
    f('summary', 'string', '案例简介'),
    f('chainName', 'string', '产业链名称', { nullable: true }),
    f('enterpriseNames', 'list', '企业名称'),
    f('enterpriseUsccs', 'list', '企业统一社会信用代码'),
    f('providerNames', 'list', '服务商名称'),
    f('providerUsccs', 'list', '服务商统一社会信用代码'),
    f('industry', 'string', '行业代码'),
    f('industryName', 'string', '行业名称', { nullable: true }),
    f('district', 'string', '区县代码'),
    f('districtName', 'string', '区县名称', { nullable: true }),
    f('levelBefore', 'integer', '改造前数字化水平等级', { nullable: true, unit: '级' }),
    f('levelAfter', 'integer', '改造后数字化水平等级', { nullable: true, unit: '级' }),
    f('roiPercent', 'number', '投入产出比（%）', { nullable: true, unit: '%' }),
    f('caseDate', 'date', '案例日期'),
    f('projectIds', 'list', '关联项目编号'),
  ],
  indicators: [
    f('dimension', 'string', '统计维度'),
    f('code', 'string', '维度代码', { nullable: true }),
    f('codeName', 'string', '维度名称', { nullable: true }),
    f('indicatorKey', 'string', '指标代码'),
    f('indicatorName', 'string', '指标名称'),
    f('unit', 'string', '单位'),
    f('target', 'number', '目标值', { nullable: true }),
    f('value', 'number', '指标值', { nullable: true }),
    f('numerator', 'integer', '分子', { nullable: true }),
    f('denominator', 'integer', '分母', { nullable: true }),
    f('shareOfTarget', 'number', '目标完成度', { nullable: true }),
    f('met', 'boolean', '是否达标', { nullable: true }),
    f('note', 'string', '说明', { nullable: true }),
  ],
  awards: [
    f('awardId', 'string', '评选编号'),
    f('category', 'string', '评选类别代码'),
    f('categoryName', 'string', '评选类别'),
    f('title', 'string', '申报名称'),
    f('nomineeName', 'string', '获评单位名称'),
    f('nomineeUscc', 'string', '获评单位统一社会信用代码'),
    f('industry', 'string', '行业代码', { nullable: true }),
    f('industryName', 'string', '行业名称', { nullable: true }),
    f('district', 'string', '区县代码'),
    f('districtName', 'string', '区县名称', { nullable: true }),
    f('pilotBatch', 'string', '试点批次', { nullable: true }),
    f('reviewScore', 'number', '专家评审得分', { nullable: true, unit: '分' }),
    f('awardFen', 'integer', '奖励金额（分）', { unit: '分' }),
    f('awardYuan', 'decimal', '奖励金额（元）', { unit: '元' }),
    f('noticeStartDate', 'date', '公示开始日期'),
    f('noticeEndDate', 'date', '公示结束日期'),
    f('objections', 'integer', '公示异议数'),
    f('awardDate', 'date', '认定日期'),
  ],
};

/** Fen as yuan with two decimals, exactly (no floating point): 123456 → "1234.56". */
export function yuanOf(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(fen));
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

export function industryName(code: string): string | null {
  return nameOf(INDUSTRIES, code) ?? null;
}

export function districtName(code: string): string | null {
  return nameOf(DISTRICTS, code) ?? null;
}

function cellOf(spec: FieldSpec, value: unknown): CsvCell {
  if (value === null || value === undefined) return null;
  if (spec.type === 'list') return (value as string[]).join(LIST_SEPARATOR);
  return value as CsvCell;
}

function valueOf(spec: FieldSpec, text: string): unknown {
  if (spec.type === 'list') return text === '' ? [] : text.split(LIST_SEPARATOR);
  if (text === '' && spec.nullable) return null;
  switch (spec.type) {
    case 'integer':
    case 'number':
      return Number(text);
    case 'boolean':
      return text === 'true';
    default:
      return text;
  }
}

/** The records of a dataset as CSV: BOM, a header row of the field names, one line per record. */
export function recordsToCsv<D extends Dataset>(dataset: D, records: readonly RecordOf[D][]): string {
  const fields = FIELDS[dataset];
  return writeCsv([
    fields.map((s) => s.name),
    ...records.map((r) => fields.map((s) => cellOf(s, (r as unknown as Record<string, unknown>)[s.name]))),
  ]);
}

/**
 * CSV of a dataset back into records, typed by the field table (empty = null where the field
 * may be null). The header must name the fields of this version in order.
 */
export function recordsFromCsv<D extends Dataset>(dataset: D, text: string): RecordOf[D][] {
  const fields = FIELDS[dataset];
  const [header, ...rows] = readCsv(text);
  const expected = fields.map((s) => s.name);
  if (!header || header.join(',') !== expected.join(',')) {
    throw new Error(`CSV header does not match ${FORMAT_VERSION} ${dataset}: ${header?.join(',') ?? '(empty)'}`);
  }
  return rows.map((row) => Object.fromEntries(fields.map((s, i) => [s.name, valueOf(s, row[i] ?? '')])) as unknown as RecordOf[D]);
}

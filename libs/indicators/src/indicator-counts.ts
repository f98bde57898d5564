import { DataSource, SelectQueryBuilder } from 'typeorm';
import { Nomination } from '@smedx/awards';
import { SERVICE_FEE_CAPS_FEN, SERVICE_FEE_KINDS } from '@smedx/contracts';
import { ServiceFee } from '@smedx/fees';
import { Solution } from '@smedx/catalogue';
import { Chain, ChainCase } from '@smedx/chains';
import { Enterprise, Provider } from '@smedx/directory';
import { DISTRICTS, INDUSTRIES, INDUSTRY_CODES } from '@smedx/taxonomy';
import type { PilotBatchCode, TaxonomyItem } from '@smedx/taxonomy';
import { NOT_IN_POOL } from './indicator-figures.js';
import type { ServiceFeeFigure } from './indicator-figures.js';
import type { Bucket } from './periods.js';
import { OFFICIAL_LEVEL_SOURCES, TARGET_LEVEL } from './plan-indicators.js';

// The grouped aggregate queries IndicatorsService counts its figures from, kept apart from the
// report they feed: each counts in one query over the other contexts' tables, read-only.

/** The filters every query applies. */
export interface Filters {
  industry: string | null;
  district: string | null;
  batch: PilotBatchCode | null;
}

/** Enterprises of one industry × district × batch. */
export interface EnterpriseGroup {
  industry: string;
  district: string;
  batch: string;
  above: number;
  aboveAtLevel2: number;
  below: number;
  belowAtLevel2: number;
  specialised: number;
}

/** Chain cases whose leader is of one industry × district × batch. */
export interface CaseGroup {
  industry: string;
  district: string;
  batch: string;
  count: number;
}

/** Awards whose enterprise is of one industry × district × batch: 示范标杆 and 数字化车间/智能工厂. */
export interface AwardGroup {
  industry: string;
  district: string;
  batch: string;
  benchmarks: number;
  smartFactories: number;
}

/** The award categories each indicator counts. */
const BENCHMARK_CATEGORIES = ['benchmark'];
const FACTORY_CATEGORIES = ['digital_workshop', 'smart_factory'];
const AWARD_PARAMETERS = { benchmarkCategories: BENCHMARK_CATEGORIES, factoryCategories: FACTORY_CATEGORIES, awarded: 'awarded' };

/** Published solutions: in all, and per industry and district code they count in. */
export interface ProductCounts {
  total: number;
  industry: Map<string, number>;
  district: Map<string, number>;
}

type Raw = Record<string, string | number | null>;

/** An official level of 2 or above: self-checks are advisory and do not count. */
const AT_TARGET_LEVEL = 'e.digitalLevel >= :targetLevel AND e.digitalLevelSource IN (:...officialSources)';
const LEVEL_PARAMETERS = { targetLevel: TARGET_LEVEL, officialSources: [...OFFICIAL_LEVEL_SOURCES], above: 'above', below: 'below' };

/** Enterprises counted by industry × district × batch: the level-2 shares and the 专精特新 count in one grouped query. */
export async function enterpriseGroups(db: DataSource, filters: Filters): Promise<EnterpriseGroup[]> {
  const qb = db
    .getRepository(Enterprise)
    .createQueryBuilder('e')
    .select('SUM(CASE WHEN e.scale = :above THEN 1 ELSE 0 END)', 'above')
    .addSelect(`SUM(CASE WHEN e.scale = :above AND ${AT_TARGET_LEVEL} THEN 1 ELSE 0 END)`, 'aboveAtLevel2')
    .addSelect('SUM(CASE WHEN e.scale = :below THEN 1 ELSE 0 END)', 'below')
    .addSelect(`SUM(CASE WHEN e.scale = :below AND ${AT_TARGET_LEVEL} THEN 1 ELSE 0 END)`, 'belowAtLevel2')
    .addSelect('SUM(CASE WHEN e.isSpecialised = :specialised THEN 1 ELSE 0 END)', 'specialised')
    .setParameters({ ...LEVEL_PARAMETERS, specialised: true });
  const rows = await byCell(qb, filters).getRawMany<Raw>();
  return rows.map((r) => ({
    ...cellOf(r),
    above: Number(r.above ?? 0),
    aboveAtLevel2: Number(r.aboveAtLevel2 ?? 0),
    below: Number(r.below ?? 0),
    belowAtLevel2: Number(r.belowAtLevel2 ?? 0),
    specialised: Number(r.specialised ?? 0),
  }));
}

/** Chain cases counted by their leader's industry × district × batch. */
export async function caseGroups(db: DataSource, filters: Filters): Promise<CaseGroup[]> {
  const qb = casesQuery(db).select('COUNT(*)', 'count');
  const rows = await byCell(qb, filters).getRawMany<Raw>();
  return rows.map((r) => ({
    ...cellOf(r),
    count: Number(r.count ?? 0),
  }));
}

/** Awarded 示范标杆 and 数字化车间/智能工厂 counted by their enterprise's industry × district × batch. */
export async function awardGroups(db: DataSource, filters: Filters): Promise<AwardGroup[]> {
  const qb = awardsQuery(db)
    .select('SUM(CASE WHEN n.category IN (:...benchmarkCategories) THEN 1 ELSE 0 END)', 'benchmarks')
    .addSelect('SUM(CASE WHEN n.category IN (:...factoryCategories) THEN 1 ELSE 0 END)', 'smartFactories');
  const rows = await byCell(qb, filters).getRawMany<Raw>();
  return rows.map((r) => ({
    ...cellOf(r),
    benchmarks: Number(r.benchmarks ?? 0),
    smartFactories: Number(r.smartFactories ?? 0),
  }));
}

/** Per bucket, awards made before its end, by indicator. */
export async function awardSeries(
  db: DataSource,
  filters: Filters,
  buckets: Bucket[],
): Promise<{ benchmarks: number[]; smartFactories: number[] }> {
  const qb = awardsQuery(db).select('COUNT(*)', 'total');
  buckets.forEach((b, i) =>
    qb
      .addSelect(`SUM(CASE WHEN n.category IN (:...benchmarkCategories) AND n.awardedAt < :end${i} THEN 1 ELSE 0 END)`, `bm${i}`)
      .addSelect(`SUM(CASE WHEN n.category IN (:...factoryCategories) AND n.awardedAt < :end${i} THEN 1 ELSE 0 END)`, `sf${i}`)
      .setParameter(`end${i}`, b.end),
  );
  const row = (await withEnterpriseFilters(qb, filters).getRawOne<Raw>()) ?? {};
  return { benchmarks: columns(row, 'bm', buckets.length), smartFactories: columns(row, 'sf', buckets.length) };
}

/** Service fees paid for the enterprises in scope, by kind and district, in one grouped query. */
export async function serviceFees(db: DataSource, filters: Filters): Promise<ServiceFeeFigure[]> {
  const qb = db
    .getRepository(ServiceFee)
    .createQueryBuilder('f')
    .innerJoin(Enterprise, 'e', 'e.id = f.enterpriseId')
    .select('f.kind', 'kind')
    .addSelect('e.district', 'district')
    .addSelect('SUM(f.amountFen)', 'totalFen')
    .addSelect('COUNT(*)', 'payments')
    .addSelect('COUNT(DISTINCT f.enterpriseId)', 'enterprises')
    .groupBy('f.kind')
    .addGroupBy('e.district');
  const rows = await withEnterpriseFilters(qb, filters).getRawMany<Raw>();
  return SERVICE_FEE_KINDS.map((kind) => {
    const mine = rows.filter((r) => r.kind === kind);
    const byDistrict = DISTRICTS.filter((d) => !filters.district || d.code === filters.district).map(({ code, name }) => {
      const row = mine.find((r) => r.district === code);
      return { code, name, totalFen: Number(row?.totalFen ?? 0), enterprises: Number(row?.enterprises ?? 0) };
    });
    return {
      kind,
      name: kind === 'diagnosis' ? '评估诊断服务费' : '验收监测服务费',
      capPerEnterpriseFen: SERVICE_FEE_CAPS_FEN[kind],
      totalFen: byDistrict.reduce((n, d) => n + d.totalFen, 0),
      payments: mine.reduce((n, r) => n + Number(r.payments ?? 0), 0),
      enterprises: byDistrict.reduce((n, d) => n + d.enterprises, 0),
      byDistrict,
    };
  });
}

/** Awarded nominations that count in an indicator, with their enterprise as `e`. */
function awardsQuery(db: DataSource): SelectQueryBuilder<Nomination> {
  return db
    .getRepository(Nomination)
    .createQueryBuilder('n')
    .innerJoin(Enterprise, 'e', 'e.id = n.enterpriseId')
    .where('n.status = :awarded')
    .andWhere('n.category IN (:...benchmarkCategories, :...factoryCategories)')
    .setParameters(AWARD_PARAMETERS);
}

/**
 * Published solutions, in all and per industry and district, in one query. A solution's
 * industries and its provider's districts are JSON lists: a code counts where the text holds
 * it in quotes, which reads the same on both databases.
 */
export async function productCounts(db: DataSource, filters: Filters): Promise<ProductCounts> {
  const qb = productsQuery(db, filters).select('COUNT(*)', 'total').andWhere('s.status = :published', { published: 'published' });
  INDUSTRIES.forEach(({ code }, i) =>
    qb
      .addSelect(`SUM(CASE WHEN s.industries LIKE :industry${i} ESCAPE '\\' THEN 1 ELSE 0 END)`, `industry${i}`)
      .setParameter(`industry${i}`, listed(code)),
  );
  DISTRICTS.forEach(({ code }, i) =>
    qb
      .addSelect(`SUM(CASE WHEN p.districts LIKE :district${i} ESCAPE '\\' THEN 1 ELSE 0 END)`, `district${i}`)
      .setParameter(`district${i}`, listed(code)),
  );
  const row = (await qb.getRawOne<Raw>()) ?? {};
  const perCode = (items: readonly TaxonomyItem[], prefix: string) =>
    new Map(items.map(({ code }, i) => [code, Number(row[`${prefix}${i}`] ?? 0)]));
  return { total: Number(row.total ?? 0), industry: perCode(INDUSTRIES, 'industry'), district: perCode(DISTRICTS, 'district') };
}

/** Per bucket, enterprises whose official level of 2 or above was set before its end, by scale. */
export async function levelSeries(db: DataSource, filters: Filters, buckets: Bucket[]): Promise<{ above: number[]; below: number[] }> {
  const qb = db.getRepository(Enterprise).createQueryBuilder('e').select('COUNT(*)', 'total').where(AT_TARGET_LEVEL);
  buckets.forEach((b, i) => {
    qb.addSelect(`SUM(CASE WHEN e.scale = :above AND e.digitalLevelAt < :end${i} THEN 1 ELSE 0 END)`, `above${i}`)
      .addSelect(`SUM(CASE WHEN e.scale = :below AND e.digitalLevelAt < :end${i} THEN 1 ELSE 0 END)`, `below${i}`)
      .setParameter(`end${i}`, b.end);
  });
  qb.setParameters(LEVEL_PARAMETERS);
  const row = (await withEnterpriseFilters(qb, filters).getRawOne<Raw>()) ?? {};
  return { above: columns(row, 'above', buckets.length), below: columns(row, 'below', buckets.length) };
}

/** Per bucket, solutions published before its end and not delisted by then. */
export async function productSeries(db: DataSource, filters: Filters, buckets: Bucket[]): Promise<number[]> {
  const qb = productsQuery(db, filters).select('COUNT(*)', 'total').andWhere('s.publishedAt IS NOT NULL');
  buckets.forEach((b, i) =>
    qb
      .addSelect(
        `SUM(CASE WHEN s.publishedAt < :end${i} AND (s.delistedAt IS NULL OR s.delistedAt >= :end${i}) THEN 1 ELSE 0 END)`,
        `b${i}`,
      )
      .setParameter(`end${i}`, b.end),
  );
  return columns((await qb.getRawOne<Raw>()) ?? {}, 'b', buckets.length);
}

/** Per bucket, chain cases nominated before its end. */
export async function caseSeries(db: DataSource, filters: Filters, buckets: Bucket[]): Promise<number[]> {
  const qb = casesQuery(db).select('COUNT(*)', 'total');
  buckets.forEach((b, i) =>
    qb.addSelect(`SUM(CASE WHEN c.nominatedAt < :end${i} THEN 1 ELSE 0 END)`, `b${i}`).setParameter(`end${i}`, b.end),
  );
  return columns((await withEnterpriseFilters(qb, filters).getRawOne<Raw>()) ?? {}, 'b', buckets.length);
}

/** Chain cases with their chain's leader enterprise as `e`. */
function casesQuery(db: DataSource): SelectQueryBuilder<ChainCase> {
  return db
    .getRepository(ChainCase)
    .createQueryBuilder('c')
    .innerJoin(Chain, 'ch', 'ch.id = c.chainId')
    .innerJoin(Enterprise, 'e', 'e.id = ch.leaderEnterpriseId');
}

/**
 * Solutions with their provider as `p`, filtered by industry (the solution's) and district (the
 * provider's service districts). The provider id column is a uuid on PostgreSQL and the solution's
 * reference to it a varchar, hence the cast.
 */
function productsQuery(db: DataSource, filters: Filters): SelectQueryBuilder<Solution> {
  const qb = db.getRepository(Solution).createQueryBuilder('s').innerJoin(Provider, 'p', 'CAST(p.id AS VARCHAR(36)) = s.providerId');
  if (filters.industry) qb.andWhere("s.industries LIKE :industry ESCAPE '\\'", { industry: listed(filters.industry) });
  if (filters.district) qb.andWhere("p.districts LIKE :district ESCAPE '\\'", { district: listed(filters.district) });
  return qb;
}

/** Groups the query by its enterprise's cell (industry × district × batch), the filters applied. */
function byCell<T extends object>(qb: SelectQueryBuilder<T>, filters: Filters): SelectQueryBuilder<T> {
  qb.addSelect('e.industry', 'industry')
    .addSelect('e.district', 'district')
    .addSelect('e.pilotBatch', 'batch')
    .addGroupBy('e.industry')
    .addGroupBy('e.district')
    .addGroupBy('e.pilotBatch');
  return withEnterpriseFilters(qb, filters);
}

/** A grouped row's cell: its industry, district and batch (not in the pool when it has none). */
function cellOf(r: Raw): { industry: string; district: string; batch: string } {
  return { industry: String(r.industry), district: String(r.district), batch: r.batch === null ? NOT_IN_POOL.code : String(r.batch) };
}

/** Restricts `e` (an enterprise) to the 3+N industries and to the filters. */
function withEnterpriseFilters<T extends object>(qb: SelectQueryBuilder<T>, filters: Filters): SelectQueryBuilder<T> {
  qb.andWhere('e.industry IN (:...industries)', { industries: [...INDUSTRY_CODES] });
  if (filters.industry) qb.andWhere('e.industry = :industry', { industry: filters.industry });
  if (filters.district) qb.andWhere('e.district = :district', { district: filters.district });
  if (filters.batch) qb.andWhere('e.pilotBatch = :batch', { batch: filters.batch });
  return qb;
}

/** A `LIKE … ESCAPE '\'` pattern for a code as an element of a JSON list of strings. */
function listed(code: string): string {
  return `%"${code.replace(/[\\%_]/g, (c) => `\\${c}`)}"%`;
}

function columns(row: Raw, prefix: string, count: number): number[] {
  return Array.from({ length: count }, (_, i) => Number(row[`${prefix}${i}`] ?? 0));
}

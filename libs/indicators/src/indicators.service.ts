import { Inject, Injectable } from '@nestjs/common';
import { DataSource, SelectQueryBuilder } from 'typeorm';
import { CLOCK, parseOrThrow } from '@smedx/platform';
import type { Clock, Principal } from '@smedx/platform';
import { Nomination } from '@smedx/awards';
import { SERVICE_FEE_CAPS_FEN, SERVICE_FEE_KINDS } from '@smedx/contracts';
import { ServiceFee } from '@smedx/fees';
import { Solution } from '@smedx/catalogue';
import { Chain, ChainCase } from '@smedx/chains';
import { Enterprise, Provider } from '@smedx/directory';
import { DISTRICTS, INDUSTRIES, INDUSTRY_CODES, nameOf } from '@smedx/taxonomy';
import type { PilotBatchCode, TaxonomyItem } from '@smedx/taxonomy';
import { IndicatorsQuerySchema } from './dto/indicators.dto.js';
import type { IndicatorsQuery } from './dto/indicators.dto.js';
import { DIMENSION_ROWS, NOT_IN_POOL, breakdownOf, figuresOf, seriesLinesOf } from './indicator-figures.js';
import type { IndicatorsReport, ServiceFeeFigure, Tally } from './indicator-figures.js';
import { indicatorScope } from './indicators.policy.js';
import { indicatorsWorkbook } from './indicators-workbook.js';
import { SHANGHAI_OFFSET_MS, bucketsOf, formatMonth, seriesRange } from './periods.js';
import type { Bucket } from './periods.js';
import { DIMENSIONS, OFFICIAL_LEVEL_SOURCES, TARGET_LEVEL } from './plan-indicators.js';
import type { Dimension, IndicatorKey } from './plan-indicators.js';

/** The filters every query applies. */
interface Filters {
  industry: string | null;
  district: string | null;
  batch: PilotBatchCode | null;
}

/** Enterprises of one industry × district × batch. */
interface EnterpriseGroup {
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
interface CaseGroup {
  industry: string;
  district: string;
  batch: string;
  count: number;
}

/** Awards whose enterprise is of one industry × district × batch: 示范标杆 and 数字化车间/智能工厂. */
interface AwardGroup {
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
interface ProductCounts {
  total: number;
  industry: Map<string, number>;
  district: Map<string, number>;
}

type Raw = Record<string, string | number | null>;

/** An official level of 2 or above: self-checks are advisory and do not count. */
const AT_TARGET_LEVEL = 'e.digitalLevel >= :targetLevel AND e.digitalLevelSource IN (:...officialSources)';
const LEVEL_PARAMETERS = { targetLevel: TARGET_LEVEL, officialSources: [...OFFICIAL_LEVEL_SOURCES], above: 'above', below: 'below' };

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The programme indicators (指标体系): live figures against the targets of the plan's 总体目标,
 * by industry, district and pilot batch, and month by month or quarter by quarter.
 *
 * A read model over the records of the directory (enterprises, providers), the catalogue
 * (solutions), the chains (chain cases) and the awards (示范标杆, 数字化车间/智能工厂): it only counts, in a fixed handful of grouped
 * aggregate queries (no rows are loaded), written with query builders so that they run alike
 * on SQLite and PostgreSQL. It reads those contexts' tables itself, read-only, rather than
 * through their services: the figures are counts grouped several ways at once, which their
 * services could give only by handing over every row. Indicators the platform does not record
 * are reported without a figure.
 */
@Injectable()
export class IndicatorsService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * The figures the caller may see (city officers and admins: the city; a district officer:
   * their district; anyone else: 403). 400 naming the field for a bad range.
   */
  async figures(principal: Principal, query: IndicatorsQuery = {}): Promise<IndicatorsReport> {
    const input = parseOrThrow(IndicatorsQuerySchema, query, '(query)');
    const scope = indicatorScope(principal, input.district);
    const now = this.clock.now();
    const range = seriesRange(input.from, input.to, now);
    const filters: Filters = { industry: input.industry ?? null, district: scope.district, batch: input.batch ?? null };
    const buckets = bucketsOf(input.period, range.from, range.to);
    const products = filters.batch === null;

    const [enterprises, cases, awards, productCounts, levelSeries, productSeries, caseSeries, awardSeries, serviceFees] = await Promise.all(
      [
        this.enterpriseGroups(filters),
        this.caseGroups(filters),
        this.awardGroups(filters),
        products ? this.productCounts(filters) : null,
        this.levelSeries(filters, buckets),
        products ? this.productSeries(filters, buckets) : null,
        this.caseSeries(filters, buckets),
        this.awardSeries(filters, buckets),
        this.serviceFees(filters),
      ],
    );

    const total = tallyOf(enterprises, cases, awards, productCounts?.total ?? null);
    const notes: Partial<Record<IndicatorKey, string>> = products ? {} : { products: '按试点批次筛选时不统计产品和方案。' };
    const breakdowns = DIMENSIONS.map((dimension) => {
      const only = filterCodes(dimension, filters);
      const tallies = new Map(
        DIMENSION_ROWS[dimension].map(({ code }) => [
          code,
          tallyOf(
            enterprises.filter((g) => g[dimension] === code),
            cases.filter((g) => g[dimension] === code),
            awards.filter((g) => g[dimension] === code),
            dimension === 'batch' || !productCounts ? null : (productCounts[dimension].get(code) ?? 0),
          ),
        ]),
      );
      return breakdownOf(dimension, tallies, only);
    });
    const begun = (b: Bucket) => b.start.getTime() <= now.getTime();
    const seriesTallies = buckets.map((b, i): Tally | null =>
      begun(b)
        ? {
            aboveScale: { atLevel2: levelSeries.above[i]!, total: total.aboveScale!.total },
            belowScale: { atLevel2: levelSeries.below[i]!, total: total.belowScale!.total },
            products: productSeries ? productSeries[i]! : null,
            chainCases: caseSeries[i]!,
            specialised: null,
            benchmarks: awardSeries.benchmarks[i]!,
            smartFactories: awardSeries.smartFactories[i]!,
          }
        : null,
    );

    return {
      asOf: now.toISOString(),
      scope: {
        level: scope.level,
        district: scope.district,
        districtName: scope.district ? (nameOf(DISTRICTS, scope.district) ?? null) : null,
      },
      filters: { ...filters, from: formatMonth(range.from), to: formatMonth(range.to), period: input.period },
      indicators: figuresOf(total, notes),
      breakdowns,
      series: {
        period: input.period,
        from: formatMonth(range.from),
        to: formatMonth(range.to),
        buckets: buckets.map((b) => ({ label: b.label, start: b.start.toISOString(), end: b.end.toISOString() })),
        lines: seriesLinesOf(seriesTallies),
      },
      serviceFees,
    };
  }

  /** The same figures as a spreadsheet (same filters, same authorisation), with its file name. */
  async export(principal: Principal, query: IndicatorsQuery = {}): Promise<{ filename: string; buffer: Buffer }> {
    const report = await this.figures(principal, query);
    // The Shanghai calendar day, as the officers date their files.
    const day = new Date(Date.parse(report.asOf) + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10).replaceAll('-', '');
    const where = report.scope.district ?? 'city';
    return { filename: `smedx-indicators-${where}-${day}.xlsx`, buffer: await indicatorsWorkbook(report) };
  }

  /** Enterprises counted by industry × district × batch: the level-2 shares and the 专精特新 count in one grouped query. */
  private async enterpriseGroups(filters: Filters): Promise<EnterpriseGroup[]> {
    const qb = this.dataSource
      .getRepository(Enterprise)
      .createQueryBuilder('e')
      .select('e.industry', 'industry')
      .addSelect('e.district', 'district')
      .addSelect('e.pilotBatch', 'batch')
      .addSelect('SUM(CASE WHEN e.scale = :above THEN 1 ELSE 0 END)', 'above')
      .addSelect(`SUM(CASE WHEN e.scale = :above AND ${AT_TARGET_LEVEL} THEN 1 ELSE 0 END)`, 'aboveAtLevel2')
      .addSelect('SUM(CASE WHEN e.scale = :below THEN 1 ELSE 0 END)', 'below')
      .addSelect(`SUM(CASE WHEN e.scale = :below AND ${AT_TARGET_LEVEL} THEN 1 ELSE 0 END)`, 'belowAtLevel2')
      .addSelect('SUM(CASE WHEN e.isSpecialised = :specialised THEN 1 ELSE 0 END)', 'specialised')
      .setParameters({ ...LEVEL_PARAMETERS, specialised: true })
      .groupBy('e.industry')
      .addGroupBy('e.district')
      .addGroupBy('e.pilotBatch');
    const rows = await withEnterpriseFilters(qb, filters).getRawMany<Raw>();
    return rows.map((r) => ({
      industry: String(r.industry),
      district: String(r.district),
      batch: r.batch === null ? NOT_IN_POOL.code : String(r.batch),
      above: Number(r.above ?? 0),
      aboveAtLevel2: Number(r.aboveAtLevel2 ?? 0),
      below: Number(r.below ?? 0),
      belowAtLevel2: Number(r.belowAtLevel2 ?? 0),
      specialised: Number(r.specialised ?? 0),
    }));
  }

  /** Chain cases counted by their leader's industry × district × batch. */
  private async caseGroups(filters: Filters): Promise<CaseGroup[]> {
    const qb = this.casesQuery()
      .select('e.industry', 'industry')
      .addSelect('e.district', 'district')
      .addSelect('e.pilotBatch', 'batch')
      .addSelect('COUNT(*)', 'count')
      .groupBy('e.industry')
      .addGroupBy('e.district')
      .addGroupBy('e.pilotBatch');
    const rows = await withEnterpriseFilters(qb, filters).getRawMany<Raw>();
    return rows.map((r) => ({
      industry: String(r.industry),
      district: String(r.district),
      batch: r.batch === null ? NOT_IN_POOL.code : String(r.batch),
      count: Number(r.count ?? 0),
    }));
  }

  /** Awarded 示范标杆 and 数字化车间/智能工厂 counted by their enterprise's industry × district × batch. */
  private async awardGroups(filters: Filters): Promise<AwardGroup[]> {
    const qb = this.awardsQuery()
      .select('e.industry', 'industry')
      .addSelect('e.district', 'district')
      .addSelect('e.pilotBatch', 'batch')
      .addSelect('SUM(CASE WHEN n.category IN (:...benchmarkCategories) THEN 1 ELSE 0 END)', 'benchmarks')
      .addSelect('SUM(CASE WHEN n.category IN (:...factoryCategories) THEN 1 ELSE 0 END)', 'smartFactories')
      .groupBy('e.industry')
      .addGroupBy('e.district')
      .addGroupBy('e.pilotBatch');
    const rows = await withEnterpriseFilters(qb, filters).getRawMany<Raw>();
    return rows.map((r) => ({
      industry: String(r.industry),
      district: String(r.district),
      batch: r.batch === null ? NOT_IN_POOL.code : String(r.batch),
      benchmarks: Number(r.benchmarks ?? 0),
      smartFactories: Number(r.smartFactories ?? 0),
    }));
  }

  /** Per bucket, awards made before its end, by indicator. */
  private async awardSeries(filters: Filters, buckets: Bucket[]): Promise<{ benchmarks: number[]; smartFactories: number[] }> {
    const qb = this.awardsQuery().select('COUNT(*)', 'total');
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
  private async serviceFees(filters: Filters): Promise<ServiceFeeFigure[]> {
    const qb = this.dataSource
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
  private awardsQuery(): SelectQueryBuilder<Nomination> {
    return this.dataSource
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
  private async productCounts(filters: Filters): Promise<ProductCounts> {
    const qb = this.productsQuery(filters).select('COUNT(*)', 'total').andWhere('s.status = :published', { published: 'published' });
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
  private async levelSeries(filters: Filters, buckets: Bucket[]): Promise<{ above: number[]; below: number[] }> {
    const qb = this.dataSource.getRepository(Enterprise).createQueryBuilder('e').select('COUNT(*)', 'total').where(AT_TARGET_LEVEL);
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
  private async productSeries(filters: Filters, buckets: Bucket[]): Promise<number[]> {
    const qb = this.productsQuery(filters).select('COUNT(*)', 'total').andWhere('s.publishedAt IS NOT NULL');
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
  private async caseSeries(filters: Filters, buckets: Bucket[]): Promise<number[]> {
    const qb = this.casesQuery().select('COUNT(*)', 'total');
    buckets.forEach((b, i) =>
      qb.addSelect(`SUM(CASE WHEN c.nominatedAt < :end${i} THEN 1 ELSE 0 END)`, `b${i}`).setParameter(`end${i}`, b.end),
    );
    return columns((await withEnterpriseFilters(qb, filters).getRawOne<Raw>()) ?? {}, 'b', buckets.length);
  }

  /** Chain cases with their chain's leader enterprise as `e`. */
  private casesQuery(): SelectQueryBuilder<ChainCase> {
    return this.dataSource
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
  private productsQuery(filters: Filters): SelectQueryBuilder<Solution> {
    const qb = this.dataSource
      .getRepository(Solution)
      .createQueryBuilder('s')
      .innerJoin(Provider, 'p', 'CAST(p.id AS VARCHAR(36)) = s.providerId');
    if (filters.industry) qb.andWhere("s.industries LIKE :industry ESCAPE '\\'", { industry: listed(filters.industry) });
    if (filters.district) qb.andWhere("p.districts LIKE :district ESCAPE '\\'", { district: listed(filters.district) });
    return qb;
  }
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

/** The counts of a slice of the groups. */
function tallyOf(enterprises: EnterpriseGroup[], cases: CaseGroup[], awards: AwardGroup[], products: number | null): Tally {
  const sum = (key: keyof Omit<EnterpriseGroup, Dimension>) => enterprises.reduce((n, g) => n + g[key], 0);
  return {
    aboveScale: { atLevel2: sum('aboveAtLevel2'), total: sum('above') },
    belowScale: { atLevel2: sum('belowAtLevel2'), total: sum('below') },
    products,
    chainCases: cases.reduce((n, g) => n + g.count, 0),
    specialised: sum('specialised'),
    benchmarks: awards.reduce((n, g) => n + g.benchmarks, 0),
    smartFactories: awards.reduce((n, g) => n + g.smartFactories, 0),
  };
}

/** A filtered dimension's breakdown shows the filtered row only. */
function filterCodes(dimension: Dimension, filters: Filters): string[] | undefined {
  const code = filters[dimension];
  return code ? [code] : undefined;
}

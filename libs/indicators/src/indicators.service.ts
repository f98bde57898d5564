import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CLOCK, parseOrThrow } from '@smedx/platform';
import type { Clock, Principal } from '@smedx/platform';
import { DISTRICTS, nameOf } from '@smedx/taxonomy';
import { IndicatorsQuerySchema } from './dto/indicators.dto.js';
import type { IndicatorsQuery } from './dto/indicators.dto.js';
import * as counts from './indicator-counts.js';
import type { AwardGroup, CaseGroup, EnterpriseGroup, Filters } from './indicator-counts.js';
import { DIMENSION_ROWS, breakdownOf, figuresOf, seriesLinesOf } from './indicator-figures.js';
import type { IndicatorsReport, Tally } from './indicator-figures.js';
import { indicatorScope } from './indicators.policy.js';
import { indicatorsWorkbook } from './indicators-workbook.js';
import { SHANGHAI_OFFSET_MS, bucketsOf, formatMonth, seriesRange } from './periods.js';
import type { Bucket } from './periods.js';
import { DIMENSIONS } from './plan-indicators.js';
import type { Dimension, IndicatorKey } from './plan-indicators.js';

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
        counts.enterpriseGroups(this.dataSource, filters),
        counts.caseGroups(this.dataSource, filters),
        counts.awardGroups(this.dataSource, filters),
        products ? counts.productCounts(this.dataSource, filters) : null,
        counts.levelSeries(this.dataSource, filters, buckets),
        products ? counts.productSeries(this.dataSource, filters, buckets) : null,
        counts.caseSeries(this.dataSource, filters, buckets),
        counts.awardSeries(this.dataSource, filters, buckets),
        counts.serviceFees(this.dataSource, filters),
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

import { Inject, Injectable } from '@nestjs/common';
import { DataSource, SelectQueryBuilder } from 'typeorm';
import { CLOCK, parseOrThrow } from '@smedx/platform';
import type { Clock, Principal } from '@smedx/platform';
import type { IndustryMapEnterpriseView, Page } from '@smedx/contracts';
import { Enterprise } from '@smedx/directory';
import { DISTRICTS, INDUSTRY_CODES, nameOf } from '@smedx/taxonomy';
import type { DigitalLevel } from '@smedx/taxonomy';
import { IndustryMapEnterprisesQuerySchema, IndustryMapQuerySchema } from './dto/industry-map.dto.js';
import type { IndustryMapEnterprisesQuery, IndustryMapQuery } from './dto/industry-map.dto.js';
import { MAP_BATCHES, MAP_LEVELS, industryMapOf, levelKeyOf } from './industry-map.js';
import type { IndustryMapView, MapBatchKey, MapGroup, MapLevelKey } from './industry-map.js';
import { industryMapWorkbook } from './industry-map-workbook.js';
import { indicatorScope } from './indicators.policy.js';
import { SHANGHAI_OFFSET_MS } from './periods.js';
import { OFFICIAL_LEVEL_SOURCES } from './plan-indicators.js';

type Raw = Record<string, string | number | null>;

/**
 * The industry map (产业云图): the city's "3+N" enterprises by district × industry, by official
 * digital level and pilot batch, for the officers who see the programme indicators, under the
 * same rule (`indicatorScope`): city officers and admins the city, a district officer their own
 * district (403 for another). Like the indicators, a read model over the directory's enterprise
 * table: one grouped query for the map, one paged query for a cell's enterprises.
 */
@Injectable()
export class IndustryMapService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The map the caller may see; 400 naming the field for a bad filter. */
  async map(principal: Principal, query: IndustryMapQuery = {}): Promise<IndustryMapView> {
    const input = parseOrThrow(IndustryMapQuerySchema, query, '(query)');
    const scope = indicatorScope(principal, input.district);
    const qb = this.enterprises(scope.district)
      .select('e.district', 'district')
      .addSelect('e.industry', 'industry')
      .addSelect('e.pilotBatch', 'batch')
      .addSelect('e.digitalLevel', 'level')
      .addSelect('e.digitalLevelSource', 'levelSource')
      .addSelect('COUNT(*)', 'count')
      .groupBy('e.district')
      .addGroupBy('e.industry')
      .addGroupBy('e.pilotBatch')
      .addGroupBy('e.digitalLevel')
      .addGroupBy('e.digitalLevelSource');
    const groups: MapGroup[] = (await qb.getRawMany<Raw>()).map((r) => ({
      district: String(r.district),
      industry: String(r.industry),
      batch: r.batch === null ? null : String(r.batch),
      level: r.level === null ? null : Number(r.level),
      levelSource: r.levelSource === null ? null : String(r.levelSource),
      count: Number(r.count ?? 0),
    }));
    const filters = { batch: input.batch ?? null, level: input.level ?? null };
    const districts = DISTRICTS.filter((d) => !scope.district || d.code === scope.district);
    return {
      asOf: this.clock.now(),
      scope: {
        level: scope.level,
        district: scope.district,
        districtName: scope.district ? (nameOf(DISTRICTS, scope.district) ?? null) : null,
      },
      filters,
      levels: MAP_LEVELS,
      batches: MAP_BATCHES,
      ...industryMapOf(groups, districts, filters),
    };
  }

  /** The enterprises of a cell (its district and/or industry, under the same filters), by name, a page at a time. */
  async cellEnterprises(principal: Principal, query: IndustryMapEnterprisesQuery = {}): Promise<Page<IndustryMapEnterpriseView>> {
    const input = parseOrThrow(IndustryMapEnterprisesQuerySchema, query, '(query)');
    const scope = indicatorScope(principal, input.district);
    const qb = this.enterprises(scope.district);
    if (input.industry) qb.andWhere('e.industry = :industry', { industry: input.industry });
    withBatch(qb, input.batch);
    withLevel(qb, input.level);
    const [rows, total] = await qb
      .orderBy('e.name', 'ASC')
      .addOrderBy('e.id', 'ASC')
      .skip((input.page - 1) * input.pageSize)
      .take(input.pageSize)
      .getManyAndCount();
    return { items: rows.map(cellEnterpriseView), total, page: input.page, pageSize: input.pageSize };
  }

  /** The map as a spreadsheet (same filters, same authorisation), with its file name. */
  async export(principal: Principal, query: IndustryMapQuery = {}): Promise<{ filename: string; buffer: Buffer }> {
    const map = await this.map(principal, query);
    const day = new Date(map.asOf.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10).replaceAll('-', '');
    return { filename: `smedx-industry-map-${map.scope.district ?? 'city'}-${day}.xlsx`, buffer: await industryMapWorkbook(map) };
  }

  /** Enterprises of the "3+N" industries, in one district or the whole city. */
  private enterprises(district: string | null): SelectQueryBuilder<Enterprise> {
    const qb = this.dataSource
      .getRepository(Enterprise)
      .createQueryBuilder('e')
      .where('e.industry IN (:...industries)', { industries: [...INDUSTRY_CODES] });
    if (district) qb.andWhere('e.district = :district', { district });
    return qb;
  }
}

function withBatch(qb: SelectQueryBuilder<Enterprise>, batch: MapBatchKey | undefined): void {
  if (batch === 'none') qb.andWhere('e.pilotBatch IS NULL');
  else if (batch) qb.andWhere('e.pilotBatch = :batch', { batch });
}

/** The map's levels: 1–4 set by an on-site assessment or an acceptance test; `none` for every other enterprise. */
function withLevel(qb: SelectQueryBuilder<Enterprise>, level: MapLevelKey | undefined): void {
  const officialSources = [...OFFICIAL_LEVEL_SOURCES];
  if (level === 'none') {
    qb.andWhere('(e.digitalLevel IS NULL OR e.digitalLevelSource IS NULL OR e.digitalLevelSource NOT IN (:...officialSources))', {
      officialSources,
    });
  } else if (level) {
    qb.andWhere('e.digitalLevel = :level AND e.digitalLevelSource IN (:...officialSources)', { level: Number(level), officialSources });
  }
}

function cellEnterpriseView(e: Enterprise): IndustryMapEnterpriseView {
  const official = levelKeyOf(e.digitalLevel, e.digitalLevelSource) !== 'none';
  return {
    id: e.id,
    name: e.name,
    industry: e.industry,
    district: e.district,
    scale: e.scale,
    digitalLevel: official ? (e.digitalLevel as DigitalLevel) : null,
    digitalLevelAt: official ? e.digitalLevelAt : null,
    selfCheckLevel: e.digitalLevelSource === 'self_check' ? e.digitalLevel : null,
    pilotBatch: e.pilotBatch,
    isSpecialised: e.isSpecialised,
  };
}

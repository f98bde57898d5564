import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { CLOCK, ForbiddenError, InvalidInputError, hasRole, parseOrThrow } from '@smedx/platform';
import type { Clock, Principal } from '@smedx/platform';
import { Nomination } from '@smedx/awards';
import { Chain, ChainCase } from '@smedx/chains';
import { DirectoryService } from '@smedx/directory';
import { DocumentsService } from '@smedx/documents';
import { IndicatorsService, SHANGHAI_OFFSET_MS, formatMonth, monthStart, parseMonth } from '@smedx/indicators';
import { Acceptance, PROJECT_DOCUMENT_OWNER, Project } from '@smedx/projects';
import { ExchangeQuerySchema } from './dto/exchange.dto.js';
import type { ExchangeFileFormat, ExchangeQuery } from './dto/exchange.dto.js';
import { FORMAT_VERSION, recordsToCsv } from './exchange-format.js';
import type { Dataset, RecordOf } from './exchange-format.js';
import { awardRecord, chainCaseRecord, indicatorRecords, projectCaseRecord, projectRecord } from './exchange-records.js';
import type { Nominee, Parties } from './exchange-records.js';
import type { ExchangeDocument, ExchangeFilters } from '@smedx/contracts';

export type { ExchangeDocument, ExchangeFilters } from '@smedx/contracts';

/** A dataset as a file: JSON or CSV text, its content type and file name. */
export interface ExchangeFile {
  contentType: string;
  filename: string;
  body: string;
}

export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';
export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

/** A month range as instants `[start, end)` and as award days `[fromDay, toDay]`. */
interface Range {
  start: Date | null;
  end: Date | null;
  fromDay: string | null;
  toDay: string | null;
}

/**
 * The national-platform export (国家中小企业数字化转型公共服务平台数据交换): projects, cases
 * and the programme indicators in the documented exchange format (docs/exchange.md).
 *
 * A read model: it reads the projects, acceptances, chain cases and nominations tables read-only (the
 * export filters them by date, district and industry, which those contexts' services do not
 * offer), names the parties through the directory, and takes the indicators from
 * `IndicatorsService.figures`. City officers and admins only.
 */
@Injectable()
export class ExchangeService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: DirectoryService,
    private readonly indicators: IndicatorsService,
    private readonly documents: DocumentsService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** One dataset as a JSON document (403 for other roles, 400 naming the field for bad filters). */
  async document<D extends Dataset>(principal: Principal, dataset: D, query: ExchangeQuery = {}): Promise<ExchangeDocument<D>> {
    if (!hasRole(principal, 'city_officer', 'admin')) {
      throw new ForbiddenError('only city officers and admins export data to the national platform', 'role_required');
    }
    const input = parseOrThrow(ExchangeQuerySchema, query, '(query)');
    const range = rangeOf(input.from, input.to);
    const filters: ExchangeFilters = {
      from: input.from ?? null,
      to: input.to ?? null,
      district: input.district ?? null,
      industry: input.industry ?? null,
    };
    const generatedAt = this.clock.now().toISOString();
    const records = (await this.records(principal, dataset, filters, range)) as RecordOf[D][];
    return { formatVersion: FORMAT_VERSION, dataset, generatedAt, filters, records };
  }

  /** One dataset as a file in the asked format (JSON by default). */
  async file(principal: Principal, dataset: Dataset, query: ExchangeQuery = {}): Promise<ExchangeFile> {
    const format: ExchangeFileFormat = parseOrThrow(ExchangeQuerySchema, query, '(query)').format;
    const doc = await this.document(principal, dataset, query);
    const day = new Date(Date.parse(doc.generatedAt) + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10).replaceAll('-', '');
    const filename = `smedx-${dataset}-${day}.${format}`;
    return format === 'csv'
      ? { contentType: CSV_CONTENT_TYPE, filename, body: recordsToCsv(dataset, doc.records) }
      : { contentType: JSON_CONTENT_TYPE, filename, body: JSON.stringify(doc) };
  }

  private records(principal: Principal, dataset: Dataset, filters: ExchangeFilters, range: Range) {
    switch (dataset) {
      case 'projects':
        return this.projects(filters, range);
      case 'cases':
        return this.cases(filters, range);
      case 'indicators':
        return this.indicatorRecords(principal, filters);
      case 'awards':
        return this.awards(filters, range);
    }
  }

  /** Projects awarded in the range (by award day), oldest award first. */
  private async projects(filters: ExchangeFilters, range: Range): Promise<RecordOf['projects'][]> {
    const qb = this.dataSource.getRepository(Project).createQueryBuilder('p');
    if (range.fromDay) qb.andWhere('p.startDate >= :fromDay', { fromDay: range.fromDay });
    if (range.toDay) qb.andWhere('p.startDate <= :toDay', { toDay: range.toDay });
    if (filters.district) qb.andWhere('p.district = :district', { district: filters.district });
    if (filters.industry) qb.andWhere('p.industry = :industry', { industry: filters.industry });
    const projects = await qb.orderBy('p.startDate', 'ASC').addOrderBy('p.contractNo', 'ASC').getMany();
    if (!projects.length) return [];
    const ids = projects.map((p) => p.id);
    const [acceptances, parties, evidence] = await Promise.all([
      this.acceptancesOf(ids),
      this.partiesOf(projects),
      this.documents.currentDocuments(PROJECT_DOCUMENT_OWNER, ids),
    ]);
    return projects.map((p) =>
      projectRecord(
        p,
        acceptances.filter((a) => a.projectId === p.id),
        parties,
        evidence.filter((d) => d.ownerId === p.id),
      ),
    );
  }

  /**
   * Accepted projects (by acceptance day) and chain cases (by nomination day, the leader's
   * district and industry) in the range, oldest first.
   */
  private async cases(filters: ExchangeFilters, range: Range): Promise<RecordOf['cases'][]> {
    const qb = this.dataSource.getRepository(Project).createQueryBuilder('p').where('p.status = :accepted', { accepted: 'accepted' });
    if (range.start) qb.andWhere('p.acceptedAt >= :start', { start: range.start });
    if (range.end) qb.andWhere('p.acceptedAt < :end', { end: range.end });
    if (filters.district) qb.andWhere('p.district = :district', { district: filters.district });
    if (filters.industry) qb.andWhere('p.industry = :industry', { industry: filters.industry });
    const accepted = await qb.orderBy('p.acceptedAt', 'ASC').addOrderBy('p.id', 'ASC').getMany();

    const cq = this.dataSource.getRepository(ChainCase).createQueryBuilder('c');
    if (range.start) cq.andWhere('c.nominatedAt >= :start', { start: range.start });
    if (range.end) cq.andWhere('c.nominatedAt < :end', { end: range.end });
    const allChainCases = await cq.orderBy('c.nominatedAt', 'ASC').addOrderBy('c.id', 'ASC').getMany();
    const chains = allChainCases.length
      ? await this.dataSource.getRepository(Chain).findBy({ id: In([...new Set(allChainCases.map((c) => c.chainId))]) })
      : [];
    const chainById = new Map(chains.map((c) => [c.id, c]));
    const leaders = new Map(
      (await this.directory.enterprisesByIds([...new Set(chains.map((c) => c.leaderEnterpriseId))])).map((e) => [e.id, e]),
    );
    const leaderOf = (c: ChainCase) => leaders.get(chainById.get(c.chainId)?.leaderEnterpriseId ?? '') ?? null;
    const chainCases = allChainCases.filter((c) => {
      const leader = leaderOf(c);
      return (!filters.district || leader?.district === filters.district) && (!filters.industry || leader?.industry === filters.industry);
    });

    const chainProjectIds = [...new Set(chainCases.flatMap((c) => c.projectIds))].filter((id) => !accepted.some((p) => p.id === id));
    const chainProjects = chainProjectIds.length ? await this.dataSource.getRepository(Project).findBy({ id: In(chainProjectIds) }) : [];
    const projects = [...accepted, ...chainProjects];
    const [acceptances, parties] = await Promise.all([this.acceptancesOf(projects.map((p) => p.id)), this.partiesOf(projects)]);
    const passes = new Map(acceptances.filter((a) => a.result === 'pass').map((a) => [a.projectId, a]));
    return [
      ...accepted.flatMap((p) => {
        const pass = passes.get(p.id);
        return pass ? [projectCaseRecord(p, pass, parties)] : [];
      }),
      ...chainCases.map((c) => chainCaseRecord(c, chainById.get(c.chainId) ?? { name: '' }, leaderOf(c), projects, passes, parties)),
    ];
  }

  /** Awards made in the range (by award day), by the nominee's district and industry, oldest first. */
  private async awards(filters: ExchangeFilters, range: Range): Promise<RecordOf['awards'][]> {
    const qb = this.dataSource.getRepository(Nomination).createQueryBuilder('n').where('n.status = :awarded', { awarded: 'awarded' });
    if (range.start) qb.andWhere('n.awardedAt >= :start', { start: range.start });
    if (range.end) qb.andWhere('n.awardedAt < :end', { end: range.end });
    if (filters.district) qb.andWhere('n.district = :district', { district: filters.district });
    if (filters.industry) qb.andWhere('n.industry = :industry', { industry: filters.industry });
    const rows = await qb.orderBy('n.awardedAt', 'ASC').addOrderBy('n.id', 'ASC').getMany();
    const [enterprises, providers] = await Promise.all([
      this.directory.enterprisesByIds(rows.filter((n) => n.category !== 'product').map((n) => n.nomineeId)),
      this.directory.providersByIds(rows.filter((n) => n.category === 'product').map((n) => n.nomineeId)),
    ]);
    const nominees = new Map<string, Nominee>([
      ...enterprises.map((e) => [e.id, { name: e.name, uscc: e.uscc, pilotBatch: e.pilotBatch }] as const),
      ...providers.map((p) => [p.id, { name: p.name, uscc: p.uscc, pilotBatch: null }] as const),
    ]);
    return rows.map((n) => awardRecord(n, nominees.get(n.nomineeId)));
  }

  /** The programme indicators for the city (or the asked district and industry), series over from..to. */
  private async indicatorRecords(principal: Principal, filters: ExchangeFilters): Promise<RecordOf['indicators'][]> {
    const report = await this.indicators.figures(principal, {
      ...(filters.from ? { from: filters.from } : {}),
      ...(filters.to ? { to: filters.to } : {}),
      ...(filters.district ? { district: filters.district } : {}),
      ...(filters.industry ? { industry: filters.industry } : {}),
    });
    return indicatorRecords(report);
  }

  private async acceptancesOf(projectIds: string[]): Promise<Acceptance[]> {
    if (!projectIds.length) return [];
    return this.dataSource.getRepository(Acceptance).findBy({ projectId: In(projectIds) });
  }

  /** The enterprises' and providers' current names and USCCs from the directory. */
  private async partiesOf(projects: readonly Project[]): Promise<Parties> {
    const [enterprises, providers] = await Promise.all([
      this.directory.enterprisesByIds([...new Set(projects.map((p) => p.enterpriseId))]),
      this.directory.providersByIds([...new Set(projects.map((p) => p.providerId))]),
    ]);
    return new Map([...enterprises, ...providers].map((o) => [o.id, { name: o.name, uscc: o.uscc }]));
  }
}

/** The months from..to as a range; 400 naming `from` when it comes after `to`. */
function rangeOf(from: string | undefined, to: string | undefined): Range {
  const start = from ? parseMonth(from) : null;
  const end = to ? parseMonth(to) : null;
  if (start !== null && end !== null && start > end) {
    throw new InvalidInputError([{ field: 'from', reason: `must not be after to (${formatMonth(end)})` }]);
  }
  return {
    start: start === null ? null : monthStart(start),
    end: end === null ? null : monthStart(end + 1),
    fromDay: from ? `${from}-01` : null,
    toDay: to ? `${to}-31` : null,
  };
}

import { Injectable, Logger } from '@nestjs/common';
import { Between, DataSource } from 'typeorm';
import ExcelJS from 'exceljs';
import { InvalidInputError } from '@smedx/platform';
import { INDUSTRIES, SCENARIOS, nameOf } from '@smedx/taxonomy';
import { SearchMiss } from './search-miss.entity.js';
import type { UnmetBucketView, UnmetDemandView, UnmetQueryView } from './search.views.js';
import type { UnmetDemandQuery } from './dto/unmet-demand.dto.js';

/** A search finding at most this many results counts as unmet demand. */
export const LOW_RESULTS = 2;

const SHANGHAI_OFFSET_MS = 8 * 3600_000;
const DAY_MS = 86_400_000;
/** The report's period when none is given: the last twelve weeks. */
const DEFAULT_WEEKS = 12;

/** What a search asked, as recorded: codes and bounds, never who asked. */
export interface MissFacts {
  target: 'solutions' | 'needs';
  query: string;
  terms: string[];
  scenarios: string[];
  industries: string[];
  filters: Record<string, unknown>;
  total: number;
}

/** Monday 00:00 in Asia/Shanghai of the week holding `at`, as YYYY-MM-DD. */
export function weekOf(at: Date): string {
  const local = new Date(at.getTime() + SHANGHAI_OFFSET_MS);
  const sinceMonday = (local.getUTCDay() + 6) % 7;
  return new Date(local.getTime() - sinceMonday * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Unmet demand: searches that found nothing or next to nothing, recorded
 * without personal data, and the officers' report of them — what enterprises
 * look for and the platform lacks, so the city knows which providers to recruit.
 */
@Injectable()
export class SearchMissesService {
  private readonly logger = new Logger('SearchMisses');

  constructor(private readonly dataSource: DataSource) {}

  /** Records one search (a failure to record never fails the search). */
  async record(facts: MissFacts, at: Date): Promise<void> {
    if (facts.total > LOW_RESULTS || !facts.query) return;
    try {
      const repo = this.dataSource.getRepository(SearchMiss);
      await repo.save(repo.create({ ...facts, query: facts.query.slice(0, 200), at }));
    } catch (err) {
      this.logger.warn(`could not record a search miss: ${String(err)}`);
    }
  }

  async report(q: UnmetDemandQuery): Promise<UnmetDemandView> {
    const to = q.to ?? new Date();
    const from = q.from ?? new Date(to.getTime() - DEFAULT_WEEKS * 7 * DAY_MS);
    if (from.getTime() > to.getTime()) throw new InvalidInputError([{ field: 'from', reason: 'must not be after to' }]);
    const rows = await this.dataSource.getRepository(SearchMiss).find({
      where: { at: Between(from, to), ...(q.target ? { target: q.target } : {}) },
      order: { at: 'ASC' },
      take: 100_000,
    });
    const weeks = new Map<string, number>();
    const scenarios = new Map<string, number>();
    const industries = new Map<string, number>();
    const queries = new Map<string, UnmetQueryView>();
    for (const row of rows) {
      bump(weeks, weekOf(row.at));
      for (const code of row.scenarios) bump(scenarios, code);
      for (const code of row.industries) bump(industries, code);
      const key = row.query.trim().toLowerCase();
      const entry = queries.get(key) ?? { query: row.query, count: 0, zeroCount: 0, scenarios: [], industries: [], lastAt: row.at };
      entry.count++;
      if (row.total === 0) entry.zeroCount++;
      entry.scenarios = [...new Set([...entry.scenarios, ...row.scenarios])];
      entry.industries = [...new Set([...entry.industries, ...row.industries])];
      entry.lastAt = row.at;
      queries.set(key, entry);
    }
    const ranked = (m: Map<string, number>, name: (k: string) => string): UnmetBucketView[] =>
      [...m].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([key, count]) => ({ key, name: name(key), count }));
    return {
      from,
      to,
      total: rows.length,
      byWeek: [...weeks].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([key, count]) => ({ key, name: `${key} 当周`, count })),
      byScenario: ranked(scenarios, (k) => nameOf(SCENARIOS, k) ?? k),
      byIndustry: ranked(industries, (k) => nameOf(INDUSTRIES, k) ?? k),
      queries: [...queries.values()]
        .sort((a, b) => b.count - a.count || b.zeroCount - a.zeroCount || (a.query < b.query ? -1 : 1))
        .slice(0, q.limit),
    };
  }

  /** The report as a workbook: the queries, then the counts by week, scenario and industry; Chinese headers. */
  async export(q: UnmetDemandQuery): Promise<{ filename: string; buffer: Buffer }> {
    const report = await this.report(q);
    const workbook = new ExcelJS.Workbook();
    const queries = workbook.addWorksheet('未满足的搜索');
    queries.columns = [
      { header: '搜索内容', key: 'query', width: 32 },
      { header: '次数', key: 'count', width: 8 },
      { header: '无结果次数', key: 'zeroCount', width: 12 },
      { header: '涉及场景', key: 'scenarios', width: 28 },
      { header: '涉及行业', key: 'industries', width: 28 },
      { header: '最近一次(UTC)', key: 'lastAt', width: 24 },
    ];
    for (const row of report.queries) {
      queries.addRow({
        ...row,
        scenarios: row.scenarios.map((c) => nameOf(SCENARIOS, c) ?? c).join('、'),
        industries: row.industries.map((c) => nameOf(INDUSTRIES, c) ?? c).join('、'),
        lastAt: row.lastAt.toISOString(),
      });
    }
    for (const [title, header, buckets] of [
      ['按周', '周（周一起）', report.byWeek],
      ['按场景', '场景', report.byScenario],
      ['按行业', '行业', report.byIndustry],
    ] as const) {
      const sheet = workbook.addWorksheet(title);
      sheet.columns = [
        { header, key: 'name', width: 28 },
        { header: '次数', key: 'count', width: 10 },
      ];
      for (const b of buckets) sheet.addRow(b);
    }
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    return { filename: `unmet-demand-${report.from.toISOString().slice(0, 10)}-${report.to.toISOString().slice(0, 10)}.xlsx`, buffer };
  }
}

function bump(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

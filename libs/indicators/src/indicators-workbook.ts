import ExcelJS from 'exceljs';
import { INDUSTRIES, PILOT_BATCHES, nameOf } from '@smedx/taxonomy';
import type { Breakdown, IndicatorsReport, Measure } from './indicator-figures.js';
import { SHANGHAI_OFFSET_MS } from './periods.js';
import { PLAN_INDICATORS } from './plan-indicators.js';
import type { IndicatorKey, PlanIndicator } from './plan-indicators.js';

export const FIGURES_SHEET = '指标完成情况';
export const SERIES_SHEETS = { month: '按月趋势', quarter: '按季度趋势' } as const;
export const FEES_SHEET = '服务费用';

const DIMENSION_HEADERS: Record<Breakdown['dimension'], string> = { industry: '行业', district: '区县', batch: '试点批次' };
const PERCENT_FORMAT = '0.00';
const PROGRESS_FORMAT = '0.0%';

/** A column of a breakdown or series sheet: one figure of one indicator. */
interface FigureColumn {
  header: string;
  key: IndicatorKey;
  part: keyof Measure;
  format?: string;
}

/** The indicators the platform records, each as its columns: a share as percentage, numerator and denominator. */
function figureColumns(): FigureColumn[] {
  return PLAN_INDICATORS.filter((p) => p.coverage !== 'none').flatMap((p: PlanIndicator): FigureColumn[] =>
    p.parts
      ? [
          { header: `${p.shortName}(%)`, key: p.key, part: 'value', format: PERCENT_FORMAT },
          { header: p.parts.numerator, key: p.key, part: 'numerator' },
          { header: p.parts.denominator, key: p.key, part: 'denominator' },
        ]
      : [{ header: `${p.shortName}(${p.unit})`, key: p.key, part: 'value' }],
  );
}

/**
 * The report as a workbook: the figures against the plan's targets, one sheet per breakdown
 * (industry, district, pilot batch) and one with the series; Chinese headers. A figure the
 * platform does not have is an empty cell (the first sheet says why).
 */
export async function indicatorsWorkbook(report: IndicatorsReport): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'smedx';
  workbook.created = new Date(report.asOf);
  workbook.modified = workbook.created;

  const figures = workbook.addWorksheet(FIGURES_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  figures.columns = [
    { header: '指标', width: 44 },
    { header: '方案目标', width: 16 },
    { header: '目标值', width: 9 },
    { header: '单位', width: 6 },
    { header: '当前值', width: 10 },
    { header: '分子', width: 8 },
    { header: '分母', width: 8 },
    { header: '完成进度', width: 10, style: { numFmt: PROGRESS_FORMAT } },
    { header: '是否达标', width: 9 },
    { header: '统计口径', width: 60 },
    { header: '说明', width: 60 },
  ];
  for (const f of report.indicators) {
    figures.addRow([
      f.name,
      f.targetText,
      f.target,
      f.unit,
      f.value ?? '暂无数据',
      f.numerator,
      f.denominator,
      f.shareOfTarget,
      f.met === null ? '' : f.met ? '是' : '否',
      f.basis,
      f.note,
    ]);
  }
  figures.addRow([]);
  figures.addRow(['统计范围', report.scope.districtName ?? '全市']);
  figures.addRow(['筛选条件', filterText(report)]);
  figures.addRow(['数据截至', shanghaiTime(report.asOf)]);
  boldHeader(figures);

  const columns = figureColumns();
  for (const breakdown of report.breakdowns) {
    const sheet = workbook.addWorksheet(breakdown.name, { views: [{ state: 'frozen', ySplit: 1, xSplit: 2 }] });
    sheet.columns = [
      { header: DIMENSION_HEADERS[breakdown.dimension], width: 20 },
      { header: '编码', width: 18 },
      ...columns.map((c) => ({ header: c.header, width: 16, style: c.format ? { numFmt: c.format } : {} })),
    ];
    for (const row of breakdown.rows) sheet.addRow([row.name, row.code, ...columns.map((c) => row.values[c.key][c.part])]);
    boldHeader(sheet);
  }

  const series = workbook.addWorksheet(SERIES_SHEETS[report.series.period], { views: [{ state: 'frozen', ySplit: 1, xSplit: 1 }] });
  series.columns = [
    { header: report.series.period === 'month' ? '月份' : '季度', width: 12 },
    ...columns.map((c) => ({ header: c.header, width: 16, style: c.format ? { numFmt: c.format } : {} })),
  ];
  const lines = new Map(report.series.lines.map((l) => [l.key, l]));
  report.series.buckets.forEach((bucket, i) =>
    series.addRow([bucket.label, ...columns.map((c) => lines.get(c.key)?.values[i]?.[c.part] ?? null)]),
  );
  series.addRow([]);
  series.addRow(['说明', '每期数值为期末累计数；尚未开始的期间和无时间记录的指标（如创新型中小企业）留空。']);
  boldHeader(series);

  const fees = workbook.addWorksheet(FEES_SHEET, { views: [{ state: 'frozen', ySplit: 1, xSplit: 1 }] });
  fees.columns = [
    { header: '区县', width: 14 },
    { header: '编码', width: 14 },
    ...report.serviceFees.flatMap((f) => [
      { header: `${f.name}(元)`, width: 18, style: { numFmt: '#,##0.00' } },
      { header: `${f.name}企业数`, width: 16 },
    ]),
  ];
  fees.addRow(['合计', '', ...report.serviceFees.flatMap((f) => [f.totalFen / 100, f.enterprises])]);
  report.serviceFees[0]?.byDistrict.forEach((d, i) =>
    fees.addRow([d.name, d.code, ...report.serviceFees.flatMap((f) => [f.byDistrict[i]!.totalFen / 100, f.byDistrict[i]!.enterprises])]),
  );
  fees.addRow([]);
  fees.addRow(['说明', report.serviceFees.map((f) => `${f.name}每家企业不超过 ${f.capPerEnterpriseFen / 100} 元`).join('；') + '。']);
  boldHeader(fees);

  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function boldHeader(sheet: ExcelJS.Worksheet): void {
  sheet.getRow(1).font = { bold: true };
}

function filterText(report: IndicatorsReport): string {
  const { industry, batch, from, to } = report.filters;
  return [
    `行业：${industry ? (nameOf(INDUSTRIES, industry) ?? industry) : '全部“3+N”行业'}`,
    `试点批次：${batch ? (nameOf(PILOT_BATCHES, batch) ?? batch) : '全部'}`,
    `趋势区间：${from} 至 ${to}`,
  ].join('；');
}

/** `YYYY-MM-DD HH:mm` in Shanghai time, as officers read it. */
function shanghaiTime(iso: string): string {
  return new Date(new Date(iso).getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}

import ExcelJS from 'exceljs';
import { EMPTY_TALLY, breakdownOf, figuresOf, seriesLinesOf } from './indicator-figures.js';
import type { IndicatorsReport, Tally } from './indicator-figures.js';
import { indicatorsWorkbook } from './indicators-workbook.js';
import { bucketsOf, parseMonth } from './periods.js';
import { DIMENSIONS } from './plan-indicators.js';

const TOTAL: Tally = {
  aboveScale: { atLevel2: 2, total: 6 },
  belowScale: { atLevel2: 1, total: 2 },
  products: 2,
  chainCases: 1,
  specialised: 3,
  benchmarks: 1,
  smartFactories: 0,
};

function report(period: 'month' | 'quarter'): IndicatorsReport {
  const buckets = bucketsOf(period, parseMonth('2024-10')!, parseMonth('2024-12')!);
  return {
    asOf: '2025-03-01T02:00:00.000Z',
    scope: { level: 'district', district: 'tiexi', districtName: '铁西区' },
    filters: { industry: 'machine_tool', district: 'tiexi', batch: null, from: '2024-10', to: '2024-12', period },
    indicators: figuresOf(TOTAL),
    breakdowns: DIMENSIONS.map((d) => breakdownOf(d, new Map([['machine_tool', TOTAL]]), d === 'district' ? ['tiexi'] : undefined)),
    series: {
      period,
      from: '2024-10',
      to: '2024-12',
      buckets: buckets.map((b) => ({ label: b.label, start: b.start.toISOString(), end: b.end.toISOString() })),
      lines: seriesLinesOf(buckets.map((_, i) => (i < 2 ? { ...EMPTY_TALLY, products: i + 1, specialised: null } : null))),
    },
    serviceFees: [
      {
        kind: 'diagnosis',
        name: '评估诊断服务费',
        capPerEnterpriseFen: 700_000,
        totalFen: 1_050_050,
        payments: 3,
        enterprises: 2,
        byDistrict: [{ code: 'tiexi', name: '铁西区', totalFen: 1_050_050, enterprises: 2 }],
      },
      {
        kind: 'acceptance_monitoring',
        name: '验收监测服务费',
        capPerEnterpriseFen: 1_000_000,
        totalFen: 0,
        payments: 0,
        enterprises: 0,
        byDistrict: [{ code: 'tiexi', name: '铁西区', totalFen: 0, enterprises: 0 }],
      },
    ],
  };
}

async function open(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook;
}

const headers = (sheet: ExcelJS.Worksheet) => (sheet.getRow(1).values as unknown[]).slice(1);

describe('indicatorsWorkbook', () => {
  it('has the figures, one sheet per breakdown and the series, with Chinese headers', async () => {
    const workbook = await open(await indicatorsWorkbook(report('month')));
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['指标完成情况', '按行业', '按区县', '按试点批次', '按月趋势', '服务费用']);
    const fees = workbook.getWorksheet('服务费用')!;
    expect((fees.getRow(1).values as unknown[]).slice(1)).toEqual([
      '区县',
      '编码',
      '评估诊断服务费(元)',
      '评估诊断服务费企业数',
      '验收监测服务费(元)',
      '验收监测服务费企业数',
    ]);
    expect((fees.getRow(2).values as unknown[]).slice(1)).toEqual(['合计', '', 10500.5, 2, 0, 0]);
    expect((fees.getRow(3).values as unknown[]).slice(1)).toEqual(['铁西区', 'tiexi', 10500.5, 2, 0, 0]);

    const figures = workbook.getWorksheet('指标完成情况')!;
    expect(headers(figures)).toEqual([
      '指标',
      '方案目标',
      '目标值',
      '单位',
      '当前值',
      '分子',
      '分母',
      '完成进度',
      '是否达标',
      '统计口径',
      '说明',
    ]);
    expect((figures.getRow(2).values as unknown[]).slice(1, 10)).toEqual([
      '“3+N”个细分行业规上中小企业数字化水平二级及以上比例',
      '达到90%以上',
      90,
      '%',
      33.33,
      2,
      6,
      0.3704,
      '否',
    ]);
    expect(figures.getRow(6).getCell(1).value).toBe('省级及以上数字化车间及智能工厂');
    expect(figures.getRow(6).getCell(5).value).toBe(0);
    expect(figures.getRow(7).getCell(5).value).toBe(1);
    const info = Object.fromEntries([10, 11, 12].map((r) => [figures.getRow(r).getCell(1).value, figures.getRow(r).getCell(2).value]));
    expect(info).toEqual({
      统计范围: '铁西区',
      筛选条件: '行业：机床制造；试点批次：全部；趋势区间：2024-10 至 2024-12',
      数据截至: '2025-03-01 10:00',
    });
  });

  it('lays out a breakdown as a row per code and the recorded indicators as columns', async () => {
    const workbook = await open(await indicatorsWorkbook(report('month')));
    const industries = workbook.getWorksheet('按行业')!;
    expect(headers(industries)).toEqual([
      '行业',
      '编码',
      '规上企业二级及以上比例(%)',
      '规上企业二级及以上数',
      '规上企业数',
      '规下企业二级及以上比例(%)',
      '规下企业二级及以上数',
      '规下企业数',
      '小快轻准产品和方案(个)',
      '链式转型典型案例(个)',
      '数字化车间及智能工厂(家)',
      '数字化转型示范标杆(家)',
      '创新型中小企业(家)',
    ]);
    expect(industries.actualRowCount).toBe(8);
    expect((industries.getRow(3).values as unknown[]).slice(1)).toEqual(['机床制造', 'machine_tool', 33.33, 2, 6, 50, 1, 2, 2, 1, 0, 1, 3]);
    // Codes without records: zero counts, and no share without a denominator.
    expect((industries.getRow(2).values as unknown[]).slice(1, 6)).toEqual(['风冷设备制造', 'air_cooling', undefined, 0, 0]);
    expect(workbook.getWorksheet('按区县')!.actualRowCount).toBe(2);
  });

  it('writes the series a row per bucket, empty where there is no figure', async () => {
    const workbook = await open(await indicatorsWorkbook(report('quarter')));
    expect(workbook.worksheets.map((s) => s.name)).toContain('按季度趋势');
    const months = await open(await indicatorsWorkbook(report('month')));
    const series = months.getWorksheet('按月趋势')!;
    const products = headers(series).indexOf('小快轻准产品和方案(个)') + 1;
    expect([2, 3, 4].map((r) => [series.getRow(r).getCell(1).value, series.getRow(r).getCell(products).value])).toEqual([
      ['2024-10', 1],
      ['2024-11', 2],
      ['2024-12', null],
    ]);
  });
});

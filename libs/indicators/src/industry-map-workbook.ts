import ExcelJS from 'exceljs';
import { INDUSTRIES, nameOf } from '@smedx/taxonomy';
import type { IndustryMapView, MapCounts } from './industry-map.js';
import { MAP_BATCHES, MAP_LEVELS } from './industry-map.js';
import { SHANGHAI_OFFSET_MS } from './periods.js';

export const MAP_CELLS_SHEET = '区县×行业';
export const MAP_DISTRICTS_SHEET = '区县合计';
export const MAP_INDUSTRIES_SHEET = '行业合计';

/** The count columns every sheet shares: total, each level, mean level, each batch. */
const COUNT_HEADERS = ['企业数', ...MAP_LEVELS.map((l) => `${l.name}(家)`), '平均等级', ...MAP_BATCHES.map((b) => `${b.name}(家)`)];

function countCells(c: MapCounts): (number | null)[] {
  return [c.total, ...MAP_LEVELS.map((l) => c.byLevel[l.code]), c.meanLevel, ...MAP_BATCHES.map((b) => c.byBatch[b.code])];
}

/**
 * The industry map as a workbook with Chinese headers: every district × industry cell, then the
 * district and industry totals, and a note on what the counts mean.
 */
export async function industryMapWorkbook(map: IndustryMapView): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'smedx';
  workbook.created = map.asOf;
  workbook.modified = map.asOf;
  const columns = (first: { header: string; width: number }[]) => [...first, ...COUNT_HEADERS.map((header) => ({ header, width: 11 }))];
  const districtName = new Map(map.districts.map((d) => [d.code, d.name]));

  const cells = workbook.addWorksheet(MAP_CELLS_SHEET, { views: [{ state: 'frozen', ySplit: 1, xSplit: 2 }] });
  cells.columns = columns([
    { header: '区县', width: 12 },
    { header: '行业', width: 22 },
  ]);
  for (const c of map.cells)
    cells.addRow([districtName.get(c.district) ?? c.district, nameOf(INDUSTRIES, c.industry) ?? c.industry, ...countCells(c)]);

  const districts = workbook.addWorksheet(MAP_DISTRICTS_SHEET, { views: [{ state: 'frozen', ySplit: 1, xSplit: 1 }] });
  districts.columns = columns([
    { header: '区县', width: 12 },
    { header: '行政区划代码', width: 14 },
  ]);
  for (const d of map.districts) districts.addRow([d.name, d.adminCode, ...countCells(d)]);
  districts.addRow(['合计', '', ...countCells(map.total)]);

  const industries = workbook.addWorksheet(MAP_INDUSTRIES_SHEET, { views: [{ state: 'frozen', ySplit: 1, xSplit: 1 }] });
  industries.columns = columns([{ header: '行业', width: 22 }]);
  for (const i of map.industries) industries.addRow([i.name, ...countCells(i)]);
  industries.addRow(['合计', ...countCells(map.total)]);

  for (const sheet of [cells, districts, industries]) {
    sheet.getRow(1).font = { bold: true };
    sheet.addRow([]);
    sheet.addRow(['统计范围', map.scope.districtName ?? '全市']);
    sheet.addRow(['筛选条件', filterText(map)]);
    sheet.addRow(['数据截至', new Date(map.asOf.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ')]);
    sheet.addRow(['说明', '数字化等级以现场评估或验收测评认定的等级为准，仅有自评或尚未评估的计为“未评定”；平均等级只计已评定企业。']);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function filterText(map: IndustryMapView): string {
  const level = map.filters.level ? MAP_LEVELS.find((l) => l.code === map.filters.level)?.name : '全部';
  const batch = map.filters.batch ? MAP_BATCHES.find((b) => b.code === map.filters.batch)?.name : '全部';
  return `数字化等级：${level}；试点批次：${batch}`;
}

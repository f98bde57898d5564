import ExcelJS from 'exceljs';
import { DISTRICTS, INDUSTRIES } from '@smedx/taxonomy';
import { MAP_CELLS_SHEET, MAP_DISTRICTS_SHEET, industryMapWorkbook } from './industry-map-workbook.js';
import { MAP_BATCHES, MAP_LEVELS, batchKeyOf, industryMapOf, levelKeyOf } from './industry-map.js';
import type { MapGroup } from './industry-map.js';

const tiexi = DISTRICTS.filter((d) => d.code === 'tiexi');
const group = (fields: Partial<MapGroup>): MapGroup => ({
  district: 'tiexi',
  industry: 'machine_tool',
  batch: null,
  level: null,
  levelSource: null,
  count: 1,
  ...fields,
});

const GROUPS: MapGroup[] = [
  group({ level: 3, levelSource: 'assessment', batch: 'sample', count: 2 }),
  group({ level: 2, levelSource: 'acceptance', batch: 'batch1' }),
  // A self-check is advisory: no official level.
  group({ level: 4, levelSource: 'self_check' }),
  group({ industry: 'air_cooling', level: 1, levelSource: 'assessment', batch: 'batch1', count: 3 }),
  group({ district: 'hunnan', level: 2, levelSource: 'assessment', count: 5 }),
];

describe('industryMapOf', () => {
  it('counts each cell by official level and batch, with the mean of the assessed', () => {
    const map = industryMapOf(GROUPS, DISTRICTS, { batch: null, level: null });
    const cell = map.cells.find((c) => c.district === 'tiexi' && c.industry === 'machine_tool')!;
    expect(cell).toEqual({
      district: 'tiexi',
      industry: 'machine_tool',
      total: 4,
      byLevel: { '1': 0, '2': 1, '3': 2, '4': 0, none: 1 },
      byBatch: { sample: 2, batch1: 1, batch2: 0, none: 1 },
      meanLevel: 2.67,
    });
    // Every district × industry cell is there, empty ones with a null mean.
    expect(map.cells).toHaveLength(DISTRICTS.length * INDUSTRIES.length);
    expect(map.cells.find((c) => c.district === 'heping' && c.industry === 'related')).toMatchObject({ total: 0, meanLevel: null });
    const tiexiTotal = map.districts.find((d) => d.code === 'tiexi')!;
    expect(tiexiTotal).toMatchObject({ name: '铁西区', adminCode: '210106', total: 7, meanLevel: 1.83 });
    expect(map.industries.find((i) => i.code === 'machine_tool')).toMatchObject({ name: '机床制造', total: 9 });
    expect(map.total).toMatchObject({ total: 12, byLevel: { '1': 3, '2': 6, '3': 2, '4': 0, none: 1 } });
  });

  it('keeps to the districts in scope and applies the level and batch filters', () => {
    const map = industryMapOf(GROUPS, tiexi, { batch: 'batch1', level: null });
    expect(map.districts.map((d) => d.code)).toEqual(['tiexi']);
    expect(map.cells).toHaveLength(INDUSTRIES.length);
    expect(map.total).toMatchObject({ total: 4, byBatch: { sample: 0, batch1: 4, batch2: 0, none: 0 } });
    const unassessed = industryMapOf(GROUPS, DISTRICTS, { batch: null, level: 'none' });
    expect(unassessed.total).toMatchObject({ total: 1, meanLevel: null });
  });

  it('reads levels and batches as the map names them', () => {
    expect(levelKeyOf(2, 'assessment')).toBe('2');
    expect(levelKeyOf(2, 'self_check')).toBe('none');
    expect(levelKeyOf(null, null)).toBe('none');
    expect(batchKeyOf('batch2')).toBe('batch2');
    expect(batchKeyOf(null)).toBe('none');
    expect(MAP_LEVELS.map((l) => l.name)).toEqual(['一级', '二级', '三级', '四级', '未评定']);
    expect(MAP_BATCHES.map((b) => b.name)).toEqual(['样板', '第一批', '第二批', '未入库']);
  });
});

describe('industryMapWorkbook', () => {
  it('writes the cells and the district totals under Chinese headers', async () => {
    const map = {
      asOf: new Date('2025-03-01T02:00:00Z'),
      scope: { level: 'district' as const, district: 'tiexi', districtName: '铁西区' },
      filters: { batch: null, level: null },
      levels: MAP_LEVELS,
      batches: MAP_BATCHES,
      ...industryMapOf(GROUPS, tiexi, { batch: null, level: null }),
    };
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await industryMapWorkbook(map)) as unknown as ArrayBuffer);
    const cells = workbook.getWorksheet(MAP_CELLS_SHEET)!;
    expect((cells.getRow(1).values as unknown[]).slice(1, 5)).toEqual(['区县', '行业', '企业数', '一级(家)']);
    expect((cells.getRow(3).values as unknown[]).slice(1, 4)).toEqual(['铁西区', '机床制造', 4]);
    const districts = workbook.getWorksheet(MAP_DISTRICTS_SHEET)!;
    expect((districts.getRow(2).values as unknown[]).slice(1, 4)).toEqual(['铁西区', '210106', 7]);
  });
});

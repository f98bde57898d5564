import type { Acceptance, Project } from '@smedx/projects';
import type { ChainCase } from '@smedx/chains';
import type { IndicatorsReport } from '@smedx/indicators';
import { FIELDS, FORMAT_VERSION, recordsFromCsv, recordsToCsv, yuanOf } from './exchange-format.js';
import { chainCaseRecord, indicatorRecords, projectCaseRecord, projectRecord } from './exchange-records.js';

const project = (overrides: Partial<Project> = {}): Project =>
  ({
    id: 'p1',
    contractNo: 'SMEDX-2024-0001',
    enterpriseId: 'e1',
    providerId: 'v1',
    title: '数控机床设备联网改造',
    scope: '1. 设备联网，42台；\n2. "OEE"看板',
    priceFen: 100_000_001,
    deliveryDays: 90,
    district: 'tiexi',
    industry: 'machine_tool',
    enterpriseParty: { name: '合同上的企业名', uscc: '91210100MA0000001X' },
    providerParty: { name: '合同上的服务商名', uscc: '91210100MA0000002X' },
    startDate: '2024-07-01',
    plannedEndDate: '2024-09-29',
    status: 'accepted',
    levelBefore: 1,
    acceptedAt: new Date('2024-09-19T17:00:00Z'), // 2024-09-20 in Shanghai
    cancelledAt: null,
    ...overrides,
  }) as Project;

const acceptance = (round: number, result: 'pass' | 'fail', overrides: Partial<Acceptance> = {}): Acceptance =>
  ({
    id: `a${round}`,
    projectId: 'p1',
    round,
    result,
    levelAfter: result === 'pass' ? 3 : 1,
    roiPercent: 32.5,
    dataIntegration: '设备数据与ERP贯通',
    applicationEffect: '设备综合效率提升12%',
    decidedAt: new Date('2024-09-19T17:00:00Z'),
    ...overrides,
  }) as Acceptance;

const parties = new Map([
  ['e1', { name: '沈阳某机床有限公司', uscc: '91210100MA0000001X' }],
  ['v1', { name: '某数字科技有限公司', uscc: '91210100MA0000002X' }],
]);

describe('exchange records', () => {
  it('maps a project: directory names, money in fen and yuan, Shanghai days, levels and the last acceptance', () => {
    const r = projectRecord(project(), [acceptance(2, 'pass'), acceptance(1, 'fail')], parties);
    expect(r).toMatchObject({
      projectId: 'p1',
      enterpriseName: '沈阳某机床有限公司',
      enterpriseUscc: '91210100MA0000001X',
      providerName: '某数字科技有限公司',
      industryName: '机床制造',
      districtName: '铁西区',
      contractPriceFen: 100_000_001,
      contractPriceYuan: '1000000.01',
      awardDate: '2024-07-01',
      acceptedDate: '2024-09-20',
      levelBefore: 1,
      levelAfter: 3,
      acceptanceResult: 'pass',
      acceptanceRounds: 2,
    });
    expect(Object.keys(r)).toEqual(FIELDS.projects.map((f) => f.name));
  });

  it('falls back on the contract parties and leaves acceptance fields empty for a running project', () => {
    const r = projectRecord(project({ status: 'active', acceptedAt: null, levelBefore: null }), [], new Map());
    expect(r).toMatchObject({
      enterpriseName: '合同上的企业名',
      providerName: '合同上的服务商名',
      acceptedDate: null,
      levelAfter: null,
      acceptanceResult: null,
      acceptanceRounds: 0,
    });
  });

  it('maps project and chain cases', () => {
    const pass = acceptance(1, 'pass');
    const c = projectCaseRecord(project(), pass, parties);
    expect(c).toMatchObject({ kind: 'project', caseId: 'p1', summary: '设备综合效率提升12%', levelAfter: 3, roiPercent: 32.5 });
    expect(c.enterpriseUsccs).toEqual(['91210100MA0000001X']);
    expect(Object.keys(c)).toEqual(FIELDS.cases.map((f) => f.name));
    const chainCase = {
      id: 'c1',
      chainId: 'ch1',
      title: '链式改造',
      summary: '链主带动',
      projectIds: ['p1'],
      nominatedAt: new Date('2024-10-15T02:00:00Z'),
    } as ChainCase;
    const chain = chainCaseRecord(
      chainCase,
      { name: '机床产业链' },
      { industry: 'machine_tool', district: 'tiexi' },
      [project()],
      new Map([['p1', pass]]),
      parties,
    );
    expect(chain).toMatchObject({
      kind: 'chain',
      chainName: '机床产业链',
      levelAfter: 3,
      roiPercent: 32.5,
      caseDate: '2024-10-15',
      projectIds: ['p1'],
    });
    const two = chainCaseRecord(
      { ...chainCase, projectIds: ['p1', 'p2'] } as ChainCase,
      { name: 'x' },
      null,
      [project(), project({ id: 'p2' })],
      new Map(),
      parties,
    );
    expect(two).toMatchObject({ levelAfter: null, roiPercent: null, enterpriseNames: ['沈阳某机床有限公司'], industry: 'machine_tool' });
  });

  it('flattens an indicators report into total, breakdown and series records', () => {
    const m = { value: 50, numerator: 1, denominator: 2 };
    const report = {
      indicators: [
        { key: 'above_scale_level2_share', name: '规上比例', unit: '%', target: 90, ...m, shareOfTarget: 0.5556, met: false, note: null },
      ],
      breakdowns: [
        { dimension: 'district', name: '按区县', rows: [{ code: 'tiexi', name: '铁西区', values: { above_scale_level2_share: m } }] },
      ],
      series: { buckets: [{ label: '2024-07' }], lines: [{ key: 'above_scale_level2_share', values: [m], note: null }] },
    } as unknown as IndicatorsReport;
    const rows = indicatorRecords(report);
    expect(rows.map((r) => [r.dimension, r.code, r.value, r.shareOfTarget])).toEqual([
      ['total', null, 50, 0.5556],
      ['district', 'tiexi', 50, null],
      ['series', '2024-07', 50, null],
    ]);
    expect(Object.keys(rows[0]!)).toEqual(FIELDS.indicators.map((f) => f.name));
  });

  it('writes CSV with the field names as header and reads the same records back', () => {
    const records = [
      projectRecord(project(), [acceptance(1, 'pass')], parties),
      projectRecord(project({ id: 'p2', status: 'active', acceptedAt: null }), [], parties),
    ];
    const csv = recordsToCsv('projects', records);
    expect(csv.split('\r\n')[0]).toBe(`\uFEFF${FIELDS.projects.map((f) => f.name).join(',')}`);
    expect(recordsFromCsv('projects', csv)).toEqual(records);
    const cases = [projectCaseRecord(project(), acceptance(1, 'pass'), parties)];
    expect(recordsFromCsv('cases', recordsToCsv('cases', cases))).toEqual(cases);
    expect(() => recordsFromCsv('cases', csv)).toThrow(FORMAT_VERSION);
  });

  it('writes yuan exactly', () => {
    expect(yuanOf(0)).toBe('0.00');
    expect(yuanOf(5)).toBe('0.05');
    expect(yuanOf(100_000_000)).toBe('1000000.00');
  });
});

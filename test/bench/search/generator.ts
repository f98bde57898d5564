import type { Filter, IndexSettings, SearchDocument, SearchQuery } from '../../../libs/platform/src/search-engine/search-engine.port.js';

/**
 * Deterministic benchmark data: solution documents written from a dense,
 * shared manufacturing-digitalisation vocabulary (so common words hit tens of
 * thousands of documents, as on the real platform) and a query mix like the
 * search page sends. Same seed, same data, on every machine.
 */

/** mulberry32: tiny, fast and good enough to make data. */
export class Prng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
  /** Skewed pick: early items much more often (Zipf-like), as real word use is. */
  zipf<T>(items: readonly T[]): T {
    const u = this.next();
    return items[Math.floor(items.length * u * u)];
  }
  some<T>(items: readonly T[], min: number, max: number): T[] {
    const k = this.int(min, Math.min(max, items.length));
    const pool = [...items];
    const out: T[] = [];
    for (let i = 0; i < k; i++) out.push(pool.splice(Math.floor(this.next() * pool.length), 1)[0]);
    return out;
  }
}

export const INDUSTRIES = [
  { code: 'air_cooling', name: '风冷设备', products: ['风冷换热器', '空冷器', '冷却风机', '翅片管', '冷却塔'] },
  { code: 'machine_tool', name: '机床', products: ['数控机床', '加工中心', '数控车床', '磨床', '机床主轴'] },
  { code: 'transmission', name: '传动设备', products: ['减速机', '齿轮箱', '联轴器', '传动轴', '蜗轮蜗杆'] },
  { code: 'general_equipment', name: '通用设备', products: ['泵阀', '压缩机', '液压件', '风机', '轴承'] },
  { code: 'auto_parts', name: '汽车零部件', products: ['汽车零部件', '制动盘', '座椅骨架', '线束', '冲压件'] },
  { code: 'power_distribution', name: '输配电设备', products: ['开关柜', '变压器', '断路器', '配电箱', '电缆桥架'] },
] as const;

export const SCENARIOS = [
  { code: 'product_design', name: '产品设计', terms: ['三维设计', 'PLM', '图纸管理', 'CAD', '仿真'] },
  { code: 'process_design', name: '工艺设计', terms: ['工艺路线', 'CAPP', '工艺卡片', '作业指导书'] },
  { code: 'marketing', name: '营销管理', terms: ['CRM', '客户管理', '销售订单', '报价'] },
  { code: 'after_sales', name: '售后服务', terms: ['远程运维', '工单', '备件管理', '售后服务'] },
  { code: 'planning_scheduling', name: '计划排程', terms: ['智能排产', 'APS', '生产计划', '排产'] },
  { code: 'production_control', name: '生产管控', terms: ['MES', '生产报工', '车间看板', '生产管控'] },
  { code: 'quality', name: '质量管理', terms: ['质量追溯', 'QMS', '视觉检测', 'SPC', '来料检验'] },
  { code: 'equipment', name: '设备管理', terms: ['预测性维护', '设备点检', 'OEE', '设备管理', '故障诊断'] },
  { code: 'safety', name: '安全生产', terms: ['安全生产', '隐患排查', '视频监控', '双重预防'] },
  { code: 'energy', name: '能耗管理', terms: ['能耗监测', '能源管理', '碳排放', '用电分析'] },
  { code: 'procurement', name: '采购管理', terms: ['SRM', '采购管理', '供应商协同', '询比价'] },
  { code: 'warehouse_logistics', name: '仓储物流', terms: ['WMS', '仓储管理', 'AGV', '条码', 'RFID'] },
  { code: 'finance', name: '财务管理', terms: ['ERP', '财务一体化', '成本核算', '业财融合'] },
  { code: 'hr', name: '人力资源', terms: ['人力资源', '考勤', '绩效', '薪酬'] },
  { code: 'office_collaboration', name: '协同办公', terms: ['OA', '协同办公', '流程审批', '移动办公'] },
  { code: 'decision_support', name: '决策支持', terms: ['BI', '数据驾驶舱', '经营分析', '大数据分析'] },
  { code: 'network', name: '网络建设', terms: ['5G专网', '工业以太网', '网络改造', 'WiFi覆盖'] },
  { code: 'device_networking', name: '设备联网', terms: ['设备联网', '工业网关', 'PLC', 'OPC UA', 'SCADA'] },
  { code: 'data_collection', name: '数据采集', terms: ['数据采集', '传感器', '边缘计算', 'IoT平台'] },
  { code: 'network_security', name: '网络安全', terms: ['网络安全', '防火墙', '等保测评', '入侵检测'] },
  { code: 'data_security', name: '数据安全', terms: ['数据安全', '数据备份', '加密', '权限管理'] },
] as const;

export const DISTRICTS = [
  'heping',
  'shenhe',
  'dadong',
  'huanggu',
  'tiexi',
  'sujiatun',
  'hunnan',
  'shenbei',
  'yuhong',
  'liaozhong',
  'kangping',
  'faku',
  'xinmin',
] as const;
export const DELIVERY_MODES = ['saas', 'private', 'hybrid'] as const;
export const PROVIDER_KINDS = ['integrator', 'product'] as const;

/** Words every solution text uses: they make the vocabulary dense. */
const COMMON = [
  '系统',
  '平台',
  '管理',
  '数据',
  '设备',
  '生产',
  '企业',
  '数字化',
  '智能',
  '解决方案',
  '车间',
  '工厂',
  '实时',
  '分析',
  '监控',
  '可视化',
  '云端',
  '部署',
  '集成',
  '改造',
  '效率',
  '成本',
  '质量',
  '中小企业',
  '轻量化',
  '快速',
  '模块',
  '接口',
  '服务',
  '运维',
];
const ADJECTIVES = ['轻量级', '一站式', '低成本', '快速部署的', '开箱即用的', '模块化', '云原生', '国产化', '高可靠', '可扩展的'];
const SUFFIXES = ['解决方案', '系统', '平台', '服务', '套件', '一体机', '云服务', 'SaaS'];
const BENEFITS = [
  '设备综合效率提升15%',
  '库存周转率提高20%',
  '不良率下降30%',
  '交付周期缩短25%',
  '能耗降低12%',
  '人工成本节约18%',
  '订单准时交付率达到98%',
  '数据采集覆盖率超过95%',
  '故障停机时间减少40%',
  '报表编制时间缩短80%',
];
const SENTENCES = [
  (r: Prng, a: string, b: string) => `通过${a}打通${b}与${r.pick(COMMON)}${r.pick(COMMON)}，实现${r.pick(COMMON)}全过程${r.pick(COMMON)}。`,
  (r: Prng, a: string, b: string) => `面向${r.pick(INDUSTRIES).name}行业中小企业，提供${a}和${b}能力，${r.pick(BENEFITS)}。`,
  (r: Prng, a: string, b: string) =>
    `支持${a}、${b}、${r.pick(COMMON)}${r.pick(COMMON)}等功能，可与现有${r.pick(['ERP', 'MES', 'WMS', 'OA', 'PLM'])}系统集成。`,
  (r: Prng, a: string) =>
    `采用${r.pick(ADJECTIVES)}架构，${a}模块${r.pick(['按需订阅', '一次买断', '分期付费', '免费试用三个月'])}，${r.pick(BENEFITS)}。`,
  (r: Prng, a: string, b: string) => `已在${r.int(10, 300)}家企业落地，典型客户利用${a}完成${b}改造。`,
  (r: Prng, a: string) => `提供${a}实施、培训和${r.pick(['7×24小时', '工作日', '驻场', '远程'])}运维服务。`,
];

export const SETTINGS: IndexSettings = {
  searchable: [
    { field: 'title', weight: 3 },
    { field: 'summary', weight: 2 },
    { field: 'description', weight: 1 },
  ],
  filterable: [
    { field: 'industries', type: 'keywords' },
    { field: 'scenarios', type: 'keywords' },
    { field: 'districts', type: 'keywords' },
    { field: 'deliveryMode', type: 'keyword' },
    { field: 'providerKind', type: 'keyword' },
    { field: 'levels', type: 'keywords' },
    { field: 'priceMaxFen', type: 'number' },
    { field: 'deployDays', type: 'number' },
  ],
  sortable: ['priceMaxFen', 'deployDays', 'publishedAt'],
  facets: ['industries', 'scenarios', 'deliveryMode', 'districts', 'levels', 'providerKind'],
};

export interface BenchDocument extends SearchDocument {
  id: string;
  title: string;
  summary: string;
  description: string;
  industries: string[];
  scenarios: string[];
  districts: string[];
  deliveryMode: string;
  providerKind: string;
  levels: number[];
  priceMinFen: number;
  priceMaxFen: number;
  deployDays: number;
  publishedAt: number;
}

/**
 * The documents in batches, as the re-index job feeds them, so the generator
 * never holds all of them at once; the concatenated batches are the same for
 * any batch size.
 */
export function* documentBatches(n: number, batchSize = 5000, seed = 20240701): Generator<BenchDocument[]> {
  const r = new Prng(seed);
  for (let from = 0; from < n; from += batchSize) {
    const batch: BenchDocument[] = [];
    for (let i = from; i < Math.min(n, from + batchSize); i++) batch.push(makeDocument(r, i));
    yield batch;
  }
}

export function generateDocuments(n: number, seed = 20240701): BenchDocument[] {
  return [...documentBatches(n, n, seed)].flat();
}

function makeDocument(r: Prng, i: number): BenchDocument {
  const industries = r.some(INDUSTRIES, 1, 3);
  const scenarios = r.some(SCENARIOS, 1, 4);
  const main = scenarios[0];
  const product = r.pick(industries[0].products);
  const terms = scenarios.flatMap((s) => s.terms);
  const a = r.zipf(main.terms);
  const b = r.pick(terms);
  const title = r.chance(0.5)
    ? `${r.pick(ADJECTIVES)}${product}${a}${r.pick(SUFFIXES)}`
    : `${industries[0].name}企业${a}与${b}${r.pick(SUFFIXES)}`;
  const summary = `面向${industries.map((x) => x.name).join('、')}行业的${main.name}${r.pick(SUFFIXES)}，${r.pick(BENEFITS)}。`;
  const sentences: string[] = [];
  const count = r.int(3, 7);
  for (let k = 0; k < count; k++) sentences.push(r.pick(SENTENCES)(r, r.zipf(terms), r.pick(terms)));
  const priceMin = r.int(1, 100) * 1_000_000;
  const levelFrom = r.int(1, 3);
  return {
    id: `sol-${String(i).padStart(7, '0')}`,
    title,
    summary,
    description: sentences.join(''),
    industries: industries.map((x) => x.code),
    scenarios: scenarios.map((x) => x.code),
    districts: r.some(DISTRICTS, 1, 3),
    deliveryMode: r.pick(DELIVERY_MODES),
    providerKind: r.pick(PROVIDER_KINDS),
    levels: [1, 2, 3, 4].filter((l) => l >= levelFrom && l <= levelFrom + r.int(0, 2)),
    priceMinFen: priceMin,
    priceMaxFen: priceMin + r.int(0, 100) * 1_000_000,
    deployDays: r.pick([7, 15, 20, 30, 45, 60, 90, 120, 180]),
    publishedAt: 1_700_000_000 + r.int(0, 40_000_000),
  };
}

export interface BenchQuery {
  kind: 'short' | 'multi' | 'long' | 'prefix' | 'typo';
  query: SearchQuery;
}

const SHORT = [
  '数控机床',
  '能耗监测',
  '设备联网',
  '数据采集',
  'MES',
  'SCADA',
  'ERP',
  '质量追溯',
  '预测性维护',
  '排产',
  '仓储',
  'WMS',
  '视觉检测',
  '安全生产',
  '边缘计算',
];
const MULTI = [
  '设备联网 数据采集',
  '数控机床预测性维护',
  'MES 质量追溯',
  '能耗监测平台',
  '仓储管理 条码',
  '智能排产系统',
  'ERP财务一体化',
  '减速机 故障诊断',
  '开关柜 远程运维',
  '工业网关 PLC',
  '车间看板 生产报工',
  '汽车零部件 质量追溯',
];
const LONG = [
  '中小企业数控机床设备联网和生产数据采集解决方案',
  '面向风冷设备行业的能耗监测与碳排放管理平台',
  '汽车零部件企业质量追溯和视觉检测一体化系统',
  '轻量级MES生产管控与智能排产云服务',
  '传动设备企业预测性维护与设备点检移动应用',
];
const PREFIX = ['能耗监', '预测性维', '数控机', '设备联', '质量追', '智能排', '仓储管'];
const TYPO = ['SCDAA', 'SCADA系统', 'ERPP', 'Oracel', 'PLM设计'];

/**
 * The query mix: short, multi-word, long, unfinished and misspelt texts;
 * most filtered (industry, scenario, maximum price, maximum delivery days),
 * most asking facets, a fifth sorted, a few past page one.
 */
export function generateQueries(count: number, seed = 7): BenchQuery[] {
  const r = new Prng(seed);
  const out: BenchQuery[] = [];
  for (let i = 0; i < count; i++) {
    const roll = r.next();
    const kind: BenchQuery['kind'] = roll < 0.35 ? 'short' : roll < 0.65 ? 'multi' : roll < 0.8 ? 'long' : roll < 0.93 ? 'prefix' : 'typo';
    const text = r.pick({ short: SHORT, multi: MULTI, long: LONG, prefix: PREFIX, typo: TYPO }[kind]);
    const filters: Filter[] = [];
    if (r.chance(0.6)) filters.push({ field: 'industries', op: 'eq', value: r.pick(INDUSTRIES).code });
    if (r.chance(0.3)) filters.push({ field: 'scenarios', op: 'in', values: r.some(SCENARIOS, 1, 3).map((s) => s.code) });
    if (r.chance(0.35)) filters.push({ field: 'priceMaxFen', op: 'range', max: r.int(20, 150) * 1_000_000 });
    if (r.chance(0.25)) filters.push({ field: 'deployDays', op: 'range', max: r.pick([30, 60, 90]) });
    const query: SearchQuery = {
      text,
      filters,
      facets: r.chance(0.8) ? ['industries', 'scenarios', 'deliveryMode'] : [],
      sort: r.chance(0.2) ? [{ field: r.pick(['priceMaxFen', 'deployDays']), direction: r.pick(['asc', 'desc'] as const) }] : [],
      page: r.chance(0.85) ? 1 : r.int(2, 4),
      pageSize: 20,
      highlight: ['title', 'summary'],
    };
    out.push({ kind, query });
  }
  return out;
}

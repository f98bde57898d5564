import type { Filter, IndexSettings, QueryTerm, SearchDocument, SearchEngine, SearchQuery } from './search-engine.port.js';

/**
 * The behaviour every {@link SearchEngine} adapter must show, run by each
 * adapter's spec against a fresh engine: `describeSearchEngineContract('x', make)`.
 */

export const CONTRACT_SETTINGS: IndexSettings = {
  searchable: [
    { field: 'title', weight: 3 },
    { field: 'summary', weight: 2 },
    { field: 'description', weight: 1 },
  ],
  filterable: [
    { field: 'industries', type: 'keywords' },
    { field: 'scenarios', type: 'keywords' },
    { field: 'deliveryMode', type: 'keyword' },
    { field: 'district', type: 'keyword' },
    { field: 'priceMaxFen', type: 'number' },
    { field: 'deployDays', type: 'number' },
  ],
  sortable: ['priceMaxFen', 'deployDays'],
  facets: ['industries', 'scenarios', 'deliveryMode'],
};

const INDUSTRIES = ['fenglen', 'jichuang', 'chuandong', 'tongyong'];
const SCENARIOS = ['sbgl', 'sbwl', 'sjcj', 'nhgl', 'zlgl', 'jhpc'];
const MODES = ['saas', 'private', 'hybrid'];
const DISTRICTS = ['tiexi', 'hunnan', 'shenhe'];
const TOPICS = ['仓储物流管理', '财务管理软件', '协同办公平台', '人力资源服务', '营销管理系统', '安全生产巡检'];

/**
 * Filler documents over a small grid of codes, with many equal prices and
 * delivery times so sorts must break ties; their text never mentions the
 * words of the relevance checks.
 */
function fillerDocs(): SearchDocument[] {
  const docs: SearchDocument[] = [];
  for (let i = 0; i < 48; i++) {
    docs.push({
      id: `f${String(i).padStart(3, '0')}`,
      title: `${TOPICS[i % TOPICS.length]}方案${i}`,
      summary: `面向中小企业的${TOPICS[(i + 1) % TOPICS.length]}`,
      description: `提供${TOPICS[(i + 2) % TOPICS.length]}与培训服务，按需订阅。`,
      industries: [INDUSTRIES[i % 4], INDUSTRIES[(i * 3 + 1) % 4]].filter((v, k, a) => a.indexOf(v) === k),
      scenarios: SCENARIOS.filter((_, k) => (i >> k) & 1 || k === i % 6),
      deliveryMode: MODES[i % 3],
      district: DISTRICTS[i % 3],
      priceMaxFen: ((i * 7) % 5) * 1_000_000,
      deployDays: 10 + ((i * 5) % 4) * 10,
    });
  }
  return docs;
}

/** Documents the relevance checks look for. */
const RELEVANCE_DOCS: SearchDocument[] = [
  {
    id: 'r-cnc-title',
    title: '数控机床设备联网与数据采集方案',
    summary: '机床状态实时监控',
    description: '支持主流数控系统。',
    industries: ['jichuang'],
    scenarios: ['sbwl', 'sjcj'],
    deliveryMode: 'saas',
    district: 'tiexi',
    priceMaxFen: 8_000_000,
    deployDays: 30,
  },
  {
    id: 'r-lathe-only',
    title: '机床维修保养服务',
    summary: '老旧机床翻新与备件供应',
    description: '专业团队上门维修。',
    industries: ['jichuang'],
    scenarios: ['sbgl'],
    deliveryMode: 'private',
    district: 'hunnan',
    priceMaxFen: 2_000_000,
    deployDays: 15,
  },
  {
    id: 'r-apart',
    title: '车间设备快速接入方案',
    summary: '老旧设备低成本改造',
    description: '通过边缘网关让产线设备实现联网，数据上云。',
    industries: ['tongyong'],
    scenarios: ['sbwl'],
    deliveryMode: 'hybrid',
    district: 'shenhe',
    priceMaxFen: 5_000_000,
    deployDays: 20,
  },
  {
    id: 'r-energy',
    title: '能耗监测与能效分析平台',
    summary: '水电气能耗在线计量',
    description: '按车间统计用能，发现浪费。',
    industries: ['fenglen'],
    scenarios: ['nhgl'],
    deliveryMode: 'saas',
    district: 'tiexi',
    priceMaxFen: 3_000_000,
    deployDays: 10,
  },
  {
    id: 'r-scada',
    title: 'SCADA 组态监控系统',
    summary: '工业现场数据可视化',
    description: '兼容 Modbus 与 OPC UA 协议。',
    industries: ['chuandong'],
    scenarios: ['sjcj'],
    deliveryMode: 'private',
    district: 'hunnan',
    priceMaxFen: 6_000_000,
    deployDays: 45,
  },
  {
    id: 'r-xss',
    title: '<script>alert("x")</script> 质量追溯 & 检测',
    summary: '质量数据全程可查',
    description: '扫码追溯每道工序。',
    industries: ['tongyong'],
    scenarios: ['zlgl'],
    deliveryMode: 'saas',
    district: 'shenhe',
    priceMaxFen: 1_000_000,
    deployDays: 10,
  },
];

export function contractDocuments(): SearchDocument[] {
  return [...fillerDocs(), ...RELEVANCE_DOCS];
}

/** What a filter means, evaluated on a document in plain code. */
export function matchesFilter(doc: SearchDocument, filter: Filter): boolean {
  const value = doc[filter.field];
  const have = (value === null || value === undefined ? [] : Array.isArray(value) ? value : [value]).map(String);
  if (filter.op === 'eq') return have.includes(String(filter.value));
  if (filter.op === 'in') return filter.values.some((v) => have.includes(String(v)));
  if (typeof value !== 'number') return false;
  return (filter.min === undefined || value >= filter.min) && (filter.max === undefined || value <= filter.max);
}

function bruteFacets(docs: SearchDocument[], fields: string[]): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const field of fields) {
    const counts: Record<string, number> = {};
    for (const doc of docs) {
      const value = doc[field];
      const values = value === null || value === undefined ? [] : Array.isArray(value) ? value : [value];
      for (const v of new Set(values.map(String))) counts[v] = (counts[v] ?? 0) + 1;
    }
    out[field] = counts;
  }
  return out;
}

const FILTER_CASES: { name: string; filters: Filter[] }[] = [
  { name: 'eq on a keyword field', filters: [{ field: 'deliveryMode', op: 'eq', value: 'saas' }] },
  { name: 'eq on a keywords field', filters: [{ field: 'scenarios', op: 'eq', value: 'sjcj' }] },
  { name: 'in on a keyword field', filters: [{ field: 'district', op: 'in', values: ['tiexi', 'shenhe'] }] },
  { name: 'in on a keywords field', filters: [{ field: 'industries', op: 'in', values: ['fenglen', 'chuandong'] }] },
  { name: 'eq on a number field', filters: [{ field: 'deployDays', op: 'eq', value: 20 }] },
  { name: 'in on a number field', filters: [{ field: 'deployDays', op: 'in', values: [10, 40] }] },
  { name: 'range with both bounds', filters: [{ field: 'priceMaxFen', op: 'range', min: 1_000_000, max: 3_000_000 }] },
  { name: 'range with a max only', filters: [{ field: 'priceMaxFen', op: 'range', max: 2_000_000 }] },
  { name: 'range with a min only', filters: [{ field: 'deployDays', op: 'range', min: 30 }] },
  { name: 'an unknown value', filters: [{ field: 'deliveryMode', op: 'eq', value: 'nope' }] },
  {
    name: 'several filters together',
    filters: [
      { field: 'industries', op: 'eq', value: 'jichuang' },
      { field: 'deliveryMode', op: 'in', values: ['saas', 'hybrid'] },
      { field: 'priceMaxFen', op: 'range', max: 4_000_000 },
    ],
  },
  {
    name: 'values that look like filter syntax',
    filters: [{ field: 'district', op: 'in', values: ['tiexi" OR district = "hunnan', 'a\\" OR (x)', 'NOT tiexi'] }],
  },
];

export function describeSearchEngineContract(name: string, make: () => Promise<SearchEngine>): void {
  describe(`SearchEngine contract: ${name}`, () => {
    const INDEX = 'contract_solutions';
    let engine: SearchEngine;
    const docs = contractDocuments();

    /** Every matching id, page by page, asserting no page repeats an id. */
    async function allIds(query: Omit<SearchQuery, 'page' | 'pageSize'>, pageSize = 7): Promise<string[]> {
      const ids: string[] = [];
      let total = -1;
      for (let page = 1; page < 100; page++) {
        const result = await engine.search(INDEX, { ...query, page, pageSize });
        if (total < 0) total = result.total;
        expect(result.total).toBe(total);
        expect(result.page).toBe(page);
        expect(result.pageSize).toBe(pageSize);
        ids.push(...result.hits.map((h) => h.id));
        if (result.hits.length < pageSize) break;
      }
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.length).toBe(total);
      return ids;
    }

    async function search(text: string, extra: Partial<SearchQuery> = {}): Promise<string[]> {
      const result = await engine.search(INDEX, { text, page: 1, pageSize: 50, ...extra });
      return result.hits.map((h) => h.id);
    }

    beforeAll(async () => {
      engine = await make();
      await engine.ensureIndex(INDEX, CONTRACT_SETTINGS);
      await engine.clear(INDEX);
      await engine.upsert(INDEX, docs);
    });

    it('counts and finds what was upserted', async () => {
      expect(await engine.count(INDEX)).toBe(docs.length);
      const result = await engine.search(INDEX, { text: '能耗监测', page: 1, pageSize: 10 });
      expect(result.hits[0].id).toBe('r-energy');
      expect(result.hits[0].doc).toMatchObject({ id: 'r-energy', title: '能耗监测与能效分析平台', deployDays: 10 });
      expect(typeof result.hits[0].score).toBe('number');
    });

    it('ensureIndex again with the same settings keeps the documents', async () => {
      await engine.ensureIndex(INDEX, CONTRACT_SETTINGS);
      expect(await engine.count(INDEX)).toBe(docs.length);
    });

    describe('filters (compared with a brute-force evaluation)', () => {
      it.each(FILTER_CASES)('$name', async ({ filters }) => {
        const expected = docs.filter((d) => filters.every((f) => matchesFilter(d, f))).map((d) => d.id);
        const ids = await allIds({ filters });
        expect([...ids].sort()).toEqual([...expected].sort());
      });

      it('combines text and filters', async () => {
        const ids = await search('设备', { filters: [{ field: 'industries', op: 'eq', value: 'jichuang' }] });
        expect(ids).toContain('r-cnc-title');
        expect(ids).not.toContain('r-apart');
      });

      it('rejects a field that is not filterable', async () => {
        await expect(engine.search(INDEX, { filters: [{ field: 'title', op: 'eq', value: 'x' }], page: 1, pageSize: 5 })).rejects.toThrow(
          /not filterable/,
        );
      });

      it('rejects a facet or sort on an undeclared field', async () => {
        await expect(engine.search(INDEX, { facets: ['district'], page: 1, pageSize: 5 })).rejects.toThrow(/not a facet/);
        await expect(engine.search(INDEX, { sort: [{ field: 'title', direction: 'asc' }], page: 1, pageSize: 5 })).rejects.toThrow(
          /not sortable/,
        );
      });
    });

    describe('facets', () => {
      const facetFields = ['industries', 'scenarios', 'deliveryMode'];
      it.each(FILTER_CASES.slice(0, 9))('count all matching documents under $name', async ({ filters }) => {
        const result = await engine.search(INDEX, { filters, facets: facetFields, page: 1, pageSize: 3 });
        const matching = docs.filter((d) => filters.every((f) => matchesFilter(d, f)));
        expect(result.facets).toEqual(bruteFacets(matching, facetFields));
      });

      it('count over a text query', async () => {
        const result = await engine.search(INDEX, { text: '管理', facets: ['deliveryMode'], page: 1, pageSize: 1 });
        const all = await allIds({ text: '管理' }, 20);
        const matching = docs.filter((d) => all.includes(d.id));
        expect(result.facets).toEqual(bruteFacets(matching, ['deliveryMode']));
      });
    });

    describe('sorting', () => {
      const key = (d: SearchDocument, field: string): number => d[field] as number;
      const expectedOrder = (field: string, dir: 1 | -1, subset = docs): string[] =>
        [...subset].sort((a, b) => dir * (key(a, field) - key(b, field)) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map((d) => d.id);

      it('sorts ascending with ties broken by id', async () => {
        const ids = await allIds({ sort: [{ field: 'priceMaxFen', direction: 'asc' }] }, 11);
        expect(ids).toEqual(expectedOrder('priceMaxFen', 1));
      });

      it('sorts descending with ties broken by id', async () => {
        const ids = await allIds({ sort: [{ field: 'deployDays', direction: 'desc' }] }, 11);
        expect(ids).toEqual(expectedOrder('deployDays', -1));
      });

      it('sorts on two fields', async () => {
        const ids = await allIds({
          sort: [
            { field: 'deployDays', direction: 'asc' },
            { field: 'priceMaxFen', direction: 'desc' },
          ],
        });
        const expected = [...docs]
          .sort(
            (a, b) =>
              key(a, 'deployDays') - key(b, 'deployDays') || key(b, 'priceMaxFen') - key(a, 'priceMaxFen') || (a.id < b.id ? -1 : 1),
          )
          .map((d) => d.id);
        expect(ids).toEqual(expected);
      });

      it('sorts the matches of a filtered text query', async () => {
        const filters: Filter[] = [{ field: 'deliveryMode', op: 'eq', value: 'saas' }];
        const ids = await allIds({ text: '管理', filters, sort: [{ field: 'priceMaxFen', direction: 'asc' }] }, 5);
        const matching = docs.filter((d) => ids.includes(d.id));
        expect(ids).toEqual(expectedOrder('priceMaxFen', 1, matching));
      });
    });

    describe('pagination', () => {
      it('walks every document exactly once', async () => {
        const ids = await allIds({}, 9);
        expect([...ids].sort()).toEqual(docs.map((d) => d.id).sort());
      });

      it('walks every match of a text query exactly once, in a stable order', async () => {
        const first = await allIds({ text: '管理' }, 4);
        const again = await allIds({ text: '管理' }, 4);
        expect(first.length).toBeGreaterThan(4);
        expect(again).toEqual(first);
      });

      it('returns an empty page past the end', async () => {
        const result = await engine.search(INDEX, { page: 100, pageSize: 10 });
        expect(result.hits).toEqual([]);
        expect(result.total).toBe(docs.length);
      });
    });

    describe('highlighting', () => {
      it('escapes the field text and marks matched words', async () => {
        const result = await engine.search(INDEX, { text: '质量追溯', highlight: ['title'], page: 1, pageSize: 5 });
        const hit = result.hits.find((h) => h.id === 'r-xss');
        expect(hit).toBeDefined();
        const title = hit!.highlight.title;
        expect(title).not.toContain('<script>');
        expect(title).toContain('&lt;script&gt;');
        expect(title).toContain('&amp;');
        expect(title).toMatch(/<em>质量(<\/em><em>)?追溯<\/em>/);
        expect(title.replace(/<\/?em>/g, '')).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; 质量追溯 &amp; 检测');
        expect(hit!.doc.title).toBe('<script>alert("x")</script> 质量追溯 & 检测');
      });
    });

    describe('Chinese relevance', () => {
      it('数控机床 finds titles with 数控机床 first, above those with only 机床', async () => {
        const ids = await search('数控机床');
        expect(ids[0]).toBe('r-cnc-title');
        const lathe = ids.indexOf('r-lathe-only');
        if (lathe >= 0) expect(lathe).toBeGreaterThan(ids.indexOf('r-cnc-title'));
      });

      it('设备联网 matches a document with 设备 and 联网 written apart', async () => {
        const ids = await search('设备联网');
        expect(ids).toContain('r-apart');
        expect(ids).toContain('r-cnc-title');
      });

      it('the prefix 能耗监 finds 能耗监测', async () => {
        expect((await search('能耗监'))[0]).toBe('r-energy');
      });

      it('the typo SCDAA finds SCADA', async () => {
        expect(await search('SCDAA')).toContain('r-scada');
      });

      it('falls back to any word when no document has them all', async () => {
        const ids = await search('能耗监测 区块链元宇宙');
        expect(ids).toContain('r-energy');
      });
    });

    describe('understood queries (terms)', () => {
      const terms = (...words: string[]): QueryTerm[] => words.map((term) => ({ term, alternatives: [] }));
      const run = (query: Partial<SearchQuery>) => engine.search(INDEX, { page: 1, pageSize: 50, ...query });

      it('ranks documents covering every term first and keeps those covering some when few cover all', async () => {
        const ids = (await run({ terms: terms('机床', '联网') })).hits.map((h) => h.id);
        expect(ids[0]).toBe('r-cnc-title');
        expect(ids).toContain('r-apart');
        expect(ids).toContain('r-lathe-only');
      });

      it('finds a term through its alternatives', async () => {
        const ids = (await run({ terms: [{ term: '省电', alternatives: ['能耗'] }] })).hits.map((h) => h.id);
        expect(ids).toEqual(['r-energy']);
      });

      it('an empty understood query finds nothing (not the whole index)', async () => {
        const result = await run({ terms: [], facets: ['deliveryMode'] });
        expect(result.total).toBe(0);
        expect(result.hits).toEqual([]);
      });

      it('a boost lifts documents passing it and never filters the others out', async () => {
        const plain = await run({ terms: terms('设备') });
        const boost: Filter[] = [{ field: 'scenarios', op: 'in', values: ['sjcj'] }];
        const boosted = await run({ terms: terms('设备'), boost });
        expect(boosted.total).toBe(plain.total);
        expect(boosted.hits.map((h) => h.id).sort()).toEqual(plain.hits.map((h) => h.id).sort());
        expect(boosted.hits[0].id).toBe('r-cnc-title');
      });

      it('new synonyms in the settings apply at once, the documents kept', async () => {
        const before = await engine.count(INDEX);
        expect((await run({ terms: terms('节电') })).total).toBe(0);
        await engine.ensureIndex(INDEX, { ...CONTRACT_SETTINGS, synonyms: { 节电: ['能耗'] } });
        expect((await run({ terms: terms('节电') })).hits.map((h) => h.id)).toEqual(['r-energy']);
        expect(await engine.count(INDEX)).toBe(before);
        await engine.ensureIndex(INDEX, CONTRACT_SETTINGS);
        expect((await run({ terms: terms('节电') })).total).toBe(0);
      });
    });

    describe('writes', () => {
      it('replaces a document upserted again with the same id', async () => {
        const before = await engine.count(INDEX);
        await engine.upsert(INDEX, [{ ...RELEVANCE_DOCS[3], title: '碳排放核算平台', summary: '', description: '' }]);
        expect(await engine.count(INDEX)).toBe(before);
        expect(await search('能耗监测')).not.toContain('r-energy');
        const found = await engine.search(INDEX, { text: '碳排放', page: 1, pageSize: 5 });
        expect(found.hits.map((h) => h.id)).toEqual(['r-energy']);
        expect(found.hits[0].doc.title).toBe('碳排放核算平台');
        const facet = await engine.search(INDEX, { filters: [{ field: 'scenarios', op: 'eq', value: 'nhgl' }], page: 1, pageSize: 100 });
        expect(facet.hits.filter((h) => h.id === 'r-energy')).toHaveLength(1);
      });

      it('deletes documents and ignores unknown ids', async () => {
        const before = await engine.count(INDEX);
        await engine.delete(INDEX, ['r-scada', 'no-such-id']);
        expect(await engine.count(INDEX)).toBe(before - 1);
        expect(await search('SCADA')).not.toContain('r-scada');
        expect((await allIds({})).includes('r-scada')).toBe(false);
      });

      it('clears an index and keeps its settings', async () => {
        await engine.clear(INDEX);
        expect(await engine.count(INDEX)).toBe(0);
        await engine.upsert(INDEX, [RELEVANCE_DOCS[0]]);
        const result = await engine.search(INDEX, { text: '数控', facets: ['industries'], page: 1, pageSize: 5 });
        expect(result.hits.map((h) => h.id)).toEqual(['r-cnc-title']);
        expect(result.facets).toEqual({ industries: { jichuang: 1 } });
      });
    });
  });
}

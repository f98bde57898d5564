import fc from 'fast-check';
import { EmbeddedSearchEngine } from './embedded.search-engine.js';
import { InvertedIndex, selectTop } from './inverted-index.js';
import { CONTRACT_SETTINGS, contractDocuments, describeSearchEngineContract, matchesFilter } from './search-engine.contract.js';
import type { Filter, SearchDocument } from './search-engine.port.js';
import { editDistanceWithin, fold, highlight, jieba, queryWords, typoBudget } from './tokenizer.js';
import { TokenizerPool } from './tokenizer-pool.js';

describeSearchEngineContract('embedded', async () => new EmbeddedSearchEngine());

describe('tokenizer', () => {
  it('folds case and full width without moving offsets', () => {
    expect(fold('ＳＣＡＤＡ系统 MES')).toBe('scada系统 mes');
    expect(fold('数控机床')).toBe('数控机床');
    expect(fold('Ärger')).toBe('ärger');
  });

  it('cuts query words and knows when the last one may be unfinished', () => {
    expect(queryWords('能耗监')).toEqual({ words: ['能耗', '监'], lastIsPrefix: true });
    expect(queryWords('设备 与 联网 ')).toEqual({ words: ['设备', '联网'], lastIsPrefix: false });
    expect(queryWords('   ')).toEqual({ words: [], lastIsPrefix: false });
    expect(queryWords('的').words).toEqual(['的']);
  });

  it('measures transpositions as one edit and stops past the budget', () => {
    expect(editDistanceWithin('scdaa', 'scada', 1)).toBe(1);
    expect(editDistanceWithin('scada', 'scada', 1)).toBe(0);
    expect(editDistanceWithin('abcdef', 'badcfe', 2)).toBe(3);
    expect(editDistanceWithin('kitten', 'sitting', 2)).toBe(3);
    expect(editDistanceWithin('kitten', 'sittin', 2)).toBe(2);
    expect(typoBudget('scada')).toBe(1);
    expect(typoBudget('mes')).toBe(0);
    expect(typoBudget('automation')).toBe(2);
    expect(typoBudget('数控机床设备')).toBe(0);
  });

  it('highlights escaped text and merges touching marks', () => {
    expect(highlight('a<b> 能耗监测', ['能耗', '监'])).toBe('a&lt;b&gt; <em>能耗监</em>测');
    expect(highlight('Times MES', ['mes'])).toBe('Times <em>MES</em>');
    expect(highlight('"x" & \'y\'', [])).toBe('&quot;x&quot; &amp; &#39;y&#39;');
  });
});

describe('selectTop', () => {
  it('equals a full sort for any k', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 50 }), { maxLength: 200 }), fc.nat(250), (values, k) => {
        const docs = Int32Array.from(values.keys());
        const cmp = (a: number, b: number) => values[a] - values[b] || a - b;
        const kk = Math.min(k, values.length);
        const expected = [...docs].sort(cmp).slice(0, kk);
        expect([...selectTop(docs, docs.length, kk, cmp)]).toEqual(expected);
      }),
    );
  });
});

describe('EmbeddedSearchEngine', () => {
  const allQuery = { page: 1, pageSize: 1000 } as const;

  it('refuses to work on an index that was not ensured', async () => {
    const engine = new EmbeddedSearchEngine();
    await expect(engine.search('nope', { page: 1, pageSize: 1 })).rejects.toThrow(/ensureIndex/);
    await expect(engine.upsert('nope', [])).rejects.toThrow(/ensureIndex/);
  });

  it('rejects settings with a facet that is not filterable', async () => {
    const engine = new EmbeddedSearchEngine();
    await expect(engine.ensureIndex('x', { ...CONTRACT_SETTINGS, facets: ['title'] })).rejects.toThrow(/filterable/);
  });

  it('rejects bad paging', async () => {
    const engine = new EmbeddedSearchEngine();
    await engine.ensureIndex('x', CONTRACT_SETTINGS);
    await expect(engine.search('x', { page: 0, pageSize: 10 })).rejects.toThrow(/page/);
    await expect(engine.search('x', { page: 1, pageSize: 5000 })).rejects.toThrow(/pageSize/);
    await expect(engine.search('x', { filters: [{ field: 'district', op: 'range', min: 1 }], page: 1, pageSize: 1 })).rejects.toThrow(
      /number field/,
    );
  });

  it('re-indexes the stored documents when the settings change', async () => {
    const engine = new EmbeddedSearchEngine();
    await engine.ensureIndex('x', CONTRACT_SETTINGS);
    await engine.upsert('x', contractDocuments());
    const titleOnly = { ...CONTRACT_SETTINGS, searchable: [{ field: 'title', weight: 1 }] };
    await engine.ensureIndex('x', titleOnly);
    expect(await engine.count('x')).toBe(contractDocuments().length);
    // 联网 appears only in r-apart's description, no longer searched.
    const result = await engine.search('x', { text: '联网', ...allQuery });
    expect(result.hits.map((h) => h.id)).toEqual(['r-cnc-title']);
  });

  it('applies one-way synonyms, phrases included', async () => {
    const engine = new EmbeddedSearchEngine();
    await engine.ensureIndex('x', { ...CONTRACT_SETTINGS, synonyms: { MES: ['制造执行系统'] } });
    await engine.upsert('x', [
      { id: 'a', title: '轻量级制造执行系统', summary: '', description: '' },
      { id: 'b', title: '执行力培训', summary: '制造业', description: '财务系统' },
      { id: 'c', title: 'MES 快速上线', summary: '', description: '' },
    ]);
    const result = await engine.search('x', { text: 'mes', highlight: ['title'], ...allQuery });
    expect(result.hits.map((h) => h.id).sort()).toEqual(['a', 'c']);
    expect(result.hits.find((h) => h.id === 'a')!.highlight.title).toBe('轻量级<em>制造执行系统</em>');
  });

  it('serves a document missing a sort field after all others in both directions', async () => {
    const engine = new EmbeddedSearchEngine();
    await engine.ensureIndex('x', CONTRACT_SETTINGS);
    await engine.upsert('x', [
      { id: 'a', title: 't', priceMaxFen: 2 },
      { id: 'b', title: 't', priceMaxFen: null },
      { id: 'c', title: 't', priceMaxFen: 1 },
    ]);
    for (const [direction, order] of [
      ['asc', ['c', 'a', 'b']],
      ['desc', ['a', 'c', 'b']],
    ] as const) {
      const result = await engine.search('x', { sort: [{ field: 'priceMaxFen', direction }], ...allQuery });
      expect(result.hits.map((h) => h.id)).toEqual(order);
    }
  });

  it('scores every document of a small index with several searchable fields (no NaN past the first few)', async () => {
    const engine = new EmbeddedSearchEngine();
    const fields = ['title', 'summary', 'description', 'providerName'];
    await engine.ensureIndex('x', { ...CONTRACT_SETTINGS, searchable: fields.map((field, i) => ({ field, weight: 4 - i })) });
    const docs = Array.from({ length: 12 }, (_, i) => ({
      id: `d${i}`,
      title: `设备联网 ${i}`,
      summary: '看板',
      description: '联网',
      providerName: '服务商',
    }));
    for (const doc of docs) await engine.upsert('x', [doc]);
    const result = await engine.search('x', { text: '设备联网', ...allQuery });
    expect(result.hits).toHaveLength(12);
    for (const hit of result.hits) expect(Number.isFinite(hit.score) && hit.score > 0).toBe(true);
  });

  it('ranks a title match above a description match', async () => {
    const engine = new EmbeddedSearchEngine();
    await engine.ensureIndex('x', CONTRACT_SETTINGS);
    await engine.upsert('x', [
      { id: 'desc', title: '综合方案', summary: '工厂改造', description: '包含预测性维护模块' },
      { id: 'sum', title: '综合方案', summary: '预测性维护', description: '工厂改造' },
      { id: 'title', title: '预测性维护', summary: '工厂改造', description: '综合方案' },
    ]);
    const result = await engine.search('x', { text: '预测性维护', ...allQuery });
    expect(result.hits.map((h) => h.id)).toEqual(['title', 'sum', 'desc']);
  });

  it('stays equal to a brute-force model after every one of random upserts, deletes and compactions', async () => {
    const ids = Array.from({ length: 40 }, (_, i) => `d${String(i).padStart(2, '0')}`);
    const words = ['数控机床', '设备联网', '能耗监测', '质量追溯', '仓储物流'];
    const docArb = fc.record({
      id: fc.constantFrom(...ids),
      title: fc.subarray(words, { minLength: 1 }).map((w) => w.join('与')),
      industries: fc.subarray(['fenglen', 'jichuang', 'chuandong']),
      deliveryMode: fc.constantFrom('saas', 'private'),
      priceMaxFen: fc.integer({ min: 0, max: 5 }),
    });
    const op = fc.oneof(
      { weight: 4, arbitrary: fc.record({ kind: fc.constant('upsert' as const), docs: fc.array(docArb, { maxLength: 12 }) }) },
      { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), ids: fc.subarray(ids, { maxLength: 8 }) }) },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('compact' as const) }) },
    );
    const filterSets: Filter[][] = [
      [],
      [{ field: 'priceMaxFen', op: 'range', max: 3 }],
      [{ field: 'industries', op: 'eq', value: 'jichuang' }],
      [
        { field: 'deliveryMode', op: 'in', values: ['saas'] },
        { field: 'priceMaxFen', op: 'range', min: 2 },
      ],
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.array(op, { maxLength: 20 }),
        fc.option(fc.constantFrom(...words), { nil: undefined }),
        fc.constantFrom(...filterSets),
        fc.boolean(),
        async (ops, word, filters, byPrice) => {
          const index = new InvertedIndex(CONTRACT_SETTINGS);
          const model = new Map<string, SearchDocument>();
          // Without words or a sort the order is by id; with words, relevance, which the model cannot
          // tell: then the price decides. Checked after every step, so that what the index keeps
          // between queries (filter sets, the id order) is checked across writes.
          const sorted = byPrice || word !== undefined;
          const check = (): void => {
            const result = index.search({
              text: word,
              filters,
              facets: ['industries', 'deliveryMode'],
              sort: sorted ? [{ field: 'priceMaxFen', direction: 'desc' }] : undefined,
              ...allQuery,
            });
            const expected = [...model.values()]
              .filter((d) => (!word || (d.title as string).includes(word)) && filters.every((f) => matchesFilter(d, f)))
              .sort((a, b) => (sorted ? (b.priceMaxFen as number) - (a.priceMaxFen as number) : 0) || (a.id < b.id ? -1 : 1));
            expect(index.size).toBe(model.size);
            expect(result.total).toBe(expected.length);
            expect(result.hits.map((h) => h.id)).toEqual(expected.map((d) => d.id));
            for (const hit of result.hits) expect(hit.doc).toEqual(model.get(hit.id));
            const counts: Record<string, number> = {};
            for (const d of expected) for (const v of d.industries as string[]) counts[v] = (counts[v] ?? 0) + 1;
            expect(result.facets.industries).toEqual(counts);
          };
          check();
          for (const o of ops) {
            if (o.kind === 'upsert') {
              for (const d of o.docs) {
                index.add(d);
                model.set(d.id, d);
              }
            } else if (o.kind === 'delete') {
              for (const id of o.ids) {
                index.remove(id);
                model.delete(id);
              }
            } else index.compact();
            check();
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("hands out its own frozen copy of a document, apart from the caller's", async () => {
    const index = new InvertedIndex(CONTRACT_SETTINGS);
    const input = { id: 'a', title: '数控机床', industries: ['jichuang'] };
    index.add(input);
    input.industries.push('fenglen');
    const [hit] = index.search({ text: '数控机床', ...allQuery }).hits;
    expect(hit.doc).toEqual({ id: 'a', title: '数控机床', industries: ['jichuang'] });
    expect(Object.isFrozen(hit.doc)).toBe(true);
    expect(() => (hit.doc.industries as string[]).push('x')).toThrow(TypeError);
  });

  it('compacts automatically once many documents were replaced', async () => {
    const engine = new EmbeddedSearchEngine({ compactMinDead: 10, compactDeadRatio: 0.25 });
    await engine.ensureIndex('x', CONTRACT_SETTINGS);
    const docs = contractDocuments();
    for (let round = 0; round < 5; round++) await engine.upsert('x', docs);
    expect(await engine.count('x')).toBe(docs.length);
    const result = await engine.search('x', { text: '数控机床', ...allQuery });
    expect(result.hits.map((h) => h.id)).toEqual(['r-cnc-title']);
  });
});

describe('TokenizerPool', () => {
  it('cuts in a worker thread exactly as jieba does on the calling thread', async () => {
    const pool = new TokenizerPool();
    try {
      const texts = ['数控机床设备联网与数据采集', 'oee看板 mes系统12台', '', '能耗监测，碳排放核算。', 'scada与plc'];
      expect(await pool.cut(texts)).toEqual(texts.map((t) => (t === '' ? [] : jieba().cutForSearch(t, true))));
    } finally {
      await pool.close();
    }
  });

  it('refuses a text holding its separator, which the caller then cuts itself', () => {
    expect(TokenizerPool.canCut('普通文本')).toBe(true);
    expect(TokenizerPool.canCut('a\u0000b')).toBe(false);
  });
});

describe('EmbeddedSearchEngine with large upserts', () => {
  const allQuery = { page: 1, pageSize: 1000 } as const;
  /** Enough documents for the worker thread to cut them, with Latin words, full-width letters and an empty field. */
  function manyDocuments(): SearchDocument[] {
    const words = ['数控机床', '设备联网', '能耗监测', '质量追溯', '仓储物流', 'ＭＥＳ系统', 'SCADA', 'OEE看板', '排产'];
    return Array.from({ length: 450 }, (_, i) => ({
      id: `m${String(i).padStart(4, '0')}`,
      title: `${words[i % words.length]}与${words[(i * 7) % words.length]}方案${i}`,
      summary: i % 5 === 0 ? '' : `${words[(i * 3) % words.length]}轻量化部署`,
      description: `面向中小企业的${words[(i * 5) % words.length]}，两周上线。`,
      industries: [i % 2 ? 'jichuang' : 'fenglen'],
      deliveryMode: i % 3 ? 'saas' : 'private',
      priceMaxFen: i % 7,
    }));
  }

  it('indexes a batch cut in the worker exactly as one cut on the calling thread', async () => {
    const inWorker = new EmbeddedSearchEngine();
    const inline = new EmbeddedSearchEngine({ tokenizeInWorker: false });
    const docs = manyDocuments();
    // One document holds the worker's separator: that batch is cut on the calling thread, and still found.
    docs[10] = { ...docs[10], description: '含有\u0000控制字符的设备联网说明' };
    for (const engine of [inWorker, inline]) {
      await engine.ensureIndex('x', CONTRACT_SETTINGS);
      await engine.upsert('x', docs);
    }
    const cleanDocs = manyDocuments().map((d) => ({ ...d, id: `c${d.id}` }));
    await inWorker.upsert('x', cleanDocs);
    await inline.upsert('x', cleanDocs);
    for (const text of ['数控机床', 'mes', 'scada', 'oee', '设备联网 排产', '轻量化', '控制字符']) {
      const a = await inWorker.search('x', { text, ...allQuery });
      const b = await inline.search('x', { text, ...allQuery });
      expect(a.total).toBeGreaterThan(0);
      expect(a.hits.map((h) => [h.id, h.score])).toEqual(b.hits.map((h) => [h.id, h.score]));
    }
    await inWorker.close();
  });
});

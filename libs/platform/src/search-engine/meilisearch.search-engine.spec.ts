import fc from 'fast-check';
import {
  BOOST_WEIGHT,
  fromMeiliHit,
  HIGHLIGHT_POST,
  HIGHLIGHT_PRE,
  MeilisearchSearchEngine,
  quoteFilterValue,
  RANKING_RULES,
  toMeiliFilter,
  meiliQueryText,
  toMeiliBoostedSearch,
  toMeiliRequest,
  toMeiliSettings,
} from './meilisearch.search-engine.js';
import { baseLexicon } from '../../../lexicon/src/lexicon.js';
import { CONTRACT_SETTINGS, describeSearchEngineContract } from './search-engine.contract.js';
import type { IndexSettings, SearchQuery } from './search-engine.port.js';

const settings: IndexSettings = CONTRACT_SETTINGS;

/**
 * Reads one double-quoted value the way Meilisearch's filter parser does
 * (`quoted_by`, then the unescape of `\"`, then the `unescaper` crate), and
 * returns it with what follows the closing quote.
 */
function parseQuoted(input: string): { value: string; rest: string } {
  if (input[0] !== '"') throw new Error(`expected a quote at ${input}`);
  let i = 1;
  let escapedQuote = false;
  for (; i < input.length; i++) {
    if (input[i] === '"') break;
    if (input[i] === '\\') {
      i++;
      if (i >= input.length) throw new Error('malformed value');
      if (input[i] === '"') escapedQuote = true;
    }
  }
  if (i >= input.length) throw new Error('missing closing quote');
  let raw = input.slice(1, i);
  if (escapedQuote) raw = raw.replaceAll('\\"', '"');
  let value = '';
  for (let k = 0; k < raw.length; k++) {
    if (raw[k] !== '\\') {
      value += raw[k];
      continue;
    }
    const next = raw[++k];
    if (next === '\\' || next === '"' || next === "'") value += next;
    // Any other escape (\n, \u…) would change the value: the quoting must never produce one.
    else throw new Error(`unexpected escape \\${next}`);
  }
  return { value, rest: input.slice(i + 1) };
}

describe('quoteFilterValue', () => {
  it('round-trips any string through Meilisearch parsing, consuming exactly one value', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        expect(parseQuoted(quoteFilterValue(s))).toEqual({ value: s, rest: '' });
      }),
      { numRuns: 2000 },
    );
  });

  it('round-trips strings made of quotes, backslashes and filter keywords', () => {
    const pieces = fc.constantFrom('"', '\\', "'", ' ', 'AND', 'OR', 'NOT', '(', ')', '[', ']', '=', ',', 'n', 'u{41}', 'x');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 20 }), (parts) => {
        const s = parts.join('');
        expect(parseQuoted(quoteFilterValue(s))).toEqual({ value: s, rest: '' });
      }),
      { numRuns: 2000 },
    );
  });

  it('escapes backslash and double quote', () => {
    expect(quoteFilterValue('a"b')).toBe('"a\\"b"');
    expect(quoteFilterValue('a\\b')).toBe('"a\\\\b"');
    expect(quoteFilterValue('end\\')).toBe('"end\\\\"');
    expect(quoteFilterValue('\\"')).toBe('"\\\\\\""');
    expect(quoteFilterValue(42)).toBe('"42"');
    expect(quoteFilterValue('铁西区')).toBe('"铁西区"');
  });
});

describe('toMeiliFilter', () => {
  it('translates each filter kind', () => {
    expect(
      toMeiliFilter(
        [
          { field: 'deliveryMode', op: 'eq', value: 'saas' },
          { field: 'scenarios', op: 'in', values: ['sbwl', 'sjcj'] },
          { field: 'priceMaxFen', op: 'range', min: 100, max: 5000 },
          { field: 'deployDays', op: 'range', max: 30 },
          { field: 'deployDays', op: 'range', min: 7 },
          { field: 'deployDays', op: 'eq', value: 20 },
        ],
        settings,
      ),
    ).toEqual([
      'deliveryMode = "saas"',
      'scenarios IN ["sbwl", "sjcj"]',
      'priceMaxFen >= "100" AND priceMaxFen <= "5000"',
      'deployDays <= "30"',
      'deployDays >= "7"',
      'deployDays = "20"',
    ]);
  });

  it('keeps a hostile value inside its quotes', () => {
    const [expr] = toMeiliFilter([{ field: 'district', op: 'eq', value: 'x" OR district EXISTS OR district = "y' }], settings);
    expect(expr).toBe('district = "x\\" OR district EXISTS OR district = \\"y"');
    const parsed = parseQuoted(expr.slice('district = '.length));
    expect(parsed).toEqual({ value: 'x" OR district EXISTS OR district = "y', rest: '' });
  });

  it('keeps every value of an IN list separate', () => {
    const values = ['a", "b', 'c\\', '(NOT d)', ']'];
    const [expr] = toMeiliFilter([{ field: 'industries', op: 'in', values }], settings);
    let rest = expr.slice('industries IN ['.length);
    const seen: string[] = [];
    for (;;) {
      const { value, rest: after } = parseQuoted(rest);
      seen.push(value);
      if (after.startsWith(', ')) rest = after.slice(2);
      else {
        expect(after).toBe(']');
        break;
      }
    }
    expect(seen).toEqual(values);
  });

  it('throws on a field that is not filterable, including one shaped like an expression', () => {
    expect(() => toMeiliFilter([{ field: 'title', op: 'eq', value: 'x' }], settings)).toThrow(/not filterable/);
    expect(() => toMeiliFilter([{ field: 'district = "a" OR id', op: 'eq', value: 'x' }], settings)).toThrow(/not filterable/);
  });

  it('throws on an empty IN list, a bound that is not a finite number, or a range without bounds', () => {
    expect(() => toMeiliFilter([{ field: 'district', op: 'in', values: [] }], settings)).toThrow(/empty/);
    expect(() => toMeiliFilter([{ field: 'deployDays', op: 'range', min: Number.NaN }], settings)).toThrow(/finite/);
    expect(() => toMeiliFilter([{ field: 'deployDays', op: 'range', max: Infinity }], settings)).toThrow(/finite/);
    expect(() => toMeiliFilter([{ field: 'deployDays', op: 'range' }], settings)).toThrow(/min or max/);
  });
});

describe('toMeiliRequest', () => {
  it('builds a paged, filtered, faceted, sorted and highlighted request', () => {
    expect(
      toMeiliRequest(
        {
          text: '数控机床',
          filters: [{ field: 'industries', op: 'eq', value: 'jichuang' }],
          facets: ['scenarios', 'deliveryMode'],
          sort: [{ field: 'priceMaxFen', direction: 'desc' }],
          page: 3,
          pageSize: 20,
          highlight: ['title', 'summary'],
        },
        settings,
      ),
    ).toEqual({
      page: 3,
      hitsPerPage: 20,
      matchingStrategy: 'all',
      showRankingScore: true,
      filter: ['industries = "jichuang"'],
      facets: ['scenarios', 'deliveryMode'],
      sort: ['priceMaxFen:desc', 'id:asc'],
      attributesToHighlight: ['title', 'summary'],
      highlightPreTag: HIGHLIGHT_PRE,
      highlightPostTag: HIGHLIGHT_POST,
    });
  });

  it('leaves relevance order alone for a text query without sort', () => {
    const request = toMeiliRequest({ text: '能耗', page: 1, pageSize: 10 }, settings);
    expect(request.sort).toBeUndefined();
    expect(request.filter).toBeUndefined();
    expect(request.facets).toBeUndefined();
    expect(request.attributesToHighlight).toBeUndefined();
  });

  it('lists by id when there is neither text nor sort', () => {
    expect(toMeiliRequest({ text: '  ', page: 1, pageSize: 10 }, settings).sort).toEqual(['id:asc']);
    expect(toMeiliRequest({ page: 1, pageSize: 10 }, settings).sort).toEqual(['id:asc']);
  });

  it('asks an understood query for its terms with the frequency strategy', () => {
    const request = toMeiliRequest(
      {
        text: '电费太贵 怎么省电',
        terms: [
          { term: '电费', alternatives: ['能耗'] },
          { term: '省电', alternatives: ['节能'] },
        ],
        page: 1,
        pageSize: 10,
      },
      settings,
    );
    expect(request.matchingStrategy).toBe('frequency');
    expect(request.sort).toBeUndefined();
    expect(
      meiliQueryText({
        terms: [
          { term: '电费', alternatives: [] },
          { term: '省电', alternatives: [] },
        ],
        page: 1,
        pageSize: 1,
      }),
    ).toBe('电费 省电');
    expect(meiliQueryText({ text: '的', terms: [], page: 1, pageSize: 1 })).toBeNull();
    expect(toMeiliRequest({ text: '能耗', page: 1, pageSize: 10 }, settings).matchingStrategy).toBe('all');
  });

  it('boosts through a federated search: the boost filters as one OR, weighted above the plain query', () => {
    const query: SearchQuery = {
      terms: [{ term: '能耗', alternatives: [] }],
      filters: [{ field: 'deliveryMode', op: 'eq', value: 'saas' }],
      boost: [
        { field: 'scenarios', op: 'in', values: ['nhgl'] },
        { field: 'industries', op: 'in', values: ['jichuang'] },
      ],
      facets: ['scenarios'],
      page: 2,
      pageSize: 10,
      highlight: ['title'],
    };
    const boosted = toMeiliBoostedSearch(query, settings, 'p_solutions')!;
    expect(boosted.count).toMatchObject({ page: 2, hitsPerPage: 0, facets: ['scenarios'], filter: ['deliveryMode = "saas"'] });
    expect(boosted.federated.federation).toEqual({ offset: 10, limit: 10 });
    const [lifted, plain] = boosted.federated.queries;
    expect(lifted).toMatchObject({
      indexUid: 'p_solutions',
      q: '能耗',
      matchingStrategy: 'frequency',
      filter: ['deliveryMode = "saas"', ['scenarios IN ["nhgl"]', 'industries IN ["jichuang"]']],
      federationOptions: { weight: BOOST_WEIGHT },
      attributesToHighlight: ['title'],
    });
    expect(plain).toMatchObject({ q: '能耗', filter: ['deliveryMode = "saas"'], federationOptions: { weight: 1 } });
    expect(BOOST_WEIGHT).toBeGreaterThan(1);
    expect(toMeiliBoostedSearch({ ...query, boost: [] }, settings, 'x')).toBeNull();
    expect(toMeiliBoostedSearch({ ...query, sort: [{ field: 'deployDays', direction: 'asc' }] }, settings, 'x')).toBeNull();
    expect(() => toMeiliBoostedSearch({ ...query, boost: [{ field: 'title', op: 'eq', value: 'x' }] }, settings, 'x')).toThrow(
      /not filterable/,
    );
  });

  it('rejects unknown facets and sorts and bad paging', () => {
    expect(() => toMeiliRequest({ facets: ['district'], page: 1, pageSize: 1 }, settings)).toThrow(/not a facet/);
    expect(() => toMeiliRequest({ sort: [{ field: 'title', direction: 'asc' }], page: 1, pageSize: 1 }, settings)).toThrow(/not sortable/);
    expect(() => toMeiliRequest({ page: 0, pageSize: 1 }, settings)).toThrow(/page/);
  });
});

describe('toMeiliSettings', () => {
  it('orders searchable fields by weight and adds id as a sort tie-breaker', () => {
    const meili = toMeiliSettings({
      ...settings,
      searchable: [
        { field: 'description', weight: 1 },
        { field: 'title', weight: 3 },
        { field: 'summary', weight: 2 },
      ],
      synonyms: { mes: ['制造执行系统'] },
      stopWords: ['的', '怎么'],
    });
    expect(meili).toEqual({
      searchableAttributes: ['title', 'summary', 'description'],
      filterableAttributes: ['industries', 'scenarios', 'deliveryMode', 'district', 'priceMaxFen', 'deployDays'],
      sortableAttributes: ['priceMaxFen', 'deployDays', 'id'],
      rankingRules: RANKING_RULES,
      synonyms: { mes: ['制造执行系统'] },
      stopWords: ['的', '怎么'],
      typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 } },
      faceting: { maxValuesPerFacet: 1000, sortFacetValuesBy: { '*': 'count' } },
      pagination: { maxTotalHits: 100_000 },
    });
  });

  it('sends no stop words and no synonyms when the settings have none', () => {
    const meili = toMeiliSettings(settings);
    expect(meili.stopWords).toEqual([]);
    expect(meili.synonyms).toEqual({});
  });

  it('sends the lexicon of the search context: stop words and two-way synonyms', () => {
    const lexicon = baseLexicon();
    const meili = toMeiliSettings({ ...settings, synonyms: lexicon.synonymMap(), stopWords: lexicon.stopWords() });
    expect(meili.stopWords).toEqual(expect.arrayContaining(['怎么', '想', '的']));
    expect(meili.synonyms?.['省电']).toEqual(expect.arrayContaining(['节能']));
    expect(meili.synonyms?.['节能']).toEqual(expect.arrayContaining(['省电']));
    expect(meili.synonyms?.['mes']).toEqual(expect.arrayContaining(['制造执行系统']));
  });

  it('refuses field names that would need quoting in an expression', () => {
    expect(() => toMeiliSettings({ ...settings, sortable: ['price max'] })).toThrow(/identifiers/);
  });
});

describe('fromMeiliHit', () => {
  it('escapes the highlighted text and turns the markers into <em>', () => {
    const hit = fromMeiliHit(
      {
        id: 'x1',
        title: '<b>数控机床</b> & 联网',
        tags: ['a<', 'MES'],
        _rankingScore: 0.75,
        _formatted: {
          id: 'x1',
          title: `<b>${HIGHLIGHT_PRE}数控机床${HIGHLIGHT_POST}</b> & 联网`,
          tags: ['a<', `${HIGHLIGHT_PRE}MES${HIGHLIGHT_POST}`],
        },
      },
      ['title', 'tags', 'missing'],
    );
    expect(hit).toEqual({
      id: 'x1',
      score: 0.75,
      doc: { id: 'x1', title: '<b>数控机床</b> & 联网', tags: ['a<', 'MES'] },
      highlight: { title: '&lt;b&gt;<em>数控机床</em>&lt;/b&gt; &amp; 联网', tags: 'a&lt;, <em>MES</em>' },
    });
  });

  it('does not trust markers that were already in the text', () => {
    const raw = `odd ${HIGHLIGHT_PRE} text`;
    const hit = fromMeiliHit({ id: 'x', title: raw, _formatted: { id: 'x', title: raw } }, ['title']);
    expect(hit.highlight.title).toBe(`odd ${HIGHLIGHT_PRE} text`);
    expect(hit.highlight.title).not.toContain('<em>');
  });
});

// The contract needs a live server; CI has none, so it runs only where MEILI_HOST is set.
const host = process.env.MEILI_HOST;
(host ? describe : describe.skip)('with a Meilisearch server', () => {
  describeSearchEngineContract(
    'meilisearch',
    async () =>
      new MeilisearchSearchEngine({
        host: host ?? '',
        apiKey: process.env.MEILI_API_KEY,
        indexPrefix: `contract_${process.pid}_`,
      }),
  );
});

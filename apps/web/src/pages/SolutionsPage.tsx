import { Alert, Form, Select, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { FacetSelect } from '../components/FacetSelect';
import { NumberFilter } from '../components/NumberFilter';
import { showError } from '../components/feedback';
import { countActive, SearchLayout, SearchResults } from '../components/SearchLayout';
import { SolutionCard } from '../components/SolutionCard';
import { SmartSearchBox } from '../components/SmartSearchBox';
import { UnderstoodHint } from '../components/UnderstoodHint';
import { wanToFen, fenToWan } from '../format';
import { usePreloaded, useSkipFirstLoad } from '../preload';
import { usePageMeta } from '../usePageMeta';
import { LEVEL_NAMES, PROVIDER_KIND_NAMES } from '../labels';
import { searchSolutions } from '../search';
import type { SolutionResult, SearchOutcome } from '../search';
import { useTaxonomy } from '../taxonomy';
import { useUrlState } from '../useUrlState';

const PAGE_SIZE = 12;
const FACETS = ['industry', 'scenario', 'district', 'level', 'deliveryMode', 'providerKind'];
const FILTER_KEYS = [...FACETS, 'priceMaxFen', 'deployDaysMax'];
const SORTS = [
  { value: 'relevance', label: '按相关度' },
  { value: 'newest', label: '最新发布' },
  { value: 'price', label: '价格从低到高' },
  { value: '-price', label: '价格从高到低' },
  { value: 'deployDays', label: '部署最快' },
];
const LEVEL_OPTIONS = [1, 2, 3, 4].map((l) => ({ value: String(l), label: `适用${LEVEL_NAMES[l]}` }));
const KIND_OPTIONS = Object.entries(PROVIDER_KIND_NAMES).map(([value, label]) => ({ value, label }));

/** 解决方案目录: full-text search with filters, facet counts, sorting and pages. */
export default function SolutionsPage() {
  const taxonomy = useTaxonomy();
  const url = useUrlState();
  const { params } = url;
  const query = useMemo(
    () => ({
      q: params.get('q'),
      industry: params.get('industry'),
      scenario: params.get('scenario'),
      district: params.get('district'),
      level: params.get('level'),
      deliveryMode: params.get('deliveryMode'),
      providerKind: params.get('providerKind'),
      priceMaxFen: params.get('priceMaxFen'),
      deployDaysMax: params.get('deployDaysMax'),
      sort: params.get('sort') || 'relevance',
      facets: FACETS,
      page: params.get('page') || 1,
      pageSize: PAGE_SIZE,
    }),
    [params],
  );
  // Rendered on the server (the portal), the first page of results comes with the HTML.
  const preloaded = usePreloaded<Omit<SearchOutcome<SolutionResult>, 'searchAvailable'>>('/search/solutions', query);
  const [result, setResult] = useState<SearchOutcome<SolutionResult> | null>(
    preloaded?.status === 200 ? { ...preloaded.body, searchAvailable: true } : null,
  );
  const [loading, setLoading] = useState(result === null);
  const skip = useSkipFirstLoad(result !== null);
  usePageMeta('解决方案超市', '小快轻准数字化转型解决方案：按场景、行业、价格、部署周期筛选，查看服务商与应用案例。');

  const q = url.get('q');
  const sort = url.get('sort') || 'relevance';
  const page = url.number('page') ?? 1;
  const priceMaxFen = url.number('priceMaxFen');
  const deployDaysMax = url.number('deployDaysMax');

  useEffect(() => {
    if (skip()) return;
    let live = true;
    setLoading(true);
    searchSolutions(query)
      .then((r) => live && setResult(r), showError)
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [query, skip]);

  const facets = result?.facets ?? {};
  const filtersOn = result?.searchAvailable !== false;

  const filters = (
    <Form layout="vertical" size="small" disabled={!filtersOn}>
      <Form.Item label="行业">
        <FacetSelect
          placeholder="全部行业"
          options={taxonomy.options('industries')}
          counts={facets.industry}
          value={url.list('industry')}
          onChange={(v) => url.set({ industry: v })}
          testId="filter-industry"
        />
      </Form.Item>
      <Form.Item label="场景">
        <FacetSelect
          placeholder="全部场景"
          options={taxonomy.options('scenarios')}
          counts={facets.scenario}
          value={url.list('scenario')}
          onChange={(v) => url.set({ scenario: v })}
        />
      </Form.Item>
      <Form.Item label="服务区域">
        <FacetSelect
          placeholder="全部区县"
          options={taxonomy.options('districts')}
          counts={facets.district}
          value={url.list('district')}
          onChange={(v) => url.set({ district: v })}
        />
      </Form.Item>
      <Form.Item label="适用数字化水平">
        <FacetSelect
          placeholder="全部等级"
          options={LEVEL_OPTIONS}
          counts={facets.level}
          value={url.list('level')}
          onChange={(v) => url.set({ level: v })}
        />
      </Form.Item>
      <Form.Item label="交付方式">
        <FacetSelect
          placeholder="全部方式"
          options={taxonomy.options('deliveryModes')}
          counts={facets.deliveryMode}
          value={url.list('deliveryMode')}
          onChange={(v) => url.set({ deliveryMode: v })}
        />
      </Form.Item>
      <Form.Item label="服务商类型">
        <FacetSelect
          single
          placeholder="全部类型"
          options={KIND_OPTIONS}
          counts={facets.providerKind}
          value={url.list('providerKind')}
          onChange={(v) => url.set({ providerKind: v })}
        />
      </Form.Item>
      <Form.Item label="最高价格（万元）">
        <NumberFilter
          min={0}
          placeholder="不限"
          value={priceMaxFen === undefined ? undefined : fenToWan(priceMaxFen)}
          onCommit={(v) => url.set({ priceMaxFen: v === undefined ? undefined : wanToFen(v) })}
        />
      </Form.Item>
      <Form.Item label="最长部署周期（天）">
        <NumberFilter min={1} max={3650} placeholder="不限" value={deployDaysMax} onCommit={(v) => url.set({ deployDaysMax: v })} />
      </Form.Item>
    </Form>
  );

  return (
    <>
      <Typography.Title level={3} className="page-title">
        解决方案目录
      </Typography.Title>
      {result && !result.searchAvailable && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          message="搜索服务暂不可用：以下为全部已发布方案，筛选与排序暂不可用。"
        />
      )}
      <SearchLayout
        filters={filters}
        activeFilters={countActive(params, FILTER_KEYS)}
        toolbar={
          <>
            <SmartSearchBox
              key={q}
              defaultValue={q}
              placeholder="搜索方案，如：设备联网、MES、车间电费太高"
              onSearch={(value) => url.set({ q: value })}
              disabled={!filtersOn}
              data-testid="solution-search"
            />
            <Select
              aria-label="排序方式"
              style={{ width: 160 }}
              value={sort}
              options={SORTS}
              onChange={(v) => url.set({ sort: v })}
              disabled={!filtersOn}
            />
            {result && <Typography.Text type="secondary">共 {result.total} 个方案</Typography.Text>}
          </>
        }
      >
        {q && <UnderstoodHint result={result} onPick={(value) => url.set({ q: value })} />}
        <SearchResults
          result={result}
          loading={loading}
          empty="没有符合条件的方案"
          pageSize={PAGE_SIZE}
          page={page}
          onPage={(p) => url.set({ page: p })}
          renderItem={(hit) => <SolutionCard hit={hit} />}
        />
      </SearchLayout>
    </>
  );
}

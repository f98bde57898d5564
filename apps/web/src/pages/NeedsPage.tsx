import { Alert, Card, Form, Input, Select, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { CodeTags } from '../components/CodeTags';
import { FacetSelect } from '../components/FacetSelect';
import { NumberFilter } from '../components/NumberFilter';
import { countActive, SearchLayout, SearchResults } from '../components/SearchLayout';
import { showError } from '../components/feedback';
import { Highlight } from '../components/Highlight';
import { fenToWan, formatFen, formatTime, wanToFen } from '../format';
import { searchNeeds } from '../search';
import type { NeedResult, SearchOutcome } from '../search';
import { useTaxonomy } from '../taxonomy';
import { usePageMeta } from '../usePageMeta';
import { useUrlState } from '../useUrlState';

const PAGE_SIZE = 12;
const FACETS = ['industry', 'scenario', 'district'];
const FILTER_KEYS = [...FACETS, 'budgetMinFen', 'priceMaxFen', 'deployDaysMax'];
const SORTS = [
  { value: 'relevance', label: '按相关度' },
  { value: 'newest', label: '最新发布' },
  { value: 'deadline', label: '截止时间最近' },
  { value: '-budget', label: '预算从高到低' },
  { value: 'budget', label: '预算从低到高' },
];

/** 需求大厅: published needs, searchable and filterable like the catalogue. */
export default function NeedsPage() {
  const taxonomy = useTaxonomy();
  const url = useUrlState();
  const [result, setResult] = useState<SearchOutcome<NeedResult> | null>(null);
  const [loading, setLoading] = useState(true);
  usePageMeta('需求大厅', '沈阳中小企业发布的数字化改造需求：场景、预算、期望工期与投标截止时间，入库服务商可在线投标。');
  const { params } = url;
  const q = url.get('q');
  const page = url.number('page') ?? 1;
  const budgetMinFen = url.number('budgetMinFen');
  const priceMaxFen = url.number('priceMaxFen');
  const deployDaysMax = url.number('deployDaysMax');

  useEffect(() => {
    let live = true;
    setLoading(true);
    searchNeeds({
      q: params.get('q'),
      industry: params.get('industry'),
      scenario: params.get('scenario'),
      district: params.get('district'),
      budgetMinFen: params.get('budgetMinFen'),
      priceMaxFen: params.get('priceMaxFen'),
      deployDaysMax: params.get('deployDaysMax'),
      sort: params.get('sort') || 'relevance',
      facets: FACETS,
      page: params.get('page') || 1,
      pageSize: PAGE_SIZE,
    })
      .then((r) => live && setResult(r), showError)
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [params]);

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
      <Form.Item label="所在区县">
        <FacetSelect
          placeholder="全部区县"
          options={taxonomy.options('districts')}
          counts={facets.district}
          value={url.list('district')}
          onChange={(v) => url.set({ district: v })}
        />
      </Form.Item>
      <Form.Item label="预算范围（万元）">
        <Space.Compact style={{ width: '100%' }}>
          <NumberFilter
            style={{ width: '50%' }}
            min={0}
            placeholder="最低"
            value={budgetMinFen === undefined ? undefined : fenToWan(budgetMinFen)}
            onCommit={(v) => url.set({ budgetMinFen: v === undefined ? undefined : wanToFen(v) })}
          />
          <NumberFilter
            style={{ width: '50%' }}
            min={0}
            placeholder="最高"
            value={priceMaxFen === undefined ? undefined : fenToWan(priceMaxFen)}
            onCommit={(v) => url.set({ priceMaxFen: v === undefined ? undefined : wanToFen(v) })}
          />
        </Space.Compact>
      </Form.Item>
      <Form.Item label="期望工期不超过（天）">
        <NumberFilter min={1} max={3650} placeholder="不限" value={deployDaysMax} onCommit={(v) => url.set({ deployDaysMax: v })} />
      </Form.Item>
    </Form>
  );

  return (
    <>
      <Typography.Title level={3} className="page-title">
        需求大厅
      </Typography.Title>
      {result && !result.searchAvailable && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          message="搜索服务暂不可用：以下为全部征集中的需求，筛选与排序暂不可用。"
        />
      )}
      <SearchLayout
        filters={filters}
        activeFilters={countActive(params, FILTER_KEYS)}
        toolbar={
          <>
            <Input.Search
              key={q}
              defaultValue={q}
              placeholder="搜索需求，如：排产、质量追溯、能耗监测"
              enterButton="搜索"
              allowClear
              style={{ width: 420, maxWidth: '100%' }}
              onSearch={(value) => url.set({ q: value.trim() })}
              disabled={!filtersOn}
            />
            <Select
              aria-label="排序方式"
              style={{ width: 160 }}
              value={url.get('sort') || 'relevance'}
              options={SORTS}
              onChange={(v) => url.set({ sort: v })}
              disabled={!filtersOn}
            />
            {result && <Typography.Text type="secondary">共 {result.total} 项需求</Typography.Text>}
          </>
        }
      >
        <SearchResults
          result={result}
          loading={loading}
          empty="没有符合条件的需求"
          pageSize={PAGE_SIZE}
          page={page}
          onPage={(p) => url.set({ page: p })}
          renderItem={(hit) => (
            <Card
              className="hit-card"
              data-testid="need-card"
              size="small"
              title={
                <Link to={`/needs/${hit.id}`}>
                  <Highlight hit={hit} field="title" text={hit.title} />
                </Link>
              }
            >
              <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
                {hit.enterpriseName}
                {hit.district ? ` · ${taxonomy.name('districts', hit.district)}` : ''}
                {hit.industry ? ` · ${taxonomy.name('industries', hit.industry)}` : ''}
              </Typography.Paragraph>
              {/* Clamped by CSS, not antd's measuring `ellipsis` (see SolutionCard). */}
              <Typography.Paragraph className="clamp-3">
                <Highlight hit={hit} field="description" text={hit.description} />
              </Typography.Paragraph>
              <CodeTags list="scenarios" codes={hit.scenarios} color="geekblue" max={3} />
              <Space split="·" wrap style={{ marginTop: 8 }}>
                {hit.budgetFen !== undefined && (
                  <Typography.Text strong style={{ color: '#cf1322' }}>
                    预算 {formatFen(hit.budgetFen)}
                  </Typography.Text>
                )}
                {hit.expectedDays !== undefined && <span>期望 {hit.expectedDays} 天</span>}
                {hit.bidDeadline !== undefined && <span>截止 {formatTime(hit.bidDeadline)}</span>}
              </Space>
            </Card>
          )}
        />
      </SearchLayout>
    </>
  );
}

import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, Row, Segmented, Select, Space, Spin, Table, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { api, toQueryString } from '../api';
import { showError } from '../components/feedback';
import { formatTime } from '../format';
import { useTaxonomy } from '../taxonomy';
import type { UnmetBucketView, UnmetDemandView, Wire } from '@smedx/contracts';

// ---- The answer of GET /search/unmet-demand ----

type Bucket = Wire<UnmetBucketView>;
type UnmetDemand = Wire<UnmetDemandView>;

/** 未满足需求: what enterprises search for and do not find, so the city knows which providers to recruit. */
export default function UnmetDemandPage() {
  const taxonomy = useTaxonomy();
  const [weeks, setWeeks] = useState(12);
  const [target, setTarget] = useState<'solutions' | 'needs'>('solutions');
  const [report, setReport] = useState<UnmetDemand | null>(null);
  const [loading, setLoading] = useState(false);
  const query = useMemo(() => {
    const to = new Date();
    return { from: new Date(to.getTime() - weeks * 7 * 86_400_000).toISOString(), to: to.toISOString(), target };
  }, [weeks, target]);

  useEffect(() => {
    setLoading(true);
    api
      .get('/search/unmet-demand', query)
      .then(setReport, showError)
      .finally(() => setLoading(false));
  }, [query]);

  const buckets = (title: string, rows: Bucket[] | undefined) => (
    <Card size="small" title={title}>
      {rows?.length ? (
        <Table
          size="small"
          rowKey="key"
          pagination={false}
          dataSource={rows}
          columns={[
            { title: '名称', dataIndex: 'name' },
            { title: '次数', dataIndex: 'count', width: 80 },
          ]}
        />
      ) : (
        <Empty description="暂无记录" />
      )}
    </Card>
  );

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={3}>未满足需求</Typography.Title>
      <Typography.Paragraph type="secondary">
        企业搜索了却几乎找不到结果的内容（不记录搜索人），按周、场景和行业统计，供招募服务商参考。
      </Typography.Paragraph>
      <Space wrap>
        <Select
          style={{ width: 140 }}
          value={weeks}
          onChange={setWeeks}
          options={[4, 12, 26, 52].map((w) => ({ value: w, label: `最近 ${w} 周` }))}
        />
        <Segmented
          value={target}
          options={[
            { value: 'solutions', label: '搜索方案' },
            { value: 'needs', label: '搜索需求' },
          ]}
          onChange={(v) => setTarget(v as 'solutions' | 'needs')}
        />
        <Button
          icon={<DownloadOutlined />}
          onClick={() => api.download(`/search/unmet-demand/export.xlsx${toQueryString(query)}`, '未满足需求.xlsx').catch(showError)}
        >
          导出 Excel
        </Button>
        {report && <Typography.Text type="secondary">共 {report.total} 次搜索</Typography.Text>}
      </Space>
      <Spin spinning={loading}>
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={8}>
            {buckets('按周', report?.byWeek)}
          </Col>
          <Col xs={24} lg={8}>
            {buckets('按场景', report?.byScenario)}
          </Col>
          <Col xs={24} lg={8}>
            {buckets('按行业', report?.byIndustry)}
          </Col>
          <Col span={24}>
            <Card size="small" title="搜索内容">
              <Table
                size="small"
                rowKey="query"
                dataSource={report?.queries ?? []}
                columns={[
                  { title: '搜索内容', dataIndex: 'query' },
                  { title: '次数', dataIndex: 'count', width: 80 },
                  { title: '无结果', dataIndex: 'zeroCount', width: 80 },
                  {
                    title: '涉及场景',
                    dataIndex: 'scenarios',
                    render: (codes: string[]) => codes.map((c) => <Tag key={c}>{taxonomy.name('scenarios', c)}</Tag>),
                  },
                  {
                    title: '涉及行业',
                    dataIndex: 'industries',
                    render: (codes: string[]) => codes.map((c) => <Tag key={c}>{taxonomy.name('industries', c)}</Tag>),
                  },
                  { title: '最近一次', dataIndex: 'lastAt', width: 170, render: (v: string) => formatTime(v) },
                ]}
              />
            </Card>
          </Col>
        </Row>
      </Spin>
    </Space>
  );
}

import { Card, Col, Row, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../api';
import type { PilotPool, PilotPoolItem } from '../api';
import { showError } from '../components/feedback';
import { formatDate } from '../format';
import { LEVEL_NAMES, SCALE_NAMES } from '../labels';
import { useTaxonomy } from '../taxonomy';

const PAGE_SIZE = 20;
const BASIS_NAMES: Record<string, string> = { should: '应改尽改', willing: '愿改尽改' };

/** 试点企业库: the dynamic pilot pool by batch, industry and district. */
export default function PilotPoolPage() {
  const taxonomy = useTaxonomy();
  const [filter, setFilter] = useState<{ batch?: string; industry?: string; district?: string }>({});
  const [page, setPage] = useState(1);
  const [data, setData] = useState<PilotPool | null>(null);

  useEffect(() => {
    setData(null);
    api.get('/pilot-pool', { ...filter, page, pageSize: PAGE_SIZE }).then(setData, showError);
  }, [filter, page]);

  const change = (key: keyof typeof filter) => (value: string | undefined) => {
    setFilter((f) => ({ ...f, [key]: value }));
    setPage(1);
  };

  return (
    <>
      <Typography.Title level={3} className="page-title">
        试点企业库
      </Typography.Title>
      <Row gutter={16} style={{ marginBottom: 16 }}>
        {(data?.counts?.byBatch ?? []).map((b) => (
          <Col key={b.code} xs={12} md={6}>
            <Card size="small">
              <Statistic title={b.name} value={b.count} suffix="家" />
            </Card>
          </Col>
        ))}
      </Row>
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <Select
            allowClear
            placeholder="试点批次"
            style={{ width: 200 }}
            options={taxonomy.options('pilotBatches')}
            value={filter.batch}
            onChange={change('batch')}
          />
          <Select
            allowClear
            placeholder="行业"
            style={{ width: 220 }}
            options={taxonomy.options('industries')}
            value={filter.industry}
            onChange={change('industry')}
          />
          <Select
            allowClear
            placeholder="区县"
            style={{ width: 160 }}
            options={taxonomy.options('districts')}
            value={filter.district}
            onChange={change('district')}
          />
        </Space>
        <Table<PilotPoolItem>
          rowKey="id"
          loading={!data}
          dataSource={data?.items ?? []}
          pagination={{ current: page, pageSize: PAGE_SIZE, total: data?.total ?? 0, onChange: setPage, showTotal: (t) => `共 ${t} 家` }}
          columns={[
            { title: '企业', dataIndex: 'name' },
            { title: '批次', dataIndex: 'pilotBatch', render: (b: string) => <Tag color="blue">{taxonomy.name('pilotBatches', b)}</Tag> },
            { title: '行业', dataIndex: 'industry', render: (c: string) => taxonomy.name('industries', c) },
            { title: '区县', dataIndex: 'district', render: (c: string) => taxonomy.name('districts', c) },
            { title: '规模', dataIndex: 'scale', render: (s: string) => SCALE_NAMES[s] ?? s },
            { title: '入库原则', dataIndex: 'enrolmentBasis', render: (b: string) => BASIS_NAMES[b] ?? b },
            { title: '数字化水平', dataIndex: 'digitalLevel', render: (l: number | null) => (l ? LEVEL_NAMES[l] : '未评估') },
            { title: '入库日期', dataIndex: 'enrolledAt', render: (t: string) => formatDate(t) },
          ]}
        />
      </Card>
    </>
  );
}

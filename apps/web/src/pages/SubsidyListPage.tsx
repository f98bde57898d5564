import { Button, Card, Select, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../api';
import type { Page } from '../api';
import { membershipsOf, useUser } from '../auth';
import { showError } from '../components/feedback';
import { formatFen, formatTime } from '../format';
import { SUBSIDY_STATUS_COLORS, SUBSIDY_STATUS_NAMES } from '../subsidy';
import type { SubsidyApplication } from '../subsidy';
import { useTaxonomy } from '../taxonomy';
import { ResponsiveTable } from '../components/ResponsiveTable';

/** 专项资金: the applications this user may see (own / district / all), by status. */
export default function SubsidyListPage() {
  const user = useUser();
  const taxonomy = useTaxonomy();
  const [status, setStatus] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const [data, setData] = useState<Page<SubsidyApplication> | null>(null);
  const [loading, setLoading] = useState(false);
  const isMember = membershipsOf(user, 'enterprise').length > 0;

  useEffect(() => {
    setLoading(true);
    api
      .get('/subsidy-applications', { status, page, pageSize: 20 })
      .then(setData, showError)
      .finally(() => setLoading(false));
  }, [status, page]);

  return (
    <Card
      title="专项资金申请"
      extra={
        isMember && (
          <Link to="/subsidy/new">
            <Button type="primary">申请专项资金</Button>
          </Link>
        )
      }
    >
      <Space style={{ marginBottom: 16 }}>
        <Typography.Text>状态：</Typography.Text>
        <Select
          allowClear
          placeholder="全部"
          style={{ width: 180 }}
          value={status}
          onChange={(v) => {
            setStatus(v);
            setPage(1);
          }}
          options={Object.entries(SUBSIDY_STATUS_NAMES).map(([value, label]) => ({ value, label }))}
          data-testid="subsidy-status-filter"
        />
      </Space>
      <ResponsiveTable
        rowKey="id"
        loading={loading}
        dataSource={data?.items ?? []}
        data-testid="subsidy-list"
        pagination={{ current: page, pageSize: 20, total: data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        columns={[
          {
            title: '企业',
            render: (_, a) => (
              <Link to={`/subsidy/${a.id}`} data-testid="subsidy-link">
                {a.enterpriseName ?? a.enterpriseId}
              </Link>
            ),
          },
          { title: '区县', dataIndex: 'district', render: (d: string) => taxonomy.name('districts', d) },
          { title: '总投资', dataIndex: 'totalInvestmentFen', render: (f: number) => formatFen(f) },
          { title: '申请补贴', dataIndex: 'amountFen', render: (f: number) => formatFen(f) },
          {
            title: '状态',
            dataIndex: 'status',
            render: (s: string) => <Tag color={SUBSIDY_STATUS_COLORS[s]}>{SUBSIDY_STATUS_NAMES[s] ?? s}</Tag>,
          },
          { title: '提交时间', dataIndex: 'submittedAt', render: (t: string) => formatTime(t) },
        ]}
      />
    </Card>
  );
}

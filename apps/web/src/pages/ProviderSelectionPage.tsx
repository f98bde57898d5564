import { Button, Card, Input, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../api';
import type { Page, Provider, ProviderStatus, SelectionDecision } from '../api';
import { CodeTags } from '../components/CodeTags';
import { showError, showSuccess } from '../components/feedback';
import { ReasonModal } from '../components/ReasonModal';
import { formatTime } from '../format';
import { PROVIDER_KIND_NAMES, PROVIDER_STATUS_COLORS, PROVIDER_STATUS_NAMES, SELECTION_ACTIONS, SELECTION_DECISION_NAMES } from '../labels';

const STATUSES: ProviderStatus[] = ['pending', 'approved', 'rejected', 'suspended'];
const PAGE_SIZE = 20;

/**
 * 服务商遴选: city officers approve, reject, suspend or reinstate providers, each with a reason.
 * Approval needs the business licence on file (the API answers 409 naming it otherwise).
 */
export default function ProviderSelectionPage() {
  const [status, setStatus] = useState<ProviderStatus>('pending');
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [data, setData] = useState<Page<Provider> | null>(null);
  const [deciding, setDeciding] = useState<{ provider: Provider; decision: SelectionDecision } | null>(null);

  const load = useCallback(() => {
    setData(null);
    api.get('/providers', { status, q: q || undefined, page, pageSize: PAGE_SIZE }).then(setData, showError);
  }, [status, q, page]);
  useEffect(load, [load]);

  const decide = async (reason: string) => {
    if (!deciding) return;
    try {
      const updated = await api.post('/providers/:id/selection', { id: deciding.provider.id }, { decision: deciding.decision, reason });
      showSuccess(`${updated.name}：${PROVIDER_STATUS_NAMES[updated.status] ?? updated.status}`);
      setDeciding(null);
      load();
    } catch (e) {
      showError(e);
    }
  };

  return (
    <>
      <Typography.Title level={3} className="page-title">
        服务商遴选
      </Typography.Title>
      <Card>
        <Space style={{ marginBottom: 8 }}>
          <Input.Search
            placeholder="按名称查找"
            allowClear
            onSearch={(v) => {
              setQ(v.trim());
              setPage(1);
            }}
            style={{ width: 280 }}
          />
        </Space>
        <Tabs
          activeKey={status}
          onChange={(key) => {
            setStatus(key as ProviderStatus);
            setPage(1);
          }}
          items={STATUSES.map((s) => ({ key: s, label: PROVIDER_STATUS_NAMES[s] }))}
        />
        <Table<Provider>
          rowKey="id"
          loading={!data}
          dataSource={data?.items ?? []}
          pagination={{ current: page, pageSize: PAGE_SIZE, total: data?.total ?? 0, onChange: setPage, showTotal: (t) => `共 ${t} 家` }}
          expandable={{
            expandedRowRender: (p) => <Typography.Paragraph className="pre-wrap">{p.description || '（无简介）'}</Typography.Paragraph>,
          }}
          columns={[
            {
              title: '服务商',
              dataIndex: 'name',
              // The provider's page carries its 遴选材料 (licence, certificates), which approval requires.
              render: (name: string, p) => <Link to={`/providers/${p.id}#documents`}>{name}</Link>,
            },
            { title: '统一社会信用代码', dataIndex: 'uscc', render: (u: string) => <Typography.Text code>{u}</Typography.Text> },
            { title: '类型', dataIndex: 'kind', render: (k: string) => PROVIDER_KIND_NAMES[k] ?? k },
            { title: '服务区域', dataIndex: 'districts', render: (d: string[]) => <CodeTags list="districts" codes={d} max={3} /> },
            {
              title: '状态',
              dataIndex: 'status',
              render: (s: string) => <Tag color={PROVIDER_STATUS_COLORS[s]}>{PROVIDER_STATUS_NAMES[s] ?? s}</Tag>,
            },
            { title: '申请时间', dataIndex: 'createdAt', render: (t: string) => formatTime(t) },
            {
              title: '操作',
              render: (_, p) => (
                <Space>
                  {(SELECTION_ACTIONS[p.status] ?? []).map((decision) => (
                    <Button
                      key={decision}
                      size="small"
                      type={decision === 'approve' || decision === 'reinstate' ? 'primary' : 'default'}
                      danger={decision === 'reject' || decision === 'suspend'}
                      onClick={() => setDeciding({ provider: p, decision })}
                    >
                      {SELECTION_DECISION_NAMES[decision]}
                    </Button>
                  ))}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <ReasonModal
        open={deciding !== null}
        title={deciding ? `${SELECTION_DECISION_NAMES[deciding.decision]}：${deciding.provider.name}` : ''}
        onSubmit={decide}
        onCancel={() => setDeciding(null)}
      />
    </>
  );
}

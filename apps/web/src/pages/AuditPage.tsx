import { Card, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { AUDIT_ACTION_NAMES, AUDIT_ENTITY_NAMES, auditActionNameZh } from '@smedx/contracts';
import { useEffect, useState } from 'react';
import { api } from '../api';
import type { AuditEntry, Page } from '../api';
import { showError } from '../components/feedback';
import { formatTime } from '../format';

const PAGE_SIZE = 20;

/** 审计日志: who decided what, when and why. */
export default function AuditPage() {
  const [filter, setFilter] = useState<{ entityType?: string; action?: string; entityId?: string }>({});
  const [page, setPage] = useState(1);
  const [data, setData] = useState<Page<AuditEntry> | null>(null);

  useEffect(() => {
    setData(null);
    api.get('/audit', { ...filter, page, pageSize: PAGE_SIZE }).then(setData, showError);
  }, [filter, page]);

  const search = (key: keyof typeof filter) => (value: string) => {
    setFilter((f) => ({ ...f, [key]: value.trim() || undefined }));
    setPage(1);
  };

  return (
    <>
      <Typography.Title level={3} className="page-title">
        审计日志
      </Typography.Title>
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <Select
            placeholder="对象类型"
            allowClear
            showSearch
            optionFilterProp="label"
            options={Object.entries(AUDIT_ENTITY_NAMES).map(([value, label]) => ({ value, label }))}
            onChange={(v?: string) => search('entityType')(v ?? '')}
            style={{ width: 180 }}
          />
          <Select
            placeholder="操作"
            allowClear
            showSearch
            optionFilterProp="label"
            options={Object.entries(AUDIT_ACTION_NAMES).map(([value, label]) => ({ value, label }))}
            onChange={(v?: string) => search('action')(v ?? '')}
            style={{ width: 240 }}
          />
          <Input.Search placeholder="对象 ID" allowClear onSearch={search('entityId')} style={{ width: 320 }} />
        </Space>
        <Table<AuditEntry>
          rowKey="id"
          size="small"
          loading={!data}
          dataSource={data?.items ?? []}
          pagination={{ current: page, pageSize: PAGE_SIZE, total: data?.total ?? 0, onChange: setPage, showTotal: (t) => `共 ${t} 条` }}
          expandable={{
            rowExpandable: (row) => row.data !== null,
            expandedRowRender: (row) => <pre style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{JSON.stringify(row.data, null, 2)}</pre>,
          }}
          columns={[
            { title: '时间', dataIndex: 'at', width: 150, render: (t: string) => formatTime(t) },
            { title: '操作', dataIndex: 'action', render: (a: string) => <Tag color="blue">{auditActionNameZh(a)}</Tag> },
            {
              title: '对象',
              dataIndex: 'entityType',
              render: (t: string, row) => (
                <span>
                  {AUDIT_ENTITY_NAMES[t] ?? t} <Typography.Text type="secondary">{row.entityId.slice(0, 8)}</Typography.Text>
                </span>
              ),
            },
            {
              title: '操作人',
              dataIndex: 'actorName',
              render: (name: string | null, row) => (row.actorId ? (name ?? '已注销用户') : '系统'),
            },
            { title: '理由', dataIndex: 'reason', render: (r: string | null) => r ?? '—' },
          ]}
        />
      </Card>
    </>
  );
}

import { Button, Card, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../api';
import type { Enterprise, Page } from '../api';
import { LEVEL_NAMES, SCALE_NAMES } from '../labels';
import { useTaxonomy } from '../taxonomy';
import { showError, showSuccess } from './feedback';
import { ReasonModal } from './ReasonModal';

const PAGE_SIZE = 10;

/**
 * 链主企业认定 (city officers): find an enterprise by name, industry or district and mark it
 * as a chain leader (链主), or withdraw the mark, with a reason for the audit trail.
 */
export function ChainLeaderMarking() {
  const taxonomy = useTaxonomy();
  const [filter, setFilter] = useState<{ q?: string; industry?: string; district?: string }>({});
  const [page, setPage] = useState(1);
  const [data, setData] = useState<Page<Enterprise> | null>(null);
  const [deciding, setDeciding] = useState<Enterprise | null>(null);

  const load = useCallback(() => {
    setData(null);
    api.get('/enterprises', { ...filter, page, pageSize: PAGE_SIZE }).then(setData, (e) => {
      showError(e);
      setData({ items: [], total: 0, page, pageSize: PAGE_SIZE });
    });
  }, [filter, page]);
  useEffect(load, [load]);

  const change = (next: typeof filter) => {
    setFilter((f) => ({ ...f, ...next }));
    setPage(1);
  };

  const decide = async (enterprise: Enterprise, reason: string) => {
    const marking = !enterprise.isChainLeader;
    try {
      const result = await api.post(
        '/enterprises/:id/chain-leader',
        { id: enterprise.id },
        {
          isChainLeader: marking,
          ...(reason ? { reason } : {}),
        },
      );
      showSuccess(marking ? `已认定 ${result.name} 为链主企业` : `已撤销 ${result.name} 的链主认定`);
      setDeciding(null);
      load();
    } catch (e) {
      showError(e);
    }
  };

  return (
    <Card title="链主企业认定" data-testid="chain-leader-marking">
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder="按企业名称查找"
          style={{ width: 260 }}
          onSearch={(q) => change({ q: q.trim() || undefined })}
        />
        <Select
          allowClear
          placeholder="行业"
          style={{ width: 220 }}
          options={taxonomy.options('industries')}
          value={filter.industry}
          onChange={(industry) => change({ industry })}
        />
        <Select
          allowClear
          placeholder="区县"
          style={{ width: 160 }}
          options={taxonomy.options('districts')}
          value={filter.district}
          onChange={(district) => change({ district })}
        />
      </Space>
      <Table<Enterprise>
        rowKey="id"
        size="small"
        loading={!data}
        dataSource={data?.items ?? []}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: data?.total ?? 0, onChange: setPage, showTotal: (t) => `共 ${t} 家` }}
        columns={[
          {
            title: '企业',
            dataIndex: 'name',
            render: (name: string, e) => (
              <Space>
                <span>{name}</span>
                {e.isChainLeader && <Tag color="purple">链主企业</Tag>}
              </Space>
            ),
          },
          { title: '行业', dataIndex: 'industry', render: (c: string) => taxonomy.name('industries', c) },
          { title: '区县', dataIndex: 'district', render: (c: string) => taxonomy.name('districts', c) },
          { title: '规模', dataIndex: 'scale', render: (s: string) => SCALE_NAMES[s] ?? s },
          { title: '数字化水平', dataIndex: 'digitalLevel', render: (l: number | null) => (l ? LEVEL_NAMES[l] : '未评估') },
          {
            title: '操作',
            key: 'actions',
            render: (_, e) =>
              e.isChainLeader ? (
                <Button size="small" danger onClick={() => setDeciding(e)}>
                  撤销认定
                </Button>
              ) : (
                <Button size="small" type="primary" onClick={() => setDeciding(e)} data-testid="mark-chain-leader">
                  认定为链主
                </Button>
              ),
          },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        认定后，该企业成员可创建产业链并邀请上下游企业加入（链式转型）；认定与撤销均记入审计日志。已创建的产业链见上方列表，
        <Link to="/audit">审计日志</Link>可查看认定记录。
      </Typography.Paragraph>
      <ReasonModal
        open={!!deciding}
        required={!!deciding?.isChainLeader}
        title={deciding ? `${deciding.isChainLeader ? '撤销链主认定' : '认定为链主企业'}：${deciding.name}` : ''}
        onCancel={() => setDeciding(null)}
        onSubmit={(reason) => (deciding ? decide(deciding, reason) : Promise.resolve())}
      />
    </Card>
  );
}

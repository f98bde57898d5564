import { Button, Form, Input, Modal, Popconfirm, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../api';
import type { Page } from '../api';
import { isMemberOf, useUser } from '../auth';
import type { Chain, ChainMember } from '../chains';
import { formatDate } from '../format';
import { CHAIN_POSITION_NAMES } from '../labels';
import { useTaxonomy } from '../taxonomy';
import { showError, showSuccess } from './feedback';

const PAGE_SIZE = 20;

/**
 * 成员企业 (everyone who sees the chain): members upstream first; a member's own people
 * decide whether it is a site of the chain's joint needs (同意作为联合需求实施点) and withdraw.
 */
export function ChainMembersPanel({ chain, onChanged }: { chain: Chain; onChanged: () => void }) {
  const user = useUser();
  const taxonomy = useTaxonomy();
  const [position, setPosition] = useState<'' | 'upstream' | 'downstream'>('');
  const [page, setPage] = useState(1);
  const [data, setData] = useState<Page<ChainMember> | null>(null);
  const [optingIn, setOptingIn] = useState<ChainMember | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [form] = Form.useForm<{ siteNote?: string }>();

  const load = useCallback(() => {
    api.get('/chains/:id/members', { id: chain.id }, { position, page, pageSize: PAGE_SIZE }).then(setData, showError);
  }, [chain.id, position, page]);
  useEffect(load, [load]);

  const consent = async (member: ChainMember, action: 'opt-in' | 'opt-out', body: unknown) => {
    setBusy(member.enterpriseId);
    try {
      await api.post(`/chains/:id/members/:enterpriseId/${action}`, { id: chain.id, enterpriseId: member.enterpriseId }, body);
      showSuccess(action === 'opt-in' ? '已同意作为联合需求实施点' : '已退出后续联合需求');
      setOptingIn(null);
      load();
      onChanged();
    } catch (e) {
      showError(e);
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      <Segmented
        style={{ marginBottom: 16 }}
        value={position}
        onChange={(v) => {
          setPosition(v as typeof position);
          setPage(1);
        }}
        options={[
          { value: '', label: `全部（${chain.memberCounts.total}）` },
          { value: 'upstream', label: `上游（${chain.memberCounts.upstream}）` },
          { value: 'downstream', label: `下游（${chain.memberCounts.downstream}）` },
        ]}
      />
      <Table<ChainMember>
        rowKey="enterpriseId"
        size="small"
        loading={!data}
        dataSource={data?.items ?? []}
        data-testid="chain-members"
        pagination={{ current: page, pageSize: PAGE_SIZE, total: data?.total ?? 0, onChange: setPage, hideOnSinglePage: true }}
        locale={{ emptyText: '尚无成员企业' }}
        columns={[
          {
            title: '企业',
            dataIndex: 'name',
            render: (name: string, m) => (
              <Space>
                <span>{name}</span>
                {isMemberOf(user, m.enterpriseId) && <Tag color="blue">本企业</Tag>}
              </Space>
            ),
          },
          {
            title: '位置',
            dataIndex: 'position',
            render: (p: string) => <Tag color={p === 'upstream' ? 'geekblue' : 'cyan'}>{CHAIN_POSITION_NAMES[p] ?? p}</Tag>,
          },
          { title: '行业', dataIndex: 'industry', render: (c: string) => taxonomy.name('industries', c) },
          { title: '区县', dataIndex: 'district', render: (c: string) => taxonomy.name('districts', c) },
          {
            title: '联合需求实施点',
            render: (_, m) =>
              m.jointNeeds === 'opted_in' ? (
                <Space direction="vertical" size={0}>
                  <Tag color="green">已同意</Tag>
                  {m.siteNote && <Typography.Text type="secondary">{m.siteNote}</Typography.Text>}
                </Space>
              ) : (
                <Tag>未参与</Tag>
              ),
          },
          { title: '加入日期', dataIndex: 'joinedAt', render: (t: string) => formatDate(t) },
          {
            title: '操作',
            key: 'actions',
            render: (_, m) =>
              !isMemberOf(user, m.enterpriseId) ? null : m.jointNeeds === 'opted_in' ? (
                <Popconfirm title="退出后，链主发布的新联合需求不再以本企业为实施点，确定？" onConfirm={() => consent(m, 'opt-out', {})}>
                  <Button size="small" loading={busy === m.enterpriseId}>
                    退出联合需求
                  </Button>
                </Popconfirm>
              ) : (
                <Button size="small" type="primary" onClick={() => setOptingIn(m)}>
                  同意作为实施点
                </Button>
              ),
          },
        ]}
      />
      <Modal
        open={!!optingIn}
        title="同意作为联合需求实施点"
        okText="同意"
        cancelText="取消"
        confirmLoading={!!optingIn && busy === optingIn.enterpriseId}
        destroyOnHidden
        onCancel={() => setOptingIn(null)}
        onOk={async () => {
          const { siteNote } = await form.validateFields();
          if (optingIn) await consent(optingIn, 'opt-in', siteNote?.trim() ? { siteNote: siteNote.trim() } : {});
        }}
      >
        <Typography.Paragraph>
          同意后，链主企业可代表产业链发布联合需求（联合需求），以 {optingIn?.name} 作为实施点之一；服务商将一并投标。可随时退出。
        </Typography.Paragraph>
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item name="siteNote" label="实施点说明（可选）">
            <Input maxLength={200} showCount placeholder="如：二号车间 12 台数控机床联网" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

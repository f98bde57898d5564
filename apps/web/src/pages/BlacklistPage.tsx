import { Button, Card, Form, Input, Modal, Select, Space, Table, Tag } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { api, fieldProblems } from '../api';
import { hasRole, useUser } from '../auth';
import { useOrganisationSearch } from '../components/useOrganisationSearch';
import { showError, showSuccess } from '../components/feedback';
import { ReasonModal } from '../components/ReasonModal';
import { formatDate } from '../format';
import { BLACKLIST_SOURCE_NAMES } from '../subsidy';
import type { BlacklistEntry } from '../subsidy';

/** Picks one enterprise by name search. */
function EnterprisePicker({ value, onChange, id }: { value?: string; onChange?: (v: string) => void; id?: string }) {
  const { query, setQuery, found } = useOrganisationSearch('/enterprises');
  return (
    <Select
      id={id}
      showSearch
      value={value}
      onChange={onChange}
      onSearch={setQuery}
      filterOption={false}
      options={found}
      placeholder="输入企业名称搜索"
      notFoundContent={query ? '未找到' : '输入名称搜索'}
    />
  );
}

/** 黑名单: city and district officers read it; the city adds entries and lifts them. */
export default function BlacklistPage() {
  const user = useUser();
  const city = hasRole(user, 'city_officer');
  const [active, setActive] = useState<string>('true');
  const [items, setItems] = useState<BlacklistEntry[]>([]);
  const [loading, setLoading] = useState(false);
  const [adding, setAdding] = useState(false);
  const [lifting, setLifting] = useState<BlacklistEntry | null>(null);
  const [form] = Form.useForm<{ enterpriseId: string; reason: string }>();

  const load = useCallback(() => {
    setLoading(true);
    api
      .get('/blacklist', { active: active === 'all' ? undefined : active, pageSize: 100 })
      .then((r) => setItems(r.items), showError)
      .finally(() => setLoading(false));
  }, [active]);
  useEffect(load, [load]);

  const columns = useMemo(
    () => [
      { title: '企业', render: (_: unknown, e: BlacklistEntry) => e.enterpriseName ?? e.enterpriseId },
      { title: '来源', dataIndex: 'source', render: (s: string) => BLACKLIST_SOURCE_NAMES[s] ?? s },
      { title: '理由', dataIndex: 'reason' },
      { title: '起始', dataIndex: 'from', render: (t: string) => formatDate(t) },
      { title: '截止', dataIndex: 'until', render: (t: string) => formatDate(t) },
      {
        title: '状态',
        render: (_: unknown, e: BlacklistEntry) =>
          e.active ? (
            <Tag color="red">生效中</Tag>
          ) : e.lifted ? (
            <Tag>已解除{e.liftReason ? `：${e.liftReason}` : ''}</Tag>
          ) : (
            <Tag>已到期</Tag>
          ),
      },
      ...(city
        ? [
            {
              title: '操作',
              render: (_: unknown, e: BlacklistEntry) =>
                e.active ? (
                  <Button size="small" onClick={() => setLifting(e)}>
                    提前解除
                  </Button>
                ) : null,
            },
          ]
        : []),
    ],
    [city],
  );

  return (
    <Card
      title="专项资金黑名单"
      extra={
        city && (
          <Button type="primary" danger onClick={() => setAdding(true)}>
            列入黑名单
          </Button>
        )
      }
    >
      <Space style={{ marginBottom: 16 }}>
        <Select
          value={active}
          onChange={setActive}
          style={{ width: 160 }}
          options={[
            { value: 'true', label: '生效中' },
            { value: 'false', label: '已失效' },
            { value: 'all', label: '全部' },
          ]}
        />
      </Space>
      <Table rowKey="id" loading={loading} dataSource={items} columns={columns} data-testid="blacklist" pagination={{ pageSize: 20 }} />
      <Modal
        open={adding}
        title="列入黑名单（三年）"
        okText="列入"
        okButtonProps={{ danger: true }}
        cancelText="取消"
        destroyOnHidden
        onCancel={() => setAdding(false)}
        onOk={async () => {
          const v = await form.validateFields();
          try {
            await api.post('/blacklist', { enterpriseId: v.enterpriseId, reason: v.reason.trim() });
            showSuccess('已列入黑名单');
            setAdding(false);
            form.resetFields();
            load();
          } catch (e) {
            const problems = fieldProblems(e).filter((p) => p.field === 'enterpriseId' || p.field === 'reason');
            if (problems.length) form.setFields(problems.map((p) => ({ name: p.field as 'reason', errors: [p.reason] })));
            showError(e);
          }
        }}
      >
        <Form form={form} name="blacklistAdd" layout="vertical">
          <Form.Item name="enterpriseId" label="企业" rules={[{ required: true, message: '请选择企业' }]}>
            <EnterprisePicker />
          </Form.Item>
          <Form.Item name="reason" label="理由" rules={[{ required: true, whitespace: true, message: '请填写理由' }]}>
            <Input.TextArea rows={4} maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>
      <ReasonModal
        open={!!lifting}
        title={`提前解除：${lifting?.enterpriseName ?? ''}`}
        onCancel={() => setLifting(null)}
        onSubmit={async (reason) => {
          try {
            await api.post('/blacklist/:id/lift', { id: lifting!.id }, { reason });
            showSuccess('已解除');
            setLifting(null);
            load();
          } catch (e) {
            showError(e);
          }
        }}
      />
    </Card>
  );
}

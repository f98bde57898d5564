import { Button, Card, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../api';
import type { Page, RoleName, User } from '../api';
import { showError, showSuccess } from '../components/feedback';
import { ROLE_NAMES } from '../labels';
import { useTaxonomy } from '../taxonomy';

const PAGE_SIZE = 20;
const GRANTABLE: RoleName[] = ['organizer', 'assessor', 'district_officer', 'city_officer', 'admin'];

/** 用户与角色: admins list users and grant or revoke platform roles. */
export default function AdminUsersPage() {
  const taxonomy = useTaxonomy();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [data, setData] = useState<Page<User> | null>(null);
  const [granting, setGranting] = useState<User | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ role: RoleName; district?: string }>();
  const role = Form.useWatch('role', form);

  const load = useCallback(() => {
    api.get('/admin/users', { q: q || undefined, page, pageSize: PAGE_SIZE }).then(setData, showError);
  }, [q, page]);
  useEffect(load, [load]);

  const grant = async () => {
    if (!granting) return;
    const v = await form.validateFields();
    setBusy(true);
    try {
      await api.post('/admin/users/:id/roles', { id: granting.id }, v.role === 'district_officer' ? v : { role: v.role });
      showSuccess(`已授予 ${granting.displayName}「${ROLE_NAMES[v.role]}」`);
      setGranting(null);
      load();
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  };

  const revoke = async (user: User, grant: User['roles'][number]) => {
    try {
      await api.delete('/admin/users/:id/roles/:role', { id: user.id, role: grant.role }, { district: grant.district ?? undefined });
      showSuccess('角色已撤销');
      load();
    } catch (e) {
      showError(e);
    }
  };

  return (
    <>
      <Typography.Title level={3} className="page-title">
        用户与角色
      </Typography.Title>
      <Card>
        <Input.Search
          placeholder="按邮箱或姓名查找"
          allowClear
          style={{ width: 320, marginBottom: 16 }}
          onSearch={(v) => {
            setQ(v.trim());
            setPage(1);
          }}
        />
        <Table<User>
          rowKey="id"
          loading={!data}
          dataSource={data?.items ?? []}
          pagination={{ current: page, pageSize: PAGE_SIZE, total: data?.total ?? 0, onChange: setPage, showTotal: (t) => `共 ${t} 人` }}
          columns={[
            { title: '姓名', dataIndex: 'displayName' },
            { title: '邮箱', dataIndex: 'email' },
            {
              title: '角色',
              dataIndex: 'roles',
              render: (_, user) => (
                <Space wrap>
                  {user.roles.map((g) => (
                    <Popconfirm
                      key={`${g.role}-${g.district ?? ''}`}
                      title={`撤销「${ROLE_NAMES[g.role] ?? g.role}」？`}
                      onConfirm={() => revoke(user, g)}
                    >
                      <Tag color="blue" style={{ cursor: 'pointer' }}>
                        {ROLE_NAMES[g.role] ?? g.role}
                        {g.district ? `（${taxonomy.name('districts', g.district)}）` : ''} ×
                      </Tag>
                    </Popconfirm>
                  ))}
                </Space>
              ),
            },
            {
              title: '操作',
              render: (_, user) => (
                <Button
                  size="small"
                  onClick={() => {
                    form.resetFields();
                    setGranting(user);
                  }}
                >
                  授予角色
                </Button>
              ),
            },
          ]}
        />
      </Card>
      <Modal
        open={granting !== null}
        title={`授予角色：${granting?.displayName ?? ''}`}
        okText="授予"
        cancelText="取消"
        confirmLoading={busy}
        onOk={grant}
        onCancel={() => setGranting(null)}
        forceRender
      >
        <Form form={form} name="grant" layout="vertical">
          <Form.Item name="role" label="角色" rules={[{ required: true, message: '请选择角色' }]}>
            <Select options={GRANTABLE.map((r) => ({ value: r, label: ROLE_NAMES[r] }))} />
          </Form.Item>
          {role === 'district_officer' && (
            <Form.Item name="district" label="负责区县" rules={[{ required: true, message: '区县工信部门须指定区县' }]}>
              <Select options={taxonomy.options('districts')} />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </>
  );
}

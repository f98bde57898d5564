import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Col, Form, Input, InputNumber, Modal, Row, Select, Space, Table, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { api } from '../api';
import type { Page } from '../api';
import type { Chain, ChainMember, JointNeed } from '../chains';
import { allPages, showFieldErrors } from '../events';
import { formatFen, formatTime, shanghaiLocalToIso, wanToFen } from '../format';
import { NEED_STATUS_NAMES, STATUS_COLORS } from '../labels';
import { useTaxonomy } from '../taxonomy';
import { showError, showSuccess } from './feedback';
import { ShanghaiDateTimePicker } from './ShanghaiPickers';

const PAGE_SIZE = 20;

interface JointNeedForm {
  title: string;
  description: string;
  scenarios: string[];
  budgetWan: number;
  expectedDays: number;
  bidDeadline: string;
  privateDetails?: string;
  sites: string[];
  publish: boolean;
}

const FIELDS = ['title', 'description', 'scenarios', 'budgetWan', 'expectedDays', 'bidDeadline', 'privateDetails', 'sites'];

/**
 * 联合需求: one need of the leader with the members that agreed as its sites, so that
 * providers bid once for the chain. Members see the published ones; the leader's members
 * publish new ones (as a draft, or open for bids at once).
 */
export function ChainJointNeedsPanel({ chain, canCreate }: { chain: Chain; canCreate: boolean }) {
  const taxonomy = useTaxonomy();
  const navigate = useNavigate();
  const [page, setPage] = useState(1);
  const [data, setData] = useState<Page<JointNeed> | null>(null);
  const [creating, setCreating] = useState(false);
  const [optedIn, setOptedIn] = useState<ChainMember[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<JointNeedForm>();

  const load = useCallback(() => {
    api.get('/chains/:id/joint-needs', { id: chain.id }, { page, pageSize: PAGE_SIZE }).then(setData, showError);
  }, [chain.id, page]);
  useEffect(load, [load]);

  useEffect(() => {
    if (!canCreate) return;
    allPages('/chains/:id/members', { id: chain.id }).then((all) => setOptedIn(all.filter((m) => m.jointNeeds === 'opted_in')), showError);
  }, [canCreate, chain.id, chain.updatedAt, creating]);

  const open = () => {
    form.setFieldsValue({ sites: (optedIn ?? []).map((m) => m.enterpriseId), publish: false });
    setCreating(true);
  };

  const submit = async () => {
    const v = await form.validateFields();
    const notes = new Map((optedIn ?? []).map((m) => [m.enterpriseId, m.siteNote]));
    setBusy(true);
    try {
      const created = await api.post(
        '/chains/:id/joint-needs',
        { id: chain.id },
        {
          title: v.title,
          description: v.description,
          scenarios: v.scenarios,
          budgetFen: wanToFen(v.budgetWan),
          expectedDays: v.expectedDays,
          bidDeadline: shanghaiLocalToIso(v.bidDeadline),
          privateDetails: v.privateDetails?.trim() ? v.privateDetails : null,
          sites: v.sites.map((enterpriseId) =>
            notes.get(enterpriseId) ? { enterpriseId, note: notes.get(enterpriseId)! } : { enterpriseId },
          ),
          publish: !!v.publish,
        },
      );
      showSuccess(v.publish ? '联合需求已发布，服务商可投标' : '联合需求草稿已创建，可在需求页发布');
      setCreating(false);
      form.resetFields();
      load();
      navigate(`/needs/${created.needId}`);
    } catch (e) {
      if (!showFieldErrors(form, e, FIELDS, { budgetFen: 'budgetWan' })) showError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {canCreate && (
        <Space>
          <Button type="primary" icon={<PlusOutlined />} onClick={open} disabled={!optedIn?.length} data-testid="joint-need-create">
            发布联合需求
          </Button>
          {optedIn && !optedIn.length && (
            <Alert type="info" showIcon message="尚无成员企业同意作为联合需求实施点（成员在“成员企业”中自行同意）。" />
          )}
        </Space>
      )}
      <Table<JointNeed>
        rowKey="id"
        size="small"
        loading={!data}
        dataSource={data?.items ?? []}
        data-testid="chain-joint-needs"
        pagination={{ current: page, pageSize: PAGE_SIZE, total: data?.total ?? 0, onChange: setPage, hideOnSinglePage: true }}
        locale={{ emptyText: '尚无联合需求' }}
        columns={[
          { title: '需求', dataIndex: 'title', render: (t: string, n) => <Link to={`/needs/${n.needId}`}>{t}</Link> },
          { title: '状态', dataIndex: 'status', render: (s: string) => <Tag color={STATUS_COLORS[s]}>{NEED_STATUS_NAMES[s] ?? s}</Tag> },
          { title: '预算', dataIndex: 'budgetFen', render: (f: number) => formatFen(f) },
          {
            title: '实施点',
            render: (_, n) => (
              <Space size={4} wrap>
                {n.sites.map((s) => (
                  <Tag key={s.enterpriseId}>{s.name}</Tag>
                ))}
              </Space>
            ),
          },
          { title: '创建时间', dataIndex: 'createdAt', render: (t: string) => formatTime(t) },
        ]}
      />
      <Modal
        open={creating}
        title="发布联合需求"
        forceRender
        okText="提交"
        cancelText="取消"
        confirmLoading={busy}
        width={760}
        onOk={submit}
        onCancel={() => setCreating(false)}
      >
        <Form<JointNeedForm> form={form} name="jointNeed" layout="vertical">
          <Form.Item name="title" label="需求名称" rules={[{ required: true, whitespace: true, message: '请输入需求名称' }]}>
            <Input maxLength={120} showCount />
          </Form.Item>
          <Form.Item name="description" label="需求描述（公开）" rules={[{ required: true, whitespace: true, message: '请描述需求' }]}>
            <Input.TextArea rows={4} maxLength={5000} showCount />
          </Form.Item>
          <Form.Item name="scenarios" label="需求场景" rules={[{ required: true, message: '至少选择一个场景' }]}>
            <Select mode="multiple" options={taxonomy.options('scenarios')} optionFilterProp="label" />
          </Form.Item>
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item name="budgetWan" label="预算（万元）" rules={[{ required: true, message: '请输入预算' }]}>
                <InputNumber min={0.0001} precision={4} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="expectedDays" label="期望交付周期（天）" rules={[{ required: true, message: '请输入天数' }]}>
                <InputNumber min={1} max={730} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="bidDeadline" label="投标截止（北京时间）" rules={[{ required: true, message: '请选择截止时间' }]}>
                <ShanghaiDateTimePicker />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item
            name="sites"
            label="实施点（已同意的成员企业）"
            rules={[{ required: true, type: 'array', min: 1, message: '至少选择一个实施点' }]}
          >
            <Select
              mode="multiple"
              options={(optedIn ?? []).map((m) => ({ value: m.enterpriseId, label: m.siteNote ? `${m.name}（${m.siteNote}）` : m.name }))}
              optionFilterProp="label"
            />
          </Form.Item>
          <Form.Item name="privateDetails" label="详细资料（仅对获授权的服务商可见）">
            <Input.TextArea rows={3} maxLength={5000} showCount />
          </Form.Item>
          <Form.Item name="publish" valuePropName="checked">
            <Checkbox>立即发布（开放投标，截止时间须晚于当前时间）</Checkbox>
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}

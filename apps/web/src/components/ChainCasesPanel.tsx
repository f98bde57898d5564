import { TrophyOutlined } from '@ant-design/icons';
import { Button, Form, Input, List, Modal, Select, Space, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../api';
import type { Page, ProjectSummary } from '../api';
import type { Chain, ChainCase } from '../chains';
import { showFieldErrors } from '../events';
import { formatDate } from '../format';
import { showError, showSuccess } from './feedback';

const PAGE_SIZE = 10;

interface CaseForm {
  title: string;
  summary: string;
  projectIds: string[];
}

/**
 * 链式典型案例: the chain's nominated cases (everyone who sees the chain); the leader's
 * members nominate one from accepted projects of the chain's enterprises.
 */
export function ChainCasesPanel({ chain, canNominate }: { chain: Chain; canNominate: boolean }) {
  const [page, setPage] = useState(1);
  const [data, setData] = useState<Page<ChainCase> | null>(null);
  const [nominating, setNominating] = useState(false);
  const [projects, setProjects] = useState<ProjectSummary[]>([]);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<CaseForm>();

  const load = useCallback(() => {
    api.get('/chains/:id/cases', { id: chain.id }, { page, pageSize: PAGE_SIZE }).then(setData, showError);
  }, [chain.id, page]);
  useEffect(load, [load]);

  useEffect(() => {
    if (!nominating) return;
    // The leader's own accepted projects are listed; members' projects are named by id (the API checks them).
    api.get('/projects', { organisationId: chain.leader.enterpriseId, status: 'accepted', pageSize: 100 }).then(
      (p) => setProjects(p.items),
      () => setProjects([]),
    );
  }, [nominating, chain.leader.enterpriseId]);

  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      await api.post('/chains/:id/cases', { id: chain.id }, { title: v.title, summary: v.summary, projectIds: v.projectIds });
      showSuccess('链式典型案例已申报');
      setNominating(false);
      form.resetFields();
      load();
    } catch (e) {
      if (!showFieldErrors(form, e, ['title', 'summary', 'projectIds'])) showError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {canNominate && (
        <Button type="primary" icon={<TrophyOutlined />} onClick={() => setNominating(true)}>
          申报链式典型案例
        </Button>
      )}
      <List
        loading={!data}
        dataSource={data?.items ?? []}
        data-testid="chain-cases"
        locale={{ emptyText: '尚无申报的典型案例' }}
        pagination={
          (data?.total ?? 0) > PAGE_SIZE ? { current: page, pageSize: PAGE_SIZE, total: data?.total ?? 0, onChange: setPage } : false
        }
        renderItem={(c) => (
          <List.Item>
            <List.Item.Meta
              title={
                <Space>
                  <span>{c.title}</span>
                  <Tag color="gold">已申报</Tag>
                </Space>
              }
              description={
                <Space direction="vertical" size={4}>
                  <Typography.Paragraph className="pre-wrap" style={{ marginBottom: 0 }}>
                    {c.summary}
                  </Typography.Paragraph>
                  <Space size={4} wrap>
                    <span>关联项目：</span>
                    {c.projectIds.map((id, i) => (
                      <Link key={id} to={`/projects/${id}`}>
                        项目 {i + 1}
                      </Link>
                    ))}
                    <Typography.Text type="secondary">· 申报于 {formatDate(c.nominatedAt)}</Typography.Text>
                  </Space>
                </Space>
              }
            />
          </List.Item>
        )}
      />
      <Modal
        open={nominating}
        title="申报链式典型案例"
        okText="申报"
        cancelText="取消"
        confirmLoading={busy}
        width={680}
        onOk={submit}
        onCancel={() => setNominating(false)}
      >
        <Form<CaseForm> form={form} name="chainCase" layout="vertical">
          <Form.Item name="title" label="案例名称" rules={[{ required: true, whitespace: true, message: '请输入案例名称' }]}>
            <Input maxLength={120} showCount />
          </Form.Item>
          <Form.Item name="summary" label="案例概述" rules={[{ required: true, whitespace: true, message: '请填写案例概述' }]}>
            <Input.TextArea rows={5} maxLength={5000} showCount placeholder="链主带动上下游协同改造的做法与成效" />
          </Form.Item>
          <Form.Item
            name="projectIds"
            label="关联的已验收项目"
            extra="可选链主企业的已验收项目，或粘贴成员企业项目的编号（ID）"
            rules={[{ required: true, type: 'array', min: 1, message: '至少关联一个已验收项目' }]}
          >
            <Select
              mode="tags"
              options={projects.map((p) => ({ value: p.id, label: `${p.title}（${p.enterpriseName}）` }))}
              optionFilterProp="label"
              tokenSeparators={[',', ' ', '，']}
            />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}

import { Button, Card, Descriptions, Drawer, Form, Input, List, Modal, Select, Space, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../api';
import { hasRole, isMemberOf, useUser } from '../auth';
import { DocumentChecklist } from '../components/DocumentChecklist';
import { showError, showSuccess } from '../components/feedback';
import { useOrganisations } from '../components/useOrganisations';
import { formatDate, formatFen, formatTime } from '../format';
import { AWARD_CAP_YUAN, NOMINATION_CATEGORY_NAMES, NOMINATION_STATUS_NAMES } from '../nominations';
import type { Nomination } from '../nominations';
import { ResponsiveTable } from '../components/ResponsiveTable';

const ENTERPRISE_CATEGORIES = ['benchmark', 'digital_workshop', 'smart_factory'] as const;

/** 申报评选: nominations for each role — nominators file, districts recommend, assessors score, the city publishes and awards. */
export default function NominationsPage() {
  const user = useUser();
  const [status, setStatus] = useState<string | undefined>();
  const [items, setItems] = useState<Nomination[]>([]);
  const [loading, setLoading] = useState(false);
  const [open, setOpen] = useState<Nomination | null>(null);
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm();
  const { items: enterprises } = useOrganisations('enterprise');

  const load = useCallback(() => {
    setLoading(true);
    api
      .get('/nominations', { status, pageSize: 100 })
      .then((r) => setItems(r.items), showError)
      .finally(() => setLoading(false));
  }, [status]);
  useEffect(load, [load]);

  const act = (request: Promise<Nomination>, done: string) =>
    request.then((r) => {
      setOpen(r);
      showSuccess(done);
      load();
    }, showError);

  const nominate = (v: { category: Nomination['category']; subjectId: string; title: string; summary: string; evidence: string }) =>
    api
      .post('/nominations', {
        ...v,
        evidence: v.evidence
          .split('\n')
          .map((s) => s.trim())
          .filter(Boolean)
          .map((name) => ({ kind: 'document', name })),
      })
      .then((created) => {
        setCreating(false);
        form.resetFields();
        // The district recommends only with the case material on file: the drawer opens on its upload.
        setOpen(created);
        showSuccess('申报已提交，请上传典型案例材料后等待区县推荐');
        load();
      }, showError);

  const ask = (title: string, field: string, onOk: (text: string) => void) => {
    let text = '';
    Modal.confirm({
      title,
      content: <Input.TextArea rows={3} onChange={(e) => (text = e.target.value)} placeholder={field} />,
      onOk: () => onOk(text),
    });
  };

  /** Who reads a nomination's files (the API's rule): its parties, its district, the city, and the experts once recommended. */
  const readsMaterial = (n: Nomination) =>
    isMemberOf(user, n.nomineeId) ||
    n.nominatedBy === user.id ||
    hasRole(user, 'city_officer', 'admin') ||
    user.roles.some((g) => g.role === 'district_officer' && g.district === n.district) ||
    (hasRole(user, 'assessor') && n.status !== 'nominated' && n.status !== 'rejected');

  const actions = (n: Nomination) => {
    const district = user.roles.some((g) => g.role === 'district_officer' && g.district === n.district);
    const city = hasRole(user, 'city_officer');
    const buttons = [];
    if (district && n.status === 'nominated') {
      buttons.push(
        <Button key="rec" type="primary" onClick={() => act(api.post('/nominations/:id/recommend', { id: n.id }, {}), '已推荐')}>
          区县推荐
        </Button>,
      );
    }
    if (
      hasRole(user, 'assessor') &&
      (n.status === 'recommended' || n.status === 'in_review') &&
      !n.scores.some((s) => s.assessorId === user.id)
    ) {
      buttons.push(
        <Button
          key="score"
          onClick={() =>
            ask('专家评分（0–100）', '分数', (t) =>
              act(api.post('/nominations/:id/review', { id: n.id }, { score: Number(t) }), '评分已提交'),
            )
          }
        >
          专家评分
        </Button>,
      );
    }
    if (city && n.status === 'in_review') {
      buttons.push(
        <Button
          key="pub"
          type="primary"
          disabled={n.scoreCount < n.minAssessors}
          onClick={() => act(api.post('/nominations/:id/publish', { id: n.id }, {}), '已进入公示')}
        >
          进入公示（{n.scoreCount}/{n.minAssessors} 位专家）
        </Button>,
      );
    }
    if (n.status === 'on_notice' && n.noticeEndsAt && Date.now() < Date.parse(n.noticeEndsAt)) {
      buttons.push(
        <Button
          key="obj"
          onClick={() =>
            ask('提出异议', '异议内容', (t) => act(api.post('/nominations/:id/object', { id: n.id }, { text: t }), '异议已提交'))
          }
        >
          提出异议
        </Button>,
      );
    }
    if (city && n.status === 'on_notice') {
      buttons.push(
        <Button
          key="award"
          type="primary"
          onClick={() =>
            ask(`认定并奖励（元，不超过 ${AWARD_CAP_YUAN.toLocaleString()}）`, '奖励金额（元）', (t) =>
              act(api.post('/nominations/:id/award', { id: n.id }, { amountFen: Math.round(Number(t) * 100) }), '已认定'),
            )
          }
        >
          认定
        </Button>,
      );
    }
    if ((district && n.status === 'nominated') || (city && ['recommended', 'in_review', 'on_notice'].includes(n.status))) {
      buttons.push(
        <Button
          key="rej"
          danger
          onClick={() => ask('不予通过', '理由', (t) => act(api.post('/nominations/:id/reject', { id: n.id }, { reason: t }), '已处理'))}
        >
          不予通过
        </Button>,
      );
    }
    return buttons;
  };

  const canNominate = user.memberships.length > 0;
  return (
    <Card
      title="申报评选（示范标杆、数字化车间/智能工厂、链式典型案例、优秀产品）"
      extra={
        <Space>
          <Select
            allowClear
            placeholder="状态"
            style={{ width: 160 }}
            value={status}
            onChange={setStatus}
            options={Object.entries(NOMINATION_STATUS_NAMES).map(([value, label]) => ({ value, label }))}
          />
          {canNominate && (
            <Button type="primary" onClick={() => setCreating(true)}>
              我要申报
            </Button>
          )}
        </Space>
      }
    >
      <ResponsiveTable<Nomination>
        rowKey="id"
        loading={loading}
        dataSource={items}
        onRow={(n) => ({ onClick: () => setOpen(n), style: { cursor: 'pointer' } })}
        columns={[
          { title: '类别', dataIndex: 'category', render: (c: Nomination['category']) => NOMINATION_CATEGORY_NAMES[c] },
          { title: '名称', dataIndex: 'title' },
          { title: '申报单位', dataIndex: 'nomineeName' },
          { title: '状态', dataIndex: 'status', render: (s: Nomination['status']) => <Tag>{NOMINATION_STATUS_NAMES[s]}</Tag> },
          { title: '评审得分', dataIndex: 'reviewScore', render: (v: number | null) => v ?? '—' },
          { title: '申报日期', dataIndex: 'nominatedAt', render: (t: string) => formatDate(t) },
        ]}
      />
      <Drawer open={!!open} width={640} onClose={() => setOpen(null)} title={open?.title}>
        {open && (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Descriptions size="small" column={1} bordered>
              <Descriptions.Item label="类别">{NOMINATION_CATEGORY_NAMES[open.category]}</Descriptions.Item>
              <Descriptions.Item label="申报单位">{open.nomineeName}</Descriptions.Item>
              <Descriptions.Item label="状态">{NOMINATION_STATUS_NAMES[open.status]}</Descriptions.Item>
              <Descriptions.Item label="简介">{open.summary}</Descriptions.Item>
              <Descriptions.Item label="佐证材料">{open.evidence.map((e) => e.name).join('、')}</Descriptions.Item>
              <Descriptions.Item label="专家评分">
                {open.scoreCount} 位专家{open.reviewScore !== null ? `，去掉最高最低分后平均 ${open.reviewScore} 分` : ''}
              </Descriptions.Item>
              {open.noticeEndsAt && (
                <Descriptions.Item label="公示期">
                  {formatTime(open.noticeStartsAt)} 至 {formatTime(open.noticeEndsAt)}
                </Descriptions.Item>
              )}
              {open.awardFen !== null && <Descriptions.Item label="奖励金额">{formatFen(open.awardFen)}</Descriptions.Item>}
            </Descriptions>
            {open.objections.length > 0 && (
              <List
                header="公示异议"
                bordered
                dataSource={open.objections}
                renderItem={(o) => (
                  <List.Item
                    actions={
                      hasRole(user, 'city_officer') && o.answer === null
                        ? [
                            <a
                              key="answer"
                              onClick={() =>
                                ask('答复异议', '答复内容', (t) =>
                                  act(
                                    api.post('/nominations/:id/objections/:oid/answer', { id: open.id, oid: o.id }, { answer: t }),
                                    '已答复',
                                  ),
                                )
                              }
                            >
                              答复
                            </a>,
                          ]
                        : []
                    }
                  >
                    {o.text}
                    {o.answer ? `（答复：${o.answer}）` : '（待答复）'}
                  </List.Item>
                )}
              />
            )}
            {readsMaterial(open) && (
              <DocumentChecklist
                key={open.id}
                ownerPath="nominations"
                ownerId={open.id}
                title="申报材料（典型案例材料必传，区县推荐前提交）"
              />
            )}
            <Space wrap>{actions(open)}</Space>
          </Space>
        )}
      </Drawer>
      <Modal open={creating} title="我要申报" onCancel={() => setCreating(false)} onOk={() => form.submit()} okText="提交申报">
        <Form form={form} layout="vertical" onFinish={nominate}>
          <Form.Item name="category" label="类别" rules={[{ required: true, message: '请选择类别' }]}>
            <Select options={Object.entries(NOMINATION_CATEGORY_NAMES).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
          <Form.Item noStyle shouldUpdate={(a, b) => a.category !== b.category}>
            {({ getFieldValue }) =>
              (ENTERPRISE_CATEGORIES as readonly string[]).includes(getFieldValue('category')) ? (
                <Form.Item name="subjectId" label="申报企业" rules={[{ required: true, message: '请选择企业' }]}>
                  <Select options={enterprises.map((e) => ({ value: e.id, label: e.name }))} />
                </Form.Item>
              ) : (
                <Form.Item
                  name="subjectId"
                  label={getFieldValue('category') === 'product' ? '方案编号' : '链式案例编号'}
                  rules={[{ required: true, message: '请填写编号' }]}
                >
                  <Input />
                </Form.Item>
              )
            }
          </Form.Item>
          <Form.Item name="title" label="申报名称" rules={[{ required: true, message: '请填写名称' }]}>
            <Input maxLength={120} />
          </Form.Item>
          <Form.Item name="summary" label="申报简介" rules={[{ required: true, message: '请填写简介' }]}>
            <Input.TextArea rows={4} maxLength={4000} />
          </Form.Item>
          <Form.Item name="evidence" label="佐证材料（每行一份）" rules={[{ required: true, message: '请列出至少一份佐证材料' }]}>
            <Input.TextArea rows={3} placeholder={'验收测评报告.pdf\n车间现场照片.zip'} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}

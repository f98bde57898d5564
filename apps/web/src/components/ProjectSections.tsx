import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Form,
  Input,
  InputNumber,
  List,
  Modal,
  Popconfirm,
  Progress,
  Radio,
  Row,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../api';
import { isOpenMilestone } from '@smedx/contracts';
import type { Acceptance, Milestone, MonitoringReport, Page, Project, ProjectLog } from '../api';
import { formatDate, formatTime } from '../format';
import {
  EVIDENCE_KIND_NAMES,
  LEVEL_NAMES,
  MILESTONE_MOVES,
  MILESTONE_STATUS_COLORS,
  MILESTONE_STATUS_NAMES,
  PROJECT_LOG_KIND_NAMES,
  SIDE_NAMES,
} from '../labels';
import { showError, showSuccess } from './feedback';
import { ShanghaiDatePicker } from './ShanghaiPickers';

/** Today in Shanghai, `YYYY-MM-DD` (the API's calendar days are Shanghai days). */
export const shanghaiToday = () => formatDate(Date.now());

const MOVE_LABELS: Record<string, string> = { in_progress: '开始', done: '完成', cancelled: '取消' };

/** Runs a write, reports success or the API's error, and tells the page to reload. */
async function write(action: () => Promise<unknown>, done: string, after: () => void): Promise<boolean> {
  try {
    await action();
    showSuccess(done);
    after();
    return true;
  } catch (e) {
    showError(e);
    return false;
  }
}

/** 里程碑: the plan, moved along planned → in progress → done (or cancelled) and re-planned by the parties. */
export function Milestones({ project, canPlan, onChanged }: { project: Project; canPlan: boolean; onChanged: () => void }) {
  const [form] = Form.useForm<{ title: string; plannedDate: string }>();
  const [editForm] = Form.useForm<{ title: string; plannedDate: string }>();
  const [editing, setEditing] = useState<Milestone | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const move = async (m: Milestone, status: string) => {
    setBusy(m.id);
    await write(
      () =>
        api.patch(
          '/projects/:id/milestones/:mid',
          { id: project.id, mid: m.id },
          status === 'done' ? { status, actualDate: shanghaiToday() } : { status },
        ),
      `里程碑“${m.title}”已${MOVE_LABELS[status] ?? '更新'}`,
      onChanged,
    );
    setBusy(null);
  };

  const done = project.milestones.filter((m) => m.status === 'done').length;
  const counted = project.milestones.filter((m) => m.status !== 'cancelled').length;

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      {counted > 0 && (
        <Progress percent={Math.round((done / counted) * 100)} format={() => `已完成 ${done}/${counted}`} style={{ maxWidth: 520 }} />
      )}
      <Table<Milestone>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={project.milestones}
        locale={{ emptyText: <Empty description="暂无里程碑" /> }}
        columns={[
          { title: '里程碑', dataIndex: 'title' },
          { title: '计划日期', dataIndex: 'plannedDate', width: 120 },
          { title: '实际完成', dataIndex: 'actualDate', width: 120, render: (d: string | null) => d ?? '—' },
          {
            title: '状态',
            dataIndex: 'status',
            width: 160,
            render: (s: string, m) => (
              <Space size={4}>
                <Tag color={MILESTONE_STATUS_COLORS[s]}>{MILESTONE_STATUS_NAMES[s] ?? s}</Tag>
                {m.overdue && <Tag color="red">已逾期</Tag>}
              </Space>
            ),
          },
          ...(canPlan
            ? [
                {
                  title: '操作',
                  key: 'actions',
                  width: 270,
                  render: (_: unknown, m: Milestone) => (
                    <Space size={0}>
                      {(MILESTONE_MOVES[m.status] ?? []).map((to) =>
                        to === 'cancelled' ? (
                          <Popconfirm key={to} title="确定取消该里程碑？" okText="确定" cancelText="返回" onConfirm={() => move(m, to)}>
                            <Button size="small" type="link" danger loading={busy === m.id}>
                              取消
                            </Button>
                          </Popconfirm>
                        ) : (
                          <Button key={to} size="small" type="link" loading={busy === m.id} onClick={() => move(m, to)}>
                            {MOVE_LABELS[to]}
                          </Button>
                        ),
                      )}
                      {isOpenMilestone(m) && (
                        <Button
                          size="small"
                          type="link"
                          onClick={() => {
                            setEditing(m);
                            editForm.setFieldsValue({ title: m.title, plannedDate: m.plannedDate });
                          }}
                        >
                          调整计划
                        </Button>
                      )}
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      {canPlan && (
        <Card size="small" title="新增里程碑">
          <Form
            form={form}
            name="milestone"
            layout="inline"
            onFinish={async (v) => {
              if (
                await write(
                  () => api.post('/projects/:id/milestones', { id: project.id }, { title: v.title.trim(), plannedDate: v.plannedDate }),
                  '里程碑已添加',
                  onChanged,
                )
              ) {
                form.resetFields();
              }
            }}
          >
            <Form.Item name="title" rules={[{ required: true, whitespace: true, message: '请输入名称' }]}>
              <Input placeholder="里程碑名称" maxLength={120} style={{ width: 260 }} />
            </Form.Item>
            <Form.Item name="plannedDate" rules={[{ required: true, message: '请选择计划日期' }]}>
              <ShanghaiDatePicker min={project.startDate} />
            </Form.Item>
            <Form.Item>
              <Button type="primary" htmlType="submit" icon={<PlusOutlined />}>
                添加
              </Button>
            </Form.Item>
          </Form>
        </Card>
      )}
      <Modal
        open={!!editing}
        title="调整里程碑计划"
        okText="保存"
        cancelText="取消"
        destroyOnHidden
        onCancel={() => setEditing(null)}
        onOk={async () => {
          const v = await editForm.validateFields();
          if (!editing) return;
          const ok = await write(
            () =>
              api.patch(
                '/projects/:id/milestones/:mid',
                { id: project.id, mid: editing.id },
                { title: v.title.trim(), plannedDate: v.plannedDate },
              ),
            '里程碑计划已调整',
            onChanged,
          );
          if (ok) setEditing(null);
        }}
      >
        <Form form={editForm} name="editMilestone" layout="vertical">
          <Form.Item name="title" label="名称" rules={[{ required: true, whitespace: true, message: '请输入名称' }]}>
            <Input maxLength={120} />
          </Form.Item>
          <Form.Item name="plannedDate" label="计划日期" rules={[{ required: true, message: '请选择计划日期' }]}>
            <ShanghaiDatePicker min={project.startDate} />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}

const LOG_PAGE_SIZE = 10;

/** 服务跟踪: the parties' log, newest first, and a form to add to it. */
export function ServiceLog({ project, canWrite }: { project: Project; canWrite: boolean }) {
  const [form] = Form.useForm<{ kind: string; content: string; occurredOn?: string }>();
  const [page, setPage] = useState(1);
  const [data, setData] = useState<Page<ProjectLog> | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(() => {
    api.get('/projects/:id/logs', { id: project.id }, { page, pageSize: LOG_PAGE_SIZE }).then(setData, showError);
  }, [project.id, page]);
  useEffect(load, [load]);

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      {canWrite && (
        <Card size="small" title="记录服务跟踪">
          <Form
            form={form}
            name="projectLog"
            layout="vertical"
            initialValues={{ kind: 'progress' }}
            onFinish={async (v) => {
              setBusy(true);
              const ok = await write(
                () =>
                  api.post(
                    '/projects/:id/logs',
                    { id: project.id },
                    {
                      kind: v.kind,
                      content: v.content.trim(),
                      ...(v.occurredOn ? { occurredOn: v.occurredOn } : {}),
                    },
                  ),
                '服务跟踪记录已添加',
                () => (page === 1 ? load() : setPage(1)),
              );
              setBusy(false);
              if (ok) form.resetFields(['content']);
            }}
          >
            <Row gutter={16}>
              <Col xs={24} md={8}>
                <Form.Item name="kind" label="类型">
                  <Select options={Object.entries(PROJECT_LOG_KIND_NAMES).map(([value, label]) => ({ value, label }))} />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item name="occurredOn" label="发生日期（默认今天）">
                  <ShanghaiDatePicker max={shanghaiToday()} />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item name="content" label="内容" rules={[{ required: true, whitespace: true, message: '请填写内容' }]}>
              <Input.TextArea rows={3} maxLength={5000} showCount />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={busy}>
              添加记录
            </Button>
          </Form>
        </Card>
      )}
      <List<ProjectLog>
        loading={!data}
        dataSource={data?.items ?? []}
        locale={{ emptyText: <Empty description="暂无服务跟踪记录" /> }}
        pagination={
          data && data.total > LOG_PAGE_SIZE
            ? { current: page, pageSize: LOG_PAGE_SIZE, total: data.total, onChange: setPage, size: 'small' }
            : false
        }
        renderItem={(l) => (
          <List.Item key={l.id} data-testid="project-log">
            <List.Item.Meta
              title={
                <Space size={4} wrap>
                  <Tag color={l.side === 'enterprise' ? 'blue' : 'cyan'}>{SIDE_NAMES[l.side] ?? l.side}</Tag>
                  <Tag>{PROJECT_LOG_KIND_NAMES[l.kind] ?? l.kind}</Tag>
                  <Typography.Text type="secondary">{l.occurredOn}</Typography.Text>
                </Space>
              }
              description={
                <>
                  <Typography.Paragraph className="pre-wrap" style={{ marginBottom: 4, color: 'rgba(0,0,0,0.88)' }}>
                    {l.content}
                  </Typography.Paragraph>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    记录于 {formatTime(l.writtenAt)}
                  </Typography.Text>
                </>
              }
            />
          </List.Item>
        )}
      />
    </Space>
  );
}

/** 过程监测: the assessors' monitoring reports, and for assessors a form to file one. */
export function MonitoringReports({ project, canFile, onChanged }: { project: Project; canFile: boolean; onChanged: () => void }) {
  const [form] = Form.useForm<{ summary: string; findings: string; progressPercent: number; risks?: string[] }>();
  const [busy, setBusy] = useState(false);
  const reports = [...project.reports].sort((a, b) => b.filedAt.localeCompare(a.filedAt));
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      {canFile && (
        <Card size="small" title="提交过程监测报告">
          <Form
            form={form}
            name="report"
            layout="vertical"
            onFinish={async (v) => {
              setBusy(true);
              const ok = await write(
                () =>
                  api.post(
                    '/projects/:id/reports',
                    { id: project.id },
                    {
                      summary: v.summary.trim(),
                      findings: v.findings.trim(),
                      progressPercent: v.progressPercent,
                      risks: (v.risks ?? []).map((r) => r.trim()).filter(Boolean),
                    },
                  ),
                '监测报告已提交',
                onChanged,
              );
              setBusy(false);
              if (ok) form.resetFields();
            }}
          >
            <Row gutter={16}>
              <Col xs={24} md={16}>
                <Form.Item name="summary" label="监测结论" rules={[{ required: true, whitespace: true, message: '请填写监测结论' }]}>
                  <Input maxLength={500} />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item name="progressPercent" label="实施进度（%）" rules={[{ required: true, message: '请填写进度' }]}>
                  <InputNumber min={0} max={100} precision={0} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item name="findings" label="监测发现" rules={[{ required: true, whitespace: true, message: '请填写监测发现' }]}>
              <Input.TextArea rows={4} maxLength={10_000} showCount />
            </Form.Item>
            <Form.Item name="risks" label="风险点（回车添加多项）">
              <Select mode="tags" open={false} suffixIcon={null} placeholder="例如：数据接口延期" tokenSeparators={['；', ';']} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={busy}>
              提交报告
            </Button>
          </Form>
        </Card>
      )}
      {reports.length ? (
        reports.map((r: MonitoringReport) => (
          <Card key={r.id} size="small" title={r.summary} extra={formatTime(r.filedAt)} data-testid="monitoring-report">
            <Progress percent={r.progressPercent} style={{ maxWidth: 520 }} />
            <Typography.Paragraph className="pre-wrap">{r.findings}</Typography.Paragraph>
            {r.risks.length > 0 && (
              <Space size={4} wrap>
                <Typography.Text type="secondary">风险点：</Typography.Text>
                {r.risks.map((risk) => (
                  <Tag key={risk} color="orange">
                    {risk}
                  </Tag>
                ))}
              </Space>
            )}
          </Card>
        ))
      ) : (
        <Empty description="暂无监测报告" />
      )}
    </Space>
  );
}

interface AcceptanceFormValues {
  levelAfter: number;
  dataIntegration: string;
  dataIntegrationScore?: number | null;
  roiPercent: number;
  managementReform: string;
  applicationEffect?: string;
  result: 'pass' | 'fail';
  reasons: string;
  evidence?: { kind: string; name: string }[];
  /** Per open milestone (by id): why the project passes regardless. */
  openMilestoneReasons?: Record<string, string | undefined>;
}

/** 验收测评: the rounds so far, and for assessors the acceptance form (pass → accepted; fail → rework). */
export function Acceptances({ project, canAccept, onChanged }: { project: Project; canAccept: boolean; onChanged: () => void }) {
  const [form] = Form.useForm<AcceptanceFormValues>();
  const [busy, setBusy] = useState(false);
  const rounds = [...project.acceptances].sort((a, b) => b.round - a.round);
  // A pass needs every milestone done, or a reason for each one still open (the API answers 409 otherwise).
  const openMilestones = project.milestones.filter(isOpenMilestone);
  const result = Form.useWatch('result', form);

  const submit = async (v: AcceptanceFormValues) => {
    setBusy(true);
    const ok = await write(
      () =>
        api.post(
          '/projects/:id/acceptance',
          { id: project.id },
          {
            levelAfter: v.levelAfter,
            dataIntegration: v.dataIntegration.trim(),
            ...(v.dataIntegrationScore === null || v.dataIntegrationScore === undefined
              ? {}
              : { dataIntegrationScore: v.dataIntegrationScore }),
            roiPercent: v.roiPercent,
            managementReform: v.managementReform.trim(),
            ...(v.applicationEffect?.trim() ? { applicationEffect: v.applicationEffect.trim() } : {}),
            result: v.result,
            reasons: v.reasons.trim(),
            evidence: (v.evidence ?? []).filter((e) => e?.name?.trim()).map((e) => ({ kind: e.kind, name: e.name.trim() })),
            ...(v.result === 'pass'
              ? {
                  openMilestones: openMilestones.map((m) => ({
                    milestoneId: m.id,
                    reason: (v.openMilestoneReasons?.[m.id] ?? '').trim(),
                  })),
                }
              : {}),
          },
        ),
      v.result === 'pass' ? '验收通过，项目已验收' : '验收未通过，项目转入整改',
      onChanged,
    );
    setBusy(false);
    if (ok) form.resetFields();
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      {canAccept && (
        <Card size="small" title={`验收测评（第 ${project.acceptances.length + 1} 轮）`}>
          <Form<AcceptanceFormValues> form={form} name="acceptance" layout="vertical" onFinish={submit} initialValues={{ evidence: [] }}>
            <Row gutter={16}>
              <Col xs={24} md={8}>
                <Form.Item name="levelAfter" label="改造后数字化水平" rules={[{ required: true, message: '请选择等级' }]}>
                  <Select options={[1, 2, 3, 4].map((l) => ({ value: l, label: LEVEL_NAMES[l] }))} />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item name="roiPercent" label="投资回报率（%）" rules={[{ required: true, message: '请填写投资回报率' }]}>
                  <InputNumber min={-100} max={100_000} precision={2} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item name="dataIntegrationScore" label="数据贯通评分（0–100，可选）">
                  <InputNumber min={0} max={100} precision={0} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item
              name="dataIntegration"
              label="数据贯通情况"
              rules={[{ required: true, whitespace: true, message: '请填写数据贯通情况' }]}
            >
              <Input.TextArea rows={3} maxLength={5000} />
            </Form.Item>
            <Form.Item
              name="managementReform"
              label="管理变革"
              rules={[{ required: true, whitespace: true, message: '请填写管理变革情况' }]}
            >
              <Input.TextArea rows={3} maxLength={5000} />
            </Form.Item>
            <Form.Item name="applicationEffect" label="应用成效（可选）">
              <Input.TextArea rows={3} maxLength={5000} />
            </Form.Item>
            <Form.Item label="佐证材料（可选）">
              <Form.List name="evidence">
                {(fields, { add, remove }) => (
                  <Space direction="vertical" style={{ width: '100%' }}>
                    {fields.map((field) => (
                      <Space key={field.key} align="baseline" wrap>
                        <Form.Item name={[field.name, 'kind']} rules={[{ required: true, message: '请选择类型' }]} noStyle>
                          <Select
                            style={{ width: 140 }}
                            placeholder="类型"
                            options={Object.entries(EVIDENCE_KIND_NAMES).map(([value, label]) => ({ value, label }))}
                          />
                        </Form.Item>
                        <Form.Item
                          name={[field.name, 'name']}
                          rules={[{ required: true, whitespace: true, message: '请填写名称' }]}
                          noStyle
                        >
                          <Input placeholder="文件名称" maxLength={200} style={{ width: 320 }} />
                        </Form.Item>
                        <MinusCircleOutlined onClick={() => remove(field.name)} />
                      </Space>
                    ))}
                    <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ kind: 'contract', name: '' })}>
                      添加材料
                    </Button>
                  </Space>
                )}
              </Form.List>
            </Form.Item>
            <Form.Item name="result" label="验收结论" rules={[{ required: true, message: '请选择验收结论' }]}>
              <Radio.Group
                optionType="button"
                buttonStyle="solid"
                options={[
                  { value: 'pass', label: '通过' },
                  { value: 'fail', label: '不通过' },
                ]}
              />
            </Form.Item>
            {result === 'pass' && openMilestones.length > 0 && (
              <Card size="small" type="inner" title="未完成的里程碑：验收通过需逐项说明原因" style={{ marginBottom: 16 }}>
                {openMilestones.map((m) => (
                  <Form.Item
                    key={m.id}
                    name={['openMilestoneReasons', m.id]}
                    label={`${m.title}（计划 ${formatDate(m.plannedDate)}）`}
                    rules={[{ required: true, whitespace: true, message: '请说明该里程碑未完成仍予通过的原因' }]}
                  >
                    <Input maxLength={500} placeholder="例如：经双方书面确认，转入运维期完成" />
                  </Form.Item>
                ))}
              </Card>
            )}
            <Form.Item name="reasons" label="结论说明" rules={[{ required: true, whitespace: true, message: '请填写结论说明' }]}>
              <Input.TextArea rows={3} maxLength={5000} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={busy}>
              提交验收结论
            </Button>
          </Form>
        </Card>
      )}
      {rounds.length ? (
        rounds.map((a: Acceptance) => (
          <Card
            key={a.id}
            size="small"
            data-testid="acceptance"
            title={
              <Space>
                <span>第 {a.round} 轮验收</span>
                <Tag color={a.result === 'pass' ? 'green' : 'red'}>{a.result === 'pass' ? '通过' : '不通过'}</Tag>
              </Space>
            }
            extra={formatTime(a.decidedAt)}
          >
            <Descriptions size="small" column={{ xs: 1, md: 3 }} styles={{ label: { whiteSpace: 'nowrap' } }}>
              <Descriptions.Item label="改造后水平">{LEVEL_NAMES[a.levelAfter] ?? a.levelAfter}</Descriptions.Item>
              <Descriptions.Item label="投资回报率">{a.roiPercent}%</Descriptions.Item>
              <Descriptions.Item label="数据贯通评分">{a.dataIntegrationScore ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="数据贯通" span={3}>
                <span className="pre-wrap">{a.dataIntegration}</span>
              </Descriptions.Item>
              <Descriptions.Item label="管理变革" span={3}>
                <span className="pre-wrap">{a.managementReform}</span>
              </Descriptions.Item>
              {a.applicationEffect && (
                <Descriptions.Item label="应用成效" span={3}>
                  <span className="pre-wrap">{a.applicationEffect}</span>
                </Descriptions.Item>
              )}
              <Descriptions.Item label="结论说明" span={3}>
                <span className="pre-wrap">{a.reasons}</span>
              </Descriptions.Item>
              {a.openMilestones.length > 0 && (
                <Descriptions.Item label="未完成里程碑及原因" span={3}>
                  <Space direction="vertical" size={2}>
                    {a.openMilestones.map((m) => (
                      <span key={m.milestoneId}>
                        {m.title}：{m.reason}
                      </span>
                    ))}
                  </Space>
                </Descriptions.Item>
              )}
              {a.evidence.length > 0 && (
                <Descriptions.Item label="佐证材料" span={3}>
                  <Space size={4} wrap>
                    {a.evidence.map((e, i) => (
                      <Tag key={`${e.name}-${i}`}>
                        {EVIDENCE_KIND_NAMES[e.kind] ?? e.kind}：{e.name}
                      </Tag>
                    ))}
                  </Space>
                </Descriptions.Item>
              )}
            </Descriptions>
          </Card>
        ))
      ) : (
        <Empty description="尚未验收" />
      )}
    </Space>
  );
}

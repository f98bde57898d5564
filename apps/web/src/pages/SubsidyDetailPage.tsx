import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Spin,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { DocumentChecklist } from '../components/DocumentChecklist';
import { api } from '../api';
import { hasRole, isMemberOf, useUser } from '../auth';
import { showError, showSuccess } from '../components/feedback';
import { ReasonModal } from '../components/ReasonModal';
import { SubsidyLines, linesFromApi, linesToApi } from '../components/SubsidyLines';
import type { LineValues } from '../components/SubsidyLines';
import { formatFen, formatTime } from '../format';
import { LEVEL_NAMES } from '../labels';
import {
  CHANGE_KIND_NAMES,
  CHANGE_STATUS_NAMES,
  CHANGEABLE_STATUSES,
  INVESTMENT_CATEGORY_NAMES,
  STAGE_NAMES,
  SUBSIDY_ACTION_NAMES,
  SUBSIDY_STATUS_COLORS,
  SUBSIDY_STATUS_NAMES,
  yuanToFen,
} from '../subsidy';
import type { SubsidyApplication } from '../subsidy';
import { useTaxonomy } from '../taxonomy';

type Dialog =
  | { kind: 'review'; decision: 'approve' | 'return' | 'reject' }
  | { kind: 'revoke' }
  | { kind: 'decideChange'; changeId: string; decision: 'approve' | 'reject' }
  | null;

const REVIEW_TITLES = { approve: '审核通过', return: '退回企业修改', reject: '审核不通过' } as const;

/** One application: figures, lines, history, change requests and the actions the user's role allows. */
export default function SubsidyDetailPage() {
  const { id } = useParams();
  const user = useUser();
  const taxonomy = useTaxonomy();
  const { modal } = App.useApp();
  const [app, setApp] = useState<SubsidyApplication | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [resubmitOpen, setResubmitOpen] = useState(false);
  const [disburseOpen, setDisburseOpen] = useState(false);
  const [changeOpen, setChangeOpen] = useState(false);
  const [resubmitForm] = Form.useForm<{ lines: LineValues[]; note?: string }>();
  const [disburseForm] = Form.useForm<{ paidYuan: number; reference?: string }>();
  const [changeForm] = Form.useForm<{ kind: string; description: string; reason: string }>();

  const load = useCallback(() => {
    api.get('/subsidy-applications/:id', { id: id! }).then(setApp, showError);
  }, [id]);
  useEffect(load, [load]);

  /** Runs an action, shows the API's refusal (400/403/409) and reloads. */
  const act = async (call: (params: { id: string }) => Promise<SubsidyApplication>, done: string): Promise<boolean> => {
    try {
      setApp(await call({ id: id! }));
      showSuccess(done);
      return true;
    } catch (e) {
      showError(e);
      load();
      return false;
    }
  };

  if (!app) return <Spin />;

  const member = isMemberOf(user, app.enterpriseId);
  const city = hasRole(user, 'city_officer');
  const district = user.roles.some((r) => r.role === 'district_officer' && (r.district === null || r.district === app.district));
  const canReview = (city && app.status === 'district_approved') || (district && app.status === 'submitted');
  const pendingChange = app.changes.some((c) => c.status === 'pending');

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={
          <Space>
            专项资金申请 · {app.enterpriseName ?? app.enterpriseId}
            <Tag color={SUBSIDY_STATUS_COLORS[app.status]} data-testid="subsidy-status">
              {SUBSIDY_STATUS_NAMES[app.status] ?? app.status}
            </Tag>
          </Space>
        }
        extra={<Link to="/subsidy">返回列表</Link>}
      >
        <Descriptions column={{ xs: 1, md: 3 }} size="small">
          <Descriptions.Item label="改造项目">
            <Link to={`/projects/${app.projectId}`}>查看项目</Link>
          </Descriptions.Item>
          <Descriptions.Item label="区县">{taxonomy.name('districts', app.district)}</Descriptions.Item>
          <Descriptions.Item label="验收后水平">{LEVEL_NAMES[app.levelAfter] ?? app.levelAfter}</Descriptions.Item>
          <Descriptions.Item label="总投资">{formatFen(app.totalInvestmentFen)}</Descriptions.Item>
          <Descriptions.Item label="补贴基数">{formatFen(app.eligibleFen)}</Descriptions.Item>
          <Descriptions.Item label="申请补贴">
            <span data-testid="subsidy-amount">{formatFen(app.amountFen)}</span>
            {app.capped && <Tag style={{ marginLeft: 8 }}>已达上限</Tag>}
          </Descriptions.Item>
          <Descriptions.Item label="批准金额">{app.approvedFen === null ? '—' : formatFen(app.approvedFen)}</Descriptions.Item>
          <Descriptions.Item label="已拨付">
            {app.disbursedFen === null ? '—' : formatFen(app.disbursedFen)}
            {app.paymentReference && `（${app.paymentReference}）`}
          </Descriptions.Item>
          {app.clawbackFen !== null && <Descriptions.Item label="应追回">{formatFen(app.clawbackFen)}</Descriptions.Item>}
          <Descriptions.Item label="提交时间">{formatTime(app.submittedAt)}</Descriptions.Item>
        </Descriptions>
        <Space wrap style={{ marginTop: 16 }} data-testid="subsidy-actions">
          {canReview && (
            <>
              <Button type="primary" onClick={() => setDialog({ kind: 'review', decision: 'approve' })}>
                {app.status === 'submitted' ? '初审通过' : '复核通过'}
              </Button>
              <Button onClick={() => setDialog({ kind: 'review', decision: 'return' })}>退回</Button>
              <Button danger onClick={() => setDialog({ kind: 'review', decision: 'reject' })}>
                不通过
              </Button>
            </>
          )}
          {member && app.status === 'returned' && (
            <Button
              type="primary"
              onClick={() => {
                resubmitForm.setFieldsValue({ lines: linesFromApi(app.lines), note: undefined });
                setResubmitOpen(true);
              }}
            >
              修改后重新提交
            </Button>
          )}
          {member && CHANGEABLE_STATUSES.includes(app.status) && !pendingChange && (
            <Button onClick={() => setChangeOpen(true)}>申请重大变更</Button>
          )}
          {city && app.status === 'approved' && (
            <Button
              type="primary"
              onClick={() => {
                disburseForm.setFieldsValue({ paidYuan: (app.approvedFen ?? 0) / 100 });
                setDisburseOpen(true);
              }}
            >
              登记拨付
            </Button>
          )}
          {city && app.status !== 'revoked' && (
            <Button danger onClick={() => setDialog({ kind: 'revoke' })}>
              撤销补贴
            </Button>
          )}
        </Space>
      </Card>

      <Card title="投资明细" size="small">
        <Table
          size="small"
          rowKey={(_, i) => String(i)}
          pagination={false}
          dataSource={app.lines}
          columns={[
            { title: '类别', dataIndex: 'category', render: (c: string) => INVESTMENT_CATEGORY_NAMES[c as 'software'] ?? c },
            { title: '金额', dataIndex: 'amountFen', render: (f: number) => formatFen(f) },
            { title: '说明', dataIndex: 'description' },
          ]}
        />
      </Card>

      <DocumentChecklist ownerPath="subsidy-applications" ownerId={app.id} title="申报材料" />

      <Card title="办理记录" size="small">
        <Timeline
          data-testid="subsidy-history"
          items={app.history.map((h) => ({
            children: (
              <div>
                <Typography.Text strong>
                  {h.stage ? `${STAGE_NAMES[h.stage]} · ` : ''}
                  {SUBSIDY_ACTION_NAMES[h.action] ?? h.action}
                </Typography.Text>{' '}
                → {SUBSIDY_STATUS_NAMES[h.toStatus] ?? h.toStatus}
                <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
                  {formatTime(h.at)}
                </Typography.Text>
                <div data-testid="subsidy-history-actor">
                  <Typography.Text type="secondary">
                    {h.actorRole === 'enterprise'
                      ? `申报企业 · ${app.enterpriseName ?? ''}`
                      : h.actorRole === 'district_officer'
                        ? `${taxonomy.name('districts', app.district)}工信部门（初审）`
                        : '市工信局'}
                    {' · '}
                    {h.actorName ?? '—'}
                  </Typography.Text>
                </div>
                {h.reason && <div>理由：{h.reason}</div>}
              </div>
            ),
          }))}
        />
      </Card>

      <Card title="重大变更" size="small">
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={app.changes}
          locale={{ emptyText: '无变更申请' }}
          columns={[
            { title: '类型', dataIndex: 'kind', render: (k: string) => CHANGE_KIND_NAMES[k] ?? k },
            { title: '变更内容', dataIndex: 'description' },
            { title: '理由', dataIndex: 'reason' },
            { title: '申请时间', dataIndex: 'requestedAt', render: (t: string) => formatTime(t) },
            {
              title: '状态',
              render: (_, c) => (
                <span>
                  {CHANGE_STATUS_NAMES[c.status] ?? c.status}
                  {c.decisionReason && `：${c.decisionReason}`}
                </span>
              ),
            },
            {
              title: '操作',
              render: (_, c) =>
                district && c.status === 'pending' ? (
                  <Space>
                    <Button
                      size="small"
                      type="primary"
                      onClick={() => setDialog({ kind: 'decideChange', changeId: c.id, decision: 'approve' })}
                    >
                      同意
                    </Button>
                    <Button size="small" danger onClick={() => setDialog({ kind: 'decideChange', changeId: c.id, decision: 'reject' })}>
                      不同意
                    </Button>
                  </Space>
                ) : null,
            },
          ]}
        />
      </Card>

      <ReasonModal
        open={dialog?.kind === 'review'}
        title={dialog?.kind === 'review' ? REVIEW_TITLES[dialog.decision] : ''}
        required={dialog?.kind === 'review' && dialog.decision !== 'approve'}
        onCancel={() => setDialog(null)}
        onSubmit={async (reason) => {
          if (dialog?.kind !== 'review') return;
          const ok = await act(
            (p) => api.post('/subsidy-applications/:id/reviews', p, { decision: dialog.decision, reason: reason || undefined }),
            '审核意见已提交',
          );
          if (ok) setDialog(null);
        }}
      />
      <ReasonModal
        open={dialog?.kind === 'decideChange'}
        title={dialog?.kind === 'decideChange' && dialog.decision === 'approve' ? '同意变更（报市级备案）' : '不同意变更'}
        required={dialog?.kind === 'decideChange' && dialog.decision === 'reject'}
        onCancel={() => setDialog(null)}
        onSubmit={async (reason) => {
          if (dialog?.kind !== 'decideChange') return;
          const ok = await act(
            (p) =>
              api.post(
                '/subsidy-applications/:id/changes/:cid/decision',
                { ...p, cid: dialog.changeId },
                { decision: dialog.decision, reason: reason || undefined },
              ),
            '变更审核意见已提交',
          );
          if (ok) setDialog(null);
        }}
      />
      <ReasonModal
        open={dialog?.kind === 'revoke'}
        title="撤销补贴（弄虚作假）：已拨付资金将追回，企业列入黑名单三年"
        onCancel={() => setDialog(null)}
        onSubmit={async (reason) => {
          const ok = await new Promise<boolean>((resolve) =>
            modal.confirm({
              title: '确认撤销该补贴？',
              content: '此操作不可恢复。',
              okText: '确认撤销',
              okButtonProps: { danger: true },
              cancelText: '取消',
              onOk: async () => resolve(await act((p) => api.post('/subsidy-applications/:id/revoke', p, { reason }), '补贴已撤销')),
              onCancel: () => resolve(false),
            }),
          );
          if (ok) setDialog(null);
        }}
      />

      <Modal
        open={resubmitOpen}
        title="修改后重新提交"
        width={900}
        okText="重新提交"
        cancelText="取消"
        destroyOnHidden
        onCancel={() => setResubmitOpen(false)}
        onOk={async () => {
          const v = await resubmitForm.validateFields();
          if (
            await act(
              (p) => api.post('/subsidy-applications/:id/resubmit', p, { lines: linesToApi(v.lines), note: v.note?.trim() || undefined }),
              '已重新提交，等待区县初审',
            )
          )
            setResubmitOpen(false);
        }}
      >
        <Form form={resubmitForm} name="subsidyResubmit" layout="vertical">
          <SubsidyLines form={resubmitForm} />
          <Form.Item name="note" label="修改说明">
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>

      <Modal
        open={disburseOpen}
        title="登记拨付"
        okText="登记"
        cancelText="取消"
        destroyOnHidden
        onCancel={() => setDisburseOpen(false)}
        onOk={async () => {
          const v = await disburseForm.validateFields();
          if (
            await act(
              (p) =>
                api.post('/subsidy-applications/:id/disbursement', p, {
                  paidFen: yuanToFen(v.paidYuan),
                  reference: v.reference?.trim() || undefined,
                }),
              '拨付已登记',
            )
          )
            setDisburseOpen(false);
        }}
      >
        <Form form={disburseForm} name="disburse" layout="vertical">
          <Form.Item
            name="paidYuan"
            label={`拨付金额（元，至多 ${formatFen(app.approvedFen ?? 0)}）`}
            rules={[{ required: true, message: '请输入金额' }]}
          >
            <InputNumber min={0.01} precision={2} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="reference" label="支付凭证号">
            <Input maxLength={100} />
          </Form.Item>
        </Form>
      </Modal>

      <Modal
        open={changeOpen}
        title="申请重大变更"
        okText="提交"
        cancelText="取消"
        destroyOnHidden
        onCancel={() => setChangeOpen(false)}
        onOk={async () => {
          const v = await changeForm.validateFields();
          if (await act((p) => api.post('/subsidy-applications/:id/changes', p, v), '变更申请已提交，等待区县审核')) setChangeOpen(false);
        }}
      >
        <Alert type="info" showIcon style={{ marginBottom: 12 }} message="投资金额的更正请通过退回后重新提交办理" />
        <Form form={changeForm} name="change" layout="vertical">
          <Form.Item name="kind" label="变更类型" rules={[{ required: true, message: '请选择类型' }]}>
            <Select options={Object.entries(CHANGE_KIND_NAMES).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
          <Form.Item name="description" label="变更内容" rules={[{ required: true, whitespace: true, message: '请填写变更内容' }]}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
          <Form.Item name="reason" label="变更理由" rules={[{ required: true, whitespace: true, message: '请填写理由' }]}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}

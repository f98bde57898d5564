import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Row,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../api';
import type { Bid, Need, Provider, Solution } from '../api';
import { fenToWan, formatFen, formatTime, wanToFen } from '../format';
import { ACTIVE_BID_STATUSES, BID_STATUS_COLORS, BID_STATUS_NAMES, PROVIDER_STATUS_NAMES } from '../labels';
import { showError, showSuccess } from './feedback';
import { useOrganisations } from './useOrganisations';
import { useProjectOfNeed } from './useNeedBids';

interface BidFormValues {
  providerId: string;
  priceWan: number;
  deliveryDays: number;
  solutionId?: string | null;
  proposal: string;
  note?: string;
}

/** Whether bids may still be placed or revised (the server checks the deadline by its clock and has the last word). */
export function biddingOpen(need: Need): boolean {
  return need.status === 'published' && !need.biddingClosedAt && new Date(need.bidDeadline).getTime() > Date.now();
}

/** The provider's published solutions, to attach one to a bid. */
function usePublishedSolutions(providerId: string | undefined): Solution[] {
  const [items, setItems] = useState<Solution[]>([]);
  useEffect(() => {
    if (!providerId) {
      setItems([]);
      return;
    }
    let live = true;
    api.get('/solutions', { providerId, status: 'published', pageSize: 100 }).then((page) => live && setItems(page.items), showError);
    return () => {
      live = false;
    };
  }, [providerId]);
  return items;
}

/** The bid's terms: price in 万元 (sent as fen), delivery days, an optional own published solution, the proposal. */
function BidForm({
  name,
  providers,
  initial,
  revising,
  onSubmit,
  onCancel,
}: {
  name: string;
  providers: Provider[];
  initial?: Partial<BidFormValues>;
  revising?: boolean;
  onSubmit: (values: BidFormValues) => Promise<void>;
  onCancel?: () => void;
}) {
  const [form] = Form.useForm<BidFormValues>();
  const [busy, setBusy] = useState(false);
  const providerId = Form.useWatch('providerId', form) ?? initial?.providerId ?? (providers.length === 1 ? providers[0].id : undefined);
  const solutions = usePublishedSolutions(providerId);

  return (
    <Form<BidFormValues>
      form={form}
      name={name}
      layout="vertical"
      initialValues={{ providerId: providers.length === 1 ? providers[0].id : undefined, ...initial }}
      onFinish={async (values) => {
        setBusy(true);
        try {
          await onSubmit({ ...values, providerId: values.providerId ?? providerId });
        } finally {
          setBusy(false);
        }
      }}
      scrollToFirstError
    >
      {providers.length > 1 && !revising && (
        <Form.Item name="providerId" label="投标服务商" rules={[{ required: true, message: '请选择以哪家服务商投标' }]}>
          <Select options={providers.map((p) => ({ value: p.id, label: p.name }))} />
        </Form.Item>
      )}
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item name="priceWan" label="投标报价（万元）" rules={[{ required: true, message: '请输入报价' }]}>
            <InputNumber min={0.0001} max={1_000_000} step={1} precision={4} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="deliveryDays" label="交付工期（天）" rules={[{ required: true, message: '请输入工期' }]}>
            <InputNumber min={1} max={730} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="solutionId" label="关联方案（可选）" extra="仅可选择本服务商已发布的方案">
            <Select
              allowClear
              showSearch
              optionFilterProp="label"
              placeholder="不关联方案"
              options={solutions.map((s) => ({ value: s.id, label: s.title }))}
              notFoundContent="暂无已发布方案"
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="proposal" label="实施方案说明" rules={[{ required: true, whitespace: true, message: '请填写实施方案说明' }]}>
        <Input.TextArea rows={5} maxLength={10_000} showCount placeholder="实施内容、技术路线、人员安排、售后服务等" />
      </Form.Item>
      {revising && (
        <Form.Item name="note" label="修改说明（可选）">
          <Input maxLength={500} placeholder="例如：调整报价，缩短工期" />
        </Form.Item>
      )}
      <Space>
        <Button type="primary" htmlType="submit" loading={busy}>
          {revising ? '保存修改' : '提交投标'}
        </Button>
        {onCancel && <Button onClick={onCancel}>取消</Button>}
      </Space>
    </Form>
  );
}

/** One of the provider's own bids: its terms, status, and revise / withdraw while allowed. */
function OwnBid({ bid, need, providers, onChanged }: { bid: Bid; need: Need; providers: Provider[]; onChanged: () => void }) {
  const [editing, setEditing] = useState(false);
  const [busy, setBusy] = useState(false);
  const project = useProjectOfNeed(bid.providerId, need.id, bid.status === 'awarded');
  const provider = providers.find((p) => p.id === bid.providerId);
  const canRevise = bid.status === 'submitted' && biddingOpen(need);
  const canWithdraw = ACTIVE_BID_STATUSES.includes(bid.status);

  const withdraw = async () => {
    setBusy(true);
    try {
      await api.post('/bids/:id/withdraw', { id: bid.id }, {});
      showSuccess('投标已撤回');
      onChanged();
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card
      size="small"
      data-testid="own-bid"
      title={
        <Space wrap>
          <span>我的投标{providers.length > 1 ? `（${bid.providerName}）` : ''}</span>
          <Tag color={BID_STATUS_COLORS[bid.status]}>{BID_STATUS_NAMES[bid.status] ?? bid.status}</Tag>
          {bid.revision && bid.revision > 1 ? <Tag>第 {bid.revision} 版</Tag> : null}
        </Space>
      }
      extra={
        !editing && (
          <Space>
            {project && (
              <Link to={`/projects/${project.id}`}>
                <Button type="primary">查看改造项目</Button>
              </Link>
            )}
            {canRevise && <Button onClick={() => setEditing(true)}>修改投标</Button>}
            {canWithdraw && (
              <Popconfirm title="确定撤回该投标？撤回后可在截止前重新投标。" okText="撤回" cancelText="取消" onConfirm={withdraw}>
                <Button danger loading={busy}>
                  撤回
                </Button>
              </Popconfirm>
            )}
          </Space>
        )
      }
    >
      {editing ? (
        <BidForm
          name="reviseBid"
          revising
          providers={provider ? [provider] : []}
          initial={{
            providerId: bid.providerId,
            priceWan: fenToWan(bid.priceFen),
            deliveryDays: bid.deliveryDays,
            solutionId: bid.solutionId ?? undefined,
            proposal: bid.proposal,
          }}
          onCancel={() => setEditing(false)}
          onSubmit={async (v) => {
            try {
              await api.patch(
                '/bids/:id',
                { id: bid.id },
                {
                  priceFen: wanToFen(v.priceWan),
                  deliveryDays: v.deliveryDays,
                  proposal: v.proposal,
                  // A cleared choice drops the solution from the bid.
                  solutionId: v.solutionId ?? null,
                  ...(v.note?.trim() ? { note: v.note.trim() } : {}),
                },
              );
              showSuccess('投标已修改');
              setEditing(false);
              onChanged();
            } catch (e) {
              showError(e);
            }
          }}
        />
      ) : (
        <Descriptions size="small" column={{ xs: 1, md: 3 }} styles={{ label: { whiteSpace: 'nowrap' } }}>
          <Descriptions.Item label="报价">
            <Typography.Text strong style={{ color: '#cf1322' }} data-testid="own-bid-price">
              {formatFen(bid.priceFen)}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label="工期">{bid.deliveryDays} 天</Descriptions.Item>
          <Descriptions.Item label="关联方案">
            {bid.solutionId ? <Link to={`/solutions/${bid.solutionId}`}>{bid.solutionTitle ?? '查看方案'}</Link> : '—'}
          </Descriptions.Item>
          <Descriptions.Item label="提交时间">{formatTime(bid.submittedAt)}</Descriptions.Item>
          <Descriptions.Item label="最近修改">{formatTime(bid.revisedAt)}</Descriptions.Item>
          {bid.subsidyEstimate && (
            <Descriptions.Item label="预估补贴">
              {formatFen(bid.subsidyEstimate.subsidyFen)} <Tag color="orange">预估</Tag>
            </Descriptions.Item>
          )}
          <Descriptions.Item label="实施方案说明" span={3}>
            <Typography.Paragraph className="pre-wrap" style={{ marginBottom: 0 }}>
              {bid.proposal}
            </Typography.Paragraph>
          </Descriptions.Item>
        </Descriptions>
      )}
    </Card>
  );
}

/**
 * 投标 on a need, for a provider's members: their own bids (sealed: no one else's) with
 * revise and withdraw, and the bid form while bidding is open and one of their approved
 * providers has no bid in the running.
 */
export function BidPanel({ need, bids, onChanged }: { need: Need; bids: Bid[] | null; onChanged: () => void }) {
  const providers = useOrganisations('provider');
  const approved = useMemo(() => providers.items.filter((p) => p.status === 'approved'), [providers.items]);
  const own = bids ?? [];
  const free = approved.filter((p) => !own.some((b) => b.providerId === p.id && ACTIVE_BID_STATUSES.includes(b.status)));
  const open = biddingOpen(need);

  const submit = async (v: BidFormValues) => {
    try {
      await api.post(
        '/needs/:id/bids',
        { id: need.id },
        {
          ...(approved.length > 1 ? { providerId: v.providerId } : {}),
          priceFen: wanToFen(v.priceWan),
          deliveryDays: v.deliveryDays,
          proposal: v.proposal,
          ...(v.solutionId ? { solutionId: v.solutionId } : {}),
        },
      );
      showSuccess('投标已提交');
      onChanged();
    } catch (e) {
      showError(e);
    }
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Alert
        type="info"
        showIcon
        message={`投标截止：${formatTime(need.bidDeadline)}（北京时间）`}
        description="投标对其他服务商保密；截止前可修改未入围的投标，中标前可随时撤回。"
      />
      {own.map((bid) => (
        <OwnBid key={bid.id} bid={bid} need={need} providers={providers.items} onChanged={onChanged} />
      ))}
      {!providers.loading && !approved.length && (
        <Alert
          type="warning"
          showIcon
          message="服务商通过遴选后方可投标"
          description={providers.items.map((p) => `${p.name}：${PROVIDER_STATUS_NAMES[p.status] ?? p.status}`).join('；')}
        />
      )}
      {approved.length > 0 && free.length > 0 && open && (
        <Card size="small" title="提交投标" data-testid="bid-form">
          <BidForm name="bid" providers={free} onSubmit={submit} />
        </Card>
      )}
      {approved.length > 0 && !open && !own.length && <Empty description="该需求已停止接受投标" />}
    </Space>
  );
}

import { InfoCircleOutlined } from '@ant-design/icons';
import { Alert, Button, Empty, Form, Input, Modal, Popconfirm, Progress, Space, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { api } from '../api';
import type { Bid, Need, ProviderRecord } from '../api';
import { formatFen, formatTime, isoToShanghaiLocal, shanghaiLocalToIso } from '../format';
import { ACTIVE_BID_STATUSES, BID_STATUS_COLORS, BID_STATUS_NAMES, PROVIDER_KIND_NAMES } from '../labels';
import { showError, showSuccess } from './feedback';
import { useProjectOfNeed } from './useNeedBids';
import { ResponsiveTable } from './ResponsiveTable';
import { ShanghaiDateTimePicker } from './ShanghaiPickers';

function RecordText({ record }: { record: ProviderRecord | null }) {
  if (!record) return <Typography.Text type="secondary">—</Typography.Text>;
  const rate = record.acceptancePassRate === null ? '—' : `${Math.round(record.acceptancePassRate * 100)}%`;
  const rating = record.ratingAverage === null ? '暂无' : `${record.ratingAverage.toFixed(1)}（${record.ratingCount} 条）`;
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
      完成项目 {record.completedProjects} · 验收通过率 {rate} · 评分 {rating}
    </Typography.Text>
  );
}

/** Moves the bid deadline of a published need that drew no bid. */
export function ExtendDeadlineModal({
  need,
  open,
  onClose,
  onExtended,
}: {
  need: Need;
  open: boolean;
  onClose: () => void;
  onExtended: (need: Need) => void;
}) {
  const [form] = Form.useForm<{ bidDeadline: string; reason?: string }>();
  const [busy, setBusy] = useState(false);
  return (
    <Modal
      open={open}
      title="延长投标截止时间"
      okText="确定延长"
      cancelText="取消"
      confirmLoading={busy}
      destroyOnHidden
      onCancel={onClose}
      onOk={async () => {
        const v = await form.validateFields();
        setBusy(true);
        try {
          const extended = await api.post(
            '/needs/:id/extend',
            { id: need.id },
            {
              bidDeadline: shanghaiLocalToIso(v.bidDeadline),
              ...(v.reason?.trim() ? { reason: v.reason.trim() } : {}),
            },
          );
          showSuccess('投标截止时间已延长');
          onExtended(extended);
        } catch (e) {
          showError(e);
        } finally {
          setBusy(false);
        }
      }}
    >
      <Typography.Paragraph type="secondary">
        当前截止：{formatTime(need.bidDeadline)}。仅未收到投标的需求可以延长，新的截止时间须晚于当前截止时间。
      </Typography.Paragraph>
      <Form
        form={form}
        name="extend"
        layout="vertical"
        preserve={false}
        initialValues={{ bidDeadline: isoToShanghaiLocal(need.bidDeadline) }}
      >
        <Form.Item name="bidDeadline" label="新的投标截止（北京时间）" rules={[{ required: true, message: '请选择截止时间' }]}>
          <ShanghaiDateTimePicker />
        </Form.Item>
        <Form.Item name="reason" label="原因（可选）">
          <Input maxLength={500} placeholder="例如：截止前未收到投标" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/**
 * 投标对比 for the need's enterprise (officers read it too): every bid side by side —
 * price, delivery, match score, the provider's record and the subsidy the price would
 * bring (an estimate: the grant follows acceptance and review) — with shortlist and award.
 */
export function BidComparison({
  need,
  bids,
  canDecide,
  onChanged,
  onNeedChanged,
}: {
  need: Need;
  bids: Bid[] | null;
  /** Members of the need's enterprise decide; officers only look. */
  canDecide: boolean;
  onChanged: () => void;
  onNeedChanged: (need: Need) => void;
}) {
  const navigate = useNavigate();
  const [busy, setBusy] = useState<string | null>(null);
  const [extending, setExtending] = useState(false);
  const project = useProjectOfNeed(canDecide ? need.enterpriseId : null, need.id, need.status === 'awarded');
  const items = bids ?? [];
  const active = items.filter((b) => ACTIVE_BID_STATUSES.includes(b.status));
  const deciding = canDecide && need.status === 'published';
  const lowest = active.length ? Math.min(...active.map((b) => b.priceFen)) : null;
  const fastest = active.length ? Math.min(...active.map((b) => b.deliveryDays)) : null;
  const bestMatch = Math.max(0, ...active.map((b) => b.matchScore ?? 0)) || null;

  const shortlist = async (bid: Bid) => {
    setBusy(bid.id);
    try {
      await api.post('/bids/:id/shortlist', { id: bid.id }, {});
      showSuccess(`已将 ${bid.providerName} 列入候选`);
      onChanged();
    } catch (e) {
      showError(e);
    } finally {
      setBusy(null);
    }
  };

  const award = async (bid: Bid) => {
    setBusy(bid.id);
    try {
      const result = await api.post('/needs/:id/award', { id: need.id }, { bidId: bid.id });
      showSuccess(`已选定 ${bid.providerName} 中标，改造项目已创建`);
      navigate(`/projects/${result.projectId}`);
    } catch (e) {
      showError(e);
      setBusy(null);
    }
  };

  const estimateNote = items.find((b) => b.subsidyEstimate?.basis)?.subsidyEstimate?.basis;

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Alert
        type="warning"
        showIcon
        message="补贴为预估"
        description={
          estimateNote ??
          '按报价估算专项资金补贴（符合条件投入的50%，最高50万元）；实际补贴以项目验收达到二级及以上、经区县初审和市级复核认定的投入为准。'
        }
      />
      {need.status === 'awarded' && project && (
        <Alert
          type="success"
          showIcon
          message="已选定中标服务商，改造项目已创建"
          action={
            <Link to={`/projects/${project.id}`}>
              <Button size="small" type="primary">
                查看改造项目
              </Button>
            </Link>
          }
        />
      )}
      {deciding && !active.length && (
        <Alert
          type="info"
          showIcon
          message={need.biddingClosedAt ? '投标已截止，未收到有效投标' : '暂未收到有效投标'}
          description="未收到投标的需求可以延长投标截止时间。"
          action={<Button onClick={() => setExtending(true)}>延长截止时间</Button>}
        />
      )}
      <ResponsiveTable<Bid>
        rowKey="id"
        size="middle"
        loading={bids === null}
        dataSource={items}
        pagination={false}
        scroll={{ x: 1000 }}
        locale={{ emptyText: <Empty description="暂无投标" /> }}
        rowClassName={(b) => (ACTIVE_BID_STATUSES.includes(b.status) ? '' : 'row-inactive')}
        expandable={{
          expandedRowRender: (b) => (
            <Typography.Paragraph className="pre-wrap" style={{ margin: 0 }}>
              <Typography.Text strong>实施方案说明：</Typography.Text>
              {b.proposal}
            </Typography.Paragraph>
          ),
        }}
        columns={[
          {
            title: '服务商 / 关联方案',
            key: 'provider',
            width: 230,
            render: (_, b) => (
              <Space direction="vertical" size={2}>
                <Space size={4} wrap>
                  <Link to={`/providers/${b.providerId}`}>{b.providerName || '—'}</Link>
                  {b.providerKind && <Tag>{PROVIDER_KIND_NAMES[b.providerKind] ?? b.providerKind}</Tag>}
                </Space>
                <RecordText record={b.providerRecord} />
                {b.solutionId ? (
                  <Typography.Text style={{ fontSize: 12 }}>
                    方案：<Link to={`/solutions/${b.solutionId}`}>{b.solutionTitle ?? '查看方案'}</Link>
                  </Typography.Text>
                ) : (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    未关联方案
                  </Typography.Text>
                )}
              </Space>
            ),
          },
          {
            title: '报价',
            key: 'price',
            width: 110,
            sorter: (a, b) => a.priceFen - b.priceFen,
            render: (_, b) => (
              <Space direction="vertical" size={0}>
                <Typography.Text strong style={{ color: '#cf1322' }}>
                  {formatFen(b.priceFen)}
                </Typography.Text>
                {b.priceFen === lowest && active.length > 1 && <Tag color="green">最低报价</Tag>}
                {b.priceFen > need.budgetFen && <Tag color="red">超预算</Tag>}
              </Space>
            ),
          },
          {
            title: '工期',
            key: 'days',
            width: 80,
            sorter: (a, b) => a.deliveryDays - b.deliveryDays,
            render: (_, b) => (
              <Space direction="vertical" size={0}>
                <span>{b.deliveryDays} 天</span>
                {b.deliveryDays === fastest && active.length > 1 && <Tag color="green">最短</Tag>}
              </Space>
            ),
          },
          {
            title: '匹配度',
            key: 'match',
            width: 140,
            sorter: (a, b) => (a.matchScore ?? -1) - (b.matchScore ?? -1),
            render: (_, b) =>
              b.matchScore === null ? (
                <Tooltip title="投标未关联方案，无法计算匹配度">
                  <Typography.Text type="secondary">—</Typography.Text>
                </Tooltip>
              ) : (
                <Space direction="vertical" size={0} style={{ width: '100%' }}>
                  <Progress percent={Math.round(b.matchScore * 1000) / 10} size="small" format={(p) => `${p} 分`} />
                  {b.matchScore === bestMatch && active.length > 1 && <Tag color="green">最匹配</Tag>}
                </Space>
              ),
          },
          {
            title: (
              <Tooltip title="按报价估算：符合条件投入的50%，最高50万元；以验收后审核认定为准">
                <span>
                  预估补贴 / 企业净支出 <InfoCircleOutlined />
                </span>
              </Tooltip>
            ),
            key: 'subsidy',
            width: 170,
            render: (_, b) =>
              b.subsidyEstimate && (
                <Space direction="vertical" size={0} data-testid="bid-subsidy">
                  <span>
                    补贴 <Typography.Text strong>{formatFen(b.subsidyEstimate.subsidyFen)}</Typography.Text>
                  </span>
                  <span>净支出 {formatFen(b.subsidyEstimate.netCostFen)}</span>
                  <Space size={4} wrap>
                    {b.subsidyEstimate.isEstimate && <Tag color="orange">补贴为预估</Tag>}
                    {b.subsidyEstimate.capped && <Tag color="purple">已达50万元上限</Tag>}
                  </Space>
                </Space>
              ),
          },
          {
            title: '状态',
            key: 'status',
            width: 120,
            render: (_, b) => (
              <Space direction="vertical" size={0}>
                <Tag color={BID_STATUS_COLORS[b.status]}>{BID_STATUS_NAMES[b.status] ?? b.status}</Tag>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatTime(b.revisedAt ?? b.submittedAt)}
                  {b.revision && b.revision > 1 ? ` · 第${b.revision}版` : ''}
                </Typography.Text>
              </Space>
            ),
          },
          ...(deciding
            ? [
                {
                  title: '操作',
                  key: 'actions',
                  width: 150,
                  render: (_: unknown, b: Bid) =>
                    ACTIVE_BID_STATUSES.includes(b.status) ? (
                      <Space wrap size={4}>
                        {b.status === 'submitted' && (
                          <Button size="small" loading={busy === b.id} onClick={() => shortlist(b)}>
                            入围
                          </Button>
                        )}
                        <Popconfirm
                          title={`选定 ${b.providerName} 中标？`}
                          description="选定后需求结束征集，其余投标将被告知未中标，并生成改造项目与标准化合同。"
                          okText="确定中标"
                          cancelText="取消"
                          onConfirm={() => award(b)}
                        >
                          <Button size="small" type="primary" loading={busy === b.id}>
                            选定中标
                          </Button>
                        </Popconfirm>
                      </Space>
                    ) : null,
                },
              ]
            : []),
        ]}
      />
      <ExtendDeadlineModal
        need={need}
        open={extending}
        onClose={() => setExtending(false)}
        onExtended={(n) => {
          setExtending(false);
          onNeedChanged(n);
        }}
      />
    </Space>
  );
}

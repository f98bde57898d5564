import { Button, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../api';
import { allPages, allows } from '../events';
import type { MatchmakingEvent, ParticipantSide, Registration } from '../events';
import { formatTime } from '../format';
import { REGISTRATION_STATUS_COLORS, REGISTRATION_STATUS_NAMES } from '../labels';
import { showError, showSuccess } from './feedback';
import { ReasonModal } from './ReasonModal';

/**
 * 报名审核 (the organiser; overseers read): every registration by side, approved within the
 * side's capacity or rejected with a reason; on the day, participants are checked in here.
 */
export function EventRegistrations({
  event,
  canManage,
  onChanged,
}: {
  event: MatchmakingEvent;
  canManage: boolean;
  onChanged: () => void;
}) {
  const [items, setItems] = useState<Registration[] | null>(null);
  const [side, setSide] = useState<ParticipantSide>('enterprise');
  const [busy, setBusy] = useState<string | null>(null);
  const [rejecting, setRejecting] = useState<Registration | null>(null);

  const load = useCallback(() => {
    allPages('/events/:id/registrations', { id: event.id }).then(setItems, (e) => {
      showError(e);
      setItems([]);
    });
  }, [event.id]);
  useEffect(load, [load]);

  /** One of the organiser's actions on a registration: approve, reject or check in. */
  const act = async (r: Registration, action: 'approve' | 'reject' | 'check-in', body: unknown, done: string) => {
    setBusy(r.id);
    try {
      if (action === 'check-in') await api.post('/events/:id/check-in', { id: event.id }, body);
      else await api.post(`/events/:id/registrations/:rid/${action}`, { id: event.id, rid: r.id }, body);
      showSuccess(done);
      load();
      onChanged();
      return true;
    } catch (e) {
      showError(e);
      return false;
    } finally {
      setBusy(null);
    }
  };

  const names = new Map((items ?? []).map((r) => [r.organisationId, r.organisationName]));
  const rows = (items ?? []).filter((r) => r.side === side);
  const counts = event.registrations[side === 'enterprise' ? 'enterprises' : 'providers'];
  const capacity = side === 'enterprise' ? event.capacityEnterprises : event.capacityProviders;

  return (
    <>
      <Tabs
        activeKey={side}
        onChange={(k) => setSide(k as ParticipantSide)}
        items={[
          { key: 'enterprise', label: `企业（${(items ?? []).filter((r) => r.side === 'enterprise').length}）` },
          { key: 'provider', label: `服务商（${(items ?? []).filter((r) => r.side === 'provider').length}）` },
        ]}
      />
      <Typography.Paragraph type="secondary">
        已通过 {counts.approved} / 名额 {capacity}，待审核 {counts.pending}，未通过 {counts.rejected}
      </Typography.Paragraph>
      <Table<Registration>
        rowKey="id"
        size="small"
        loading={!items}
        dataSource={rows}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        data-testid="event-registrations"
        columns={[
          { title: side === 'enterprise' ? '企业' : '服务商', dataIndex: 'organisationName' },
          {
            title: '状态',
            dataIndex: 'status',
            render: (s: string, r) => (
              <Space size={4}>
                <Tag color={REGISTRATION_STATUS_COLORS[s]}>{REGISTRATION_STATUS_NAMES[s] ?? s}</Tag>
                {r.checkedInAt && <Tag color="green">已签到</Tag>}
              </Space>
            ),
          },
          {
            title: '可参加场次',
            render: (_, r) => (r.availableSlots?.length === event.slots ? '全部' : `${r.availableSlots?.length ?? 0} 场`),
          },
          {
            title: '希望洽谈',
            render: (_, r) =>
              r.wants?.length ? (
                <Typography.Text ellipsis style={{ maxWidth: 260 }}>
                  {r.wants.map((w) => names.get(w) ?? '未报名机构').join('、')}
                </Typography.Text>
              ) : (
                '—'
              ),
          },
          { title: '报名时间', dataIndex: 'createdAt', render: (t: string) => formatTime(t) },
          { title: '审核意见', dataIndex: 'decisionReason', render: (t: string | null) => t ?? '—' },
          ...(canManage
            ? [
                {
                  title: '操作',
                  key: 'actions',
                  render: (_: unknown, r: Registration) => (
                    <Space>
                      {r.status === 'pending' && allows(event, 'decide_registration') && (
                        <>
                          <Button
                            size="small"
                            type="primary"
                            loading={busy === r.id}
                            onClick={() => act(r, 'approve', {}, `已通过 ${r.organisationName} 的报名`)}
                          >
                            通过
                          </Button>
                          <Button size="small" danger onClick={() => setRejecting(r)}>
                            不通过
                          </Button>
                        </>
                      )}
                      {r.status === 'approved' && !r.checkedInAt && allows(event, 'check_in') && (
                        <Button
                          size="small"
                          loading={busy === r.id}
                          onClick={() => act(r, 'check-in', { organisationId: r.organisationId }, `${r.organisationName} 已签到`)}
                        >
                          签到
                        </Button>
                      )}
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <ReasonModal
        open={!!rejecting}
        title={rejecting ? `不通过：${rejecting.organisationName}` : ''}
        onCancel={() => setRejecting(null)}
        onSubmit={async (reason) => {
          if (rejecting && (await act(rejecting, 'reject', { reason }, '已驳回报名'))) setRejecting(null);
        }}
      />
    </>
  );
}

import { Alert, Button, Card, Descriptions, Grid, Popconfirm, Result, Space, Spin, Tabs, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api, ApiError } from '../api';
import { hasRole, useViewer } from '../auth';
import { EventCheckIn } from '../components/EventCheckIn';
import { usePageMeta } from '../usePageMeta';
import { EventParticipation } from '../components/EventParticipation';
import { EventRegistrations } from '../components/EventRegistrations';
import { EventReportPanel } from '../components/EventReportPanel';
import { EventSchedule } from '../components/EventSchedule';
import { showError, showSuccess } from '../components/feedback';
import { agendaVisible, allows } from '../events';
import type { MatchmakingEvent } from '../events';
import { formatTime } from '../format';
import { EVENT_STATUS_COLORS, EVENT_STATUS_NAMES } from '../labels';
import { useTaxonomy } from '../taxonomy';

type Action = 'open-registration' | 'close-registration' | 'complete' | 'cancel';

const ACTION_DONE: Record<Action, string> = {
  'open-registration': '已开放报名',
  'close-registration': '报名已截止，可运行智能排程',
  complete: '活动已结束',
  cancel: '活动已取消，参会方已收到通知',
};

/**
 * One matchmaking event. Everyone reads its details; enterprises and providers register,
 * mark whom they want to meet and read their agendas (我的报名); its organiser runs it —
 * registration, approvals, the schedule, check-in, outcomes — and reads the report
 * (officers read them too).
 */
export default function EventDetailPage() {
  const { id } = useParams();
  const navigate = useNavigate();
  // Open to visitors (the portal): a null user reads the event and is asked to sign in to register.
  const user = useViewer();
  const taxonomy = useTaxonomy();
  const [event, setEvent] = useState<MatchmakingEvent | null>(null);
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState<Action | null>(null);
  const [tab, setTab] = useState<string | null>(null);
  usePageMeta(event?.title ?? (missing ? '活动不存在' : '对接活动'));
  const screens = Grid.useBreakpoint();

  const load = useCallback(() => {
    api.get('/events/:id', { id: id! }).then(setEvent, (e) => {
      if (e instanceof ApiError && (e.status === 404 || e.status === 400)) setMissing(true);
      else showError(e);
    });
  }, [id]);
  useEffect(load, [load]);

  if (missing) return <Result status="404" title="活动不存在" extra={<Button onClick={() => navigate('/events')}>返回活动列表</Button>} />;
  if (!event) return <Spin />;

  const organiser = !!user && event.organizerId === user.id && hasRole(user, 'organizer');
  const overseer = hasRole(user, 'city_officer', 'admin');
  // Who checks people in at the desk: the organiser, and admins standing in.
  const desk = organiser || hasRole(user, 'admin');
  const phone = !!screens.xs;
  const participant = !!user && user.memberships.length > 0;

  const act = async (action: Action) => {
    setBusy(action);
    try {
      setEvent(await api.post(`/events/:id/${action}`, { id: event.id }));
      showSuccess(ACTION_DONE[action]);
    } catch (e) {
      showError(e);
    } finally {
      setBusy(null);
    }
  };

  const details = (
    <Descriptions bordered column={{ xs: 1, md: 2 }} size="small" styles={{ label: { whiteSpace: 'nowrap' } }}>
      <Descriptions.Item label="行业">{taxonomy.name('industries', event.industry)}</Descriptions.Item>
      <Descriptions.Item label="区县">{taxonomy.name('districts', event.district)}</Descriptions.Item>
      <Descriptions.Item label="时间">
        {formatTime(event.startsAt)} ~ {formatTime(event.endsAt).slice(11)}
      </Descriptions.Item>
      <Descriptions.Item label="地点">{event.online ? '线上' : (event.venue ?? '—')}</Descriptions.Item>
      <Descriptions.Item label="洽谈安排">
        {event.slots} 场 × {event.slotMinutes} 分钟，{event.tables} 张洽谈桌
      </Descriptions.Item>
      <Descriptions.Item label="洽谈场数">
        每家企业至少 {event.minMeetingsPerEnterprise} 场，每家服务商至多 {event.maxMeetingsPerProvider} 场
      </Descriptions.Item>
      <Descriptions.Item label="企业报名">
        已通过 {event.registrations.enterprises.approved} / 名额 {event.capacityEnterprises}（待审核{' '}
        {event.registrations.enterprises.pending}）
      </Descriptions.Item>
      <Descriptions.Item label="服务商报名">
        已通过 {event.registrations.providers.approved} / 名额 {event.capacityProviders}（待审核 {event.registrations.providers.pending}）
      </Descriptions.Item>
      {event.publishedAt && <Descriptions.Item label="日程发布">{formatTime(event.publishedAt)}</Descriptions.Item>}
      {event.cancelledAt && <Descriptions.Item label="取消时间">{formatTime(event.cancelledAt)}</Descriptions.Item>}
    </Descriptions>
  );

  const tabs = [
    { key: 'details', label: '活动信息', children: details },
    ...(participant && !organiser
      ? [{ key: 'mine', label: '我的报名', children: <EventParticipation event={event} onChanged={load} /> }]
      : []),
    ...(organiser || overseer
      ? [
          {
            key: 'registrations',
            label: `报名审核（${event.registrations.enterprises.pending + event.registrations.providers.pending} 待审）`,
            children: <EventRegistrations event={event} canManage={organiser} onChanged={load} />,
          },
          // Before the schedule: on a phone at the desk it is the tab in view.
          ...(desk && agendaVisible(event.status)
            ? [{ key: 'check-in', label: '签到', children: <EventCheckIn event={event} onChanged={load} /> }]
            : []),
          { key: 'schedule', label: '洽谈日程', children: <EventSchedule event={event} canManage={organiser} onChanged={load} /> },
          { key: 'report', label: '活动报告', children: <EventReportPanel event={event} /> },
        ]
      : []),
  ];
  // Where the user acts first: the organiser on the schedule once registration closed, a participant on its registration.
  const preferred =
    organiser && ['registration_closed', 'scheduled', 'published'].includes(event.status)
      ? 'schedule'
      : organiser && event.status === 'registration_open'
        ? 'registrations'
        : participant && !organiser
          ? 'mine'
          : 'details';
  const activeTab = tab && tabs.some((t) => t.key === tab) ? tab : preferred;

  // The organiser's actions: beside the title on a wide screen, beneath it on a phone.
  const actions = organiser && (
    <Space wrap>
      {allows(event, 'edit') && <Button onClick={() => navigate(`/events/${event.id}/edit`)}>编辑</Button>}
      {allows(event, 'open_registration') && (
        <Button type="primary" loading={busy === 'open-registration'} onClick={() => act('open-registration')}>
          开放报名
        </Button>
      )}
      {allows(event, 'close_registration') && (
        <Popconfirm title="截止报名后不再接受新报名（仍可审核与重新开放），确定？" onConfirm={() => act('close-registration')}>
          <Button loading={busy === 'close-registration'}>截止报名</Button>
        </Popconfirm>
      )}
      {allows(event, 'complete') && (
        <Popconfirm title="活动结束后不再记录签到与洽谈结果，确定？" onConfirm={() => act('complete')}>
          <Button loading={busy === 'complete'}>结束活动</Button>
        </Popconfirm>
      )}
      {allows(event, 'cancel') && (
        <Popconfirm title="取消活动将通知所有已通过的参会方，且不可恢复，确定？" onConfirm={() => act('cancel')}>
          <Button danger loading={busy === 'cancel'}>
            取消活动
          </Button>
        </Popconfirm>
      )}
    </Space>
  );

  return (
    <Card
      title={
        <Space wrap>
          <span>{event.title}</span>
          <Tag color={EVENT_STATUS_COLORS[event.status]} data-testid="event-status">
            {EVENT_STATUS_NAMES[event.status] ?? event.status}
          </Tag>
        </Space>
      }
      extra={!phone && actions}
      styles={phone ? { body: { padding: 12 }, title: { whiteSpace: 'normal' } } : undefined}
    >
      {phone && actions && <div style={{ marginBottom: 12 }}>{actions}</div>}
      {organiser && event.status === 'draft' && (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} message="草稿仅您可见；开放报名后企业与服务商即可看到并报名。" />
      )}
      {event.status === 'cancelled' && <Alert type="error" showIcon style={{ marginBottom: 16 }} message="本活动已取消。" />}
      {!user && event.status === 'registration_open' && (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 16 }}
          message="报名进行中"
          description="企业和入库服务商登录后即可报名，并填写想洽谈的对象与可参会时段。"
          action={
            <Link to="/login" state={{ from: `/events/${event.id}` }}>
              <Button type="primary">登录后报名</Button>
            </Link>
          }
        />
      )}
      <Tabs activeKey={activeTab} onChange={setTab} items={tabs} destroyOnHidden />
    </Card>
  );
}

import { CalendarOutlined, DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Descriptions, Empty, Form, Modal, Space, Spin, Table, Tag, Tooltip, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { api, ApiError } from '../api';
import type { Enterprise, Provider } from '../api';
import { agendaVisible, allPages, allows, showFieldErrors, slotLabel, tableLabel } from '../events';
import type { Agenda, MatchmakingEvent, ParticipantSide, Registration } from '../events';
import { MEETING_KIND_COLORS, MEETING_KIND_NAMES, REGISTRATION_STATUS_COLORS, REGISTRATION_STATUS_NAMES } from '../labels';
import { CheckInPass } from './CheckInPass';
import { EventOrgSelect } from './EventOrgSelect';
import { showError, showSuccess } from './feedback';
import { useOrganisations } from './useOrganisations';

interface Organisation {
  id: string;
  name: string;
  side: ParticipantSide;
  /** Why it may not register (a provider not yet selected), if so. */
  blocked?: string;
}

interface RegistrationForm {
  availableSlots: number[];
  wants: string[];
}

/**
 * 我的报名: for each of the user's enterprises and providers, register for the event, say
 * whom it wants to meet and when it can come, check in on the day, and read the agenda
 * once published (with an .ics download for the calendar).
 */
export function EventParticipation({ event, onChanged }: { event: MatchmakingEvent; onChanged: () => void }) {
  const enterprises = useOrganisations('enterprise');
  const providers = useOrganisations('provider');
  const [registrations, setRegistrations] = useState<Registration[] | null>(null);
  const [editing, setEditing] = useState<{ organisation: Organisation; registration?: Registration } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const organisations = useMemo<Organisation[]>(
    () => [
      ...enterprises.items.map((e: Enterprise) => ({ id: e.id, name: e.name, side: 'enterprise' as const })),
      ...providers.items.map((p: Provider) => ({
        id: p.id,
        name: p.name,
        side: 'provider' as const,
        blocked: p.status === 'approved' ? undefined : '服务商通过遴选后方可报名',
      })),
    ],
    [enterprises.items, providers.items],
  );

  const load = useCallback(() => {
    // Only participants read the list: without a registration of one's own the API answers 403.
    allPages('/events/:id/registrations', { id: event.id }).then(setRegistrations, (e) => {
      if (e instanceof ApiError && e.status === 403) setRegistrations([]);
      else {
        showError(e);
        setRegistrations([]);
      }
    });
  }, [event.id]);
  useEffect(load, [load]);

  // Whom one wants to meet need not be a participant yet: their names come from the directory.
  const [otherNames, setOtherNames] = useState<Map<string, string>>(new Map());
  useEffect(() => {
    if (!registrations) return;
    const listed = new Set(registrations.map((r) => r.organisationId));
    const wanted = registrations.flatMap((r) =>
      (r.wants ?? []).filter((w) => !listed.has(w)).map((w) => ({ id: w, side: r.side === 'enterprise' ? 'providers' : 'enterprises' })),
    );
    if (!wanted.length) return;
    let live = true;
    Promise.all(
      wanted.map((w) =>
        (w.side === 'providers' ? api.get('/providers/:id', { id: w.id }) : api.get('/enterprises/:id', { id: w.id })).then(
          (o) => [o.id, o.name] as const,
          () => [w.id, '（未找到）'] as const,
        ),
      ),
    ).then((pairs) => live && setOtherNames(new Map(pairs)));
    return () => {
      live = false;
    };
  }, [registrations]);

  if (enterprises.loading || providers.loading || !registrations) return <Spin />;
  if (!organisations.length) {
    return <Empty description="登记企业或入驻服务商后即可报名参加供需对接活动（“我的企业/服务商”页面）" />;
  }

  const mine = (id: string) => registrations.find((r) => r.organisationId === id);
  const names = new Map([...otherNames, ...registrations.map((r) => [r.organisationId, r.organisationName] as const)]);
  const approvedOf = (side: ParticipantSide) =>
    registrations
      .filter((r) => r.side === side && r.status === 'approved')
      .map((r) => ({ value: r.organisationId, label: r.organisationName }));

  const checkIn = async (organisation: Organisation) => {
    setBusy(organisation.id);
    try {
      await api.post('/events/:id/check-in', { id: event.id }, { organisationId: organisation.id });
      showSuccess(`${organisation.name} 已签到`);
      load();
      onChanged();
    } catch (e) {
      showError(e);
    } finally {
      setBusy(null);
    }
  };

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      {organisations.map((organisation) => {
        const registration = mine(organisation.id);
        return (
          <Card
            key={organisation.id}
            size="small"
            data-testid="event-participation"
            title={
              <Space wrap>
                <span>{organisation.name}</span>
                <Tag>{organisation.side === 'enterprise' ? '企业' : '服务商'}</Tag>
                {registration && (
                  <Tag color={REGISTRATION_STATUS_COLORS[registration.status]}>{REGISTRATION_STATUS_NAMES[registration.status]}</Tag>
                )}
                {registration?.checkedInAt && <Tag color="green">已签到</Tag>}
              </Space>
            }
            extra={
              <Space>
                {!registration && allows(event, 'register') && (
                  <Tooltip title={organisation.blocked}>
                    <Button type="primary" disabled={!!organisation.blocked} onClick={() => setEditing({ organisation })}>
                      报名
                    </Button>
                  </Tooltip>
                )}
                {registration && registration.status !== 'rejected' && allows(event, 'update_registration') && (
                  <Button onClick={() => setEditing({ organisation, registration })}>修改意向与时段</Button>
                )}
                {registration?.status === 'approved' && !registration.checkedInAt && allows(event, 'check_in') && (
                  <Button loading={busy === organisation.id} onClick={() => checkIn(organisation)}>
                    现场签到
                  </Button>
                )}
              </Space>
            }
          >
            {!registration ? (
              <Typography.Text type="secondary">
                {allows(event, 'register') ? '尚未报名。' : '尚未报名；本活动当前不接受报名。'}
              </Typography.Text>
            ) : (
              <Space direction="vertical" style={{ width: '100%' }}>
                <Descriptions size="small" column={{ xs: 1, md: 2 }}>
                  <Descriptions.Item label="可参加时段">
                    {registration.availableSlots?.length === event.slots
                      ? '全部场次'
                      : (registration.availableSlots ?? []).map((s) => `第 ${s + 1} 场`).join('、') || '—'}
                  </Descriptions.Item>
                  <Descriptions.Item label={organisation.side === 'enterprise' ? '希望洽谈的服务商' : '希望洽谈的企业'}>
                    {(registration.wants ?? []).length ? (
                      <Space wrap size={[0, 4]}>
                        {(registration.wants ?? []).map((w) => (
                          <Tag key={w}>{names.get(w) ?? '…'}</Tag>
                        ))}
                      </Space>
                    ) : (
                      '未指定（由平台按匹配度推荐）'
                    )}
                  </Descriptions.Item>
                  {registration.decisionReason && (
                    <Descriptions.Item label="审核意见" span={2}>
                      {registration.decisionReason}
                    </Descriptions.Item>
                  )}
                </Descriptions>
                {registration.status === 'approved' && agendaVisible(event.status) && (
                  <AgendaView event={event} organisationId={organisation.id} />
                )}
                {registration.status === 'approved' && !agendaVisible(event.status) && (
                  <Alert type="info" showIcon message="组织方发布洽谈日程后，您的一对一洽谈安排将显示在这里，并可导入日历。" />
                )}
              </Space>
            )}
          </Card>
        );
      })}
      <RegistrationModal
        event={event}
        editing={editing}
        known={editing ? approvedOf(editing.organisation.side === 'enterprise' ? 'provider' : 'enterprise') : []}
        names={names}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          load();
          onChanged();
        }}
      />
    </Space>
  );
}

function RegistrationModal({
  event,
  editing,
  known,
  names,
  onClose,
  onSaved,
}: {
  event: MatchmakingEvent;
  editing: { organisation: Organisation; registration?: Registration } | null;
  known: { value: string; label: string }[];
  names: Map<string, string>;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [form] = Form.useForm<RegistrationForm>();
  const [busy, setBusy] = useState(false);
  const allSlots = useMemo(() => Array.from({ length: event.slots }, (_, s) => s), [event.slots]);

  useEffect(() => {
    if (!editing) return;
    form.setFieldsValue({
      availableSlots: editing.registration?.availableSlots ?? allSlots,
      wants: editing.registration?.wants ?? [],
    });
  }, [editing, form, allSlots]);

  // The current choice stays readable even when it is not among the approved participants.
  const options = useMemo(
    () => [...known, ...(editing?.registration?.wants ?? []).map((w) => ({ value: w, label: names.get(w) ?? w }))],
    [known, editing, names],
  );

  const submit = async () => {
    const values = await form.validateFields();
    if (!editing) return;
    setBusy(true);
    try {
      const body = { availableSlots: [...values.availableSlots].sort((a, b) => a - b), wants: values.wants ?? [] };
      if (editing.registration) {
        await api.patch('/events/:id/registrations/:rid', { id: event.id, rid: editing.registration.id }, body);
        showSuccess('报名信息已更新');
      } else {
        await api.post('/events/:id/registrations', { id: event.id }, { organisationId: editing.organisation.id, ...body });
        showSuccess('已报名，等待组织方审核');
      }
      onSaved();
    } catch (e) {
      if (!showFieldErrors(form, e, ['availableSlots', 'wants'])) showError(e);
    } finally {
      setBusy(false);
    }
  };

  const otherSide = editing?.organisation.side === 'enterprise' ? 'provider' : 'enterprise';
  return (
    <Modal
      open={!!editing}
      title={editing ? `${editing.registration ? '修改报名' : '报名'}：${editing.organisation.name}` : ''}
      okText={editing?.registration ? '保存' : '提交报名'}
      cancelText="取消"
      confirmLoading={busy}
      onOk={submit}
      onCancel={onClose}
      destroyOnHidden
      width={640}
    >
      <Form<RegistrationForm> form={form} name="registration" layout="vertical" preserve={false}>
        <Form.Item
          name="availableSlots"
          label="可参加的场次"
          rules={[{ required: true, type: 'array', min: 1, message: '至少选择一个场次' }]}
        >
          <Checkbox.Group style={{ width: '100%' }}>
            <Space direction="vertical">
              {allSlots.map((s) => (
                <Checkbox key={s} value={s}>
                  {slotLabel(event, s)}
                </Checkbox>
              ))}
            </Space>
          </Checkbox.Group>
        </Form.Item>
        <Form.Item
          name="wants"
          label={otherSide === 'provider' ? '希望洽谈的服务商' : '希望洽谈的企业'}
          extra="双方互选的洽谈优先安排；未指定时平台按需求与方案的匹配度推荐。"
        >
          <EventOrgSelect side={otherSide} known={options} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The organisation's published meetings, with the calendar download, and its check-in pass while the event takes check-ins. */
function AgendaView({ event, organisationId }: { event: MatchmakingEvent; organisationId: string }) {
  const [agenda, setAgenda] = useState<Agenda | null>(null);
  const [downloading, setDownloading] = useState(false);

  useEffect(() => {
    api.get('/events/:id/agenda', { id: event.id }, { organisationId }).then(setAgenda, showError);
  }, [event.id, organisationId]);

  const download = async () => {
    setDownloading(true);
    try {
      await api.download(
        `/events/${event.id}/agenda?format=ics&organisationId=${encodeURIComponent(organisationId)}`,
        `agenda-${event.id}.ics`,
      );
    } catch (e) {
      showError(e);
    } finally {
      setDownloading(false);
    }
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {agenda?.checkIn && <CheckInPass credentials={agenda.checkIn} />}
      <Card
        size="small"
        type="inner"
        title={
          <Space>
            <CalendarOutlined />
            我的洽谈日程
          </Space>
        }
        extra={
          <Button icon={<DownloadOutlined />} loading={downloading} onClick={download} data-testid="agenda-ics">
            导出日历（.ics）
          </Button>
        }
      >
        <Table
          rowKey="meetingId"
          size="small"
          loading={!agenda}
          dataSource={agenda?.items ?? []}
          pagination={false}
          data-testid="agenda"
          locale={{ emptyText: <Empty description="本次活动没有为您安排洽谈" /> }}
          columns={[
            { title: '场次', dataIndex: 'slot', render: (s: number) => slotLabel(event, s) },
            { title: '桌号', dataIndex: 'table', render: (t: number) => (event.online ? '线上' : tableLabel(t)) },
            { title: '洽谈对象', render: (_, item) => item.counterpart.name },
            {
              title: '类型',
              dataIndex: 'kind',
              render: (k: string) => <Tag color={MEETING_KIND_COLORS[k]}>{MEETING_KIND_NAMES[k] ?? k}</Tag>,
            },
            {
              title: '结果',
              render: (_, item) =>
                item.held === null ? (
                  '—'
                ) : item.held ? (
                  <Space size={4}>
                    <Tag color="green">已洽谈</Tag>
                    {item.intent && <Tag color="blue">有意向</Tag>}
                    {item.contract && <Tag color="gold">已签约</Tag>}
                  </Space>
                ) : (
                  <Tag>未举行</Tag>
                ),
            },
          ]}
        />
      </Card>
    </Space>
  );
}

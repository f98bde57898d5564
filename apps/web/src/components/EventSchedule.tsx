import { ScheduleOutlined, SendOutlined, SwapOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Checkbox,
  Empty,
  Form,
  InputNumber,
  Modal,
  Popconfirm,
  Radio,
  Select,
  Space,
  Spin,
  Statistic,
  Tag,
  Typography,
} from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { api, ApiError } from '../api';
import { allPages, allows, showFieldErrors, slotLabel, tableLabel } from '../events';
import type { MatchmakingEvent, Meeting, Registration, ScheduleResult, UnmetMinimum } from '../events';
import { MEETING_KIND_COLORS, MEETING_KIND_NAMES, NO_SHOW_NAMES } from '../labels';
import { showError, showSuccess } from './feedback';

const KIND_BORDER: Record<string, string> = { mutual: '#eb2f96', requested: '#1677ff', recommended: '#13c2c2' };

interface AddForm {
  enterpriseId: string;
  providerId: string;
  slot: number;
  table?: number;
}

interface OutcomeForm {
  held: boolean;
  intent: boolean;
  contract: boolean;
  noShowBy?: string;
}

/**
 * 洽谈日程 (the organiser; overseers read): runs the scheduler, shows the proposal as a
 * slot × table grid, and adjusts it — move (select a meeting, then click a free table or
 * use 移动), swap, add, remove — each checked by the API (its 409 names the broken rule);
 * then publishes it. Once published, the outcome of each meeting is recorded here.
 */
export function EventSchedule({ event, canManage, onChanged }: { event: MatchmakingEvent; canManage: boolean; onChanged: () => void }) {
  const [meetings, setMeetings] = useState<Meeting[] | null>(null);
  const [participants, setParticipants] = useState<Registration[]>([]);
  const [result, setResult] = useState<Pick<ScheduleResult, 'unmetMinimums' | 'totalValue' | 'candidates'> | null>(null);
  const [unmet, setUnmet] = useState<UnmetMinimum[]>([]);
  const [selected, setSelected] = useState<string | null>(null);
  const [swapping, setSwapping] = useState(false);
  const [moving, setMoving] = useState<Meeting | null>(null);
  const [adding, setAdding] = useState<{ slot: number; table?: number } | null>(null);
  const [recording, setRecording] = useState<Meeting | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const editable = canManage && allows(event, 'edit_schedule');
  const recordable = canManage && allows(event, 'record_outcome');
  const drawn = ['scheduled', 'published', 'completed'].includes(event.status);

  const load = useCallback(() => {
    if (!drawn) {
      setMeetings([]);
      return;
    }
    allPages('/events/:id/meetings', { id: event.id }).then(setMeetings, (e) => {
      showError(e);
      setMeetings([]);
    });
    // What the last scheduler run could not give (kept with the event, read through the report).
    api.get('/events/:id/report', { id: event.id }).then(
      (r) => setUnmet(r.unmetMinimums),
      () => setUnmet([]),
    );
  }, [event.id, drawn]);
  useEffect(load, [load]);

  useEffect(() => {
    allPages('/events/:id/registrations', { id: event.id }).then(
      (all) => setParticipants(all.filter((r) => r.status === 'approved')),
      () => setParticipants([]),
    );
  }, [event.id, event.registrations]);

  const names = useMemo(() => new Map(participants.map((r) => [r.organisationId, r.organisationName])), [participants]);
  const grid = useMemo(() => {
    const cells = new Map<string, Meeting>();
    for (const m of meetings ?? []) cells.set(`${m.slot}:${m.table}`, m);
    return cells;
  }, [meetings]);
  const chosen = meetings?.find((m) => m.id === selected) ?? null;

  /** Runs an edit; the API's refusal (409 naming the rule, 400 naming the field) stays on screen. */
  const edit = async (key: string, work: () => Promise<unknown>, done: string) => {
    setBusy(key);
    setProblem(null);
    try {
      await work();
      showSuccess(done);
      setSelected(null);
      setSwapping(false);
      load();
      return true;
    } catch (e) {
      if (e instanceof ApiError && (e.status === 409 || e.status === 400)) setProblem(e.message);
      showError(e);
      return false;
    } finally {
      setBusy(null);
    }
  };

  const runScheduler = async () => {
    setBusy('schedule');
    setProblem(null);
    try {
      const res = await api.post('/events/:id/schedule', { id: event.id });
      setResult(res);
      setUnmet(res.unmetMinimums);
      setMeetings(res.meetings);
      setSelected(null);
      showSuccess(`排程完成：安排 ${res.meetings.length} 场一对一洽谈`);
      onChanged();
    } catch (e) {
      showError(e);
    } finally {
      setBusy(null);
    }
  };

  const publish = async () => {
    setBusy('publish');
    try {
      await api.post('/events/:id/publish', { id: event.id });
      showSuccess('洽谈日程已发布，参会方已收到通知');
      onChanged();
    } catch (e) {
      showError(e);
    } finally {
      setBusy(null);
    }
  };

  const clickMeeting = (m: Meeting) => {
    if (recordable) {
      setRecording(m);
      return;
    }
    if (!editable) return;
    if (swapping && chosen && chosen.id !== m.id) {
      void edit('swap', () => api.post('/events/:id/meetings/swap', { id: event.id }, { a: chosen.id, b: m.id }), '两场洽谈已交换');
      return;
    }
    setSwapping(false);
    setSelected(selected === m.id ? null : m.id);
  };

  const clickEmpty = (slot: number, table: number) => {
    if (!editable) return;
    if (swapping) {
      // A swap needs another meeting: a free table ends it.
      setSwapping(false);
      return;
    }
    if (chosen) {
      void edit(
        'move',
        () => api.patch('/events/:id/meetings/:mid', { id: event.id, mid: chosen.id }, { slot, table }),
        `已移至${slotLabel(event, slot)} ${tableLabel(table)}`,
      );
      return;
    }
    setAdding({ slot, table });
  };

  const canSchedule = canManage && allows(event, 'schedule');
  const total = meetings?.length ?? 0;
  // What an organiser reads from a proposal: how many meetings someone asked for, and how well the rest fit.
  const asked = meetings?.filter((m) => m.kind !== 'recommended').length ?? 0;
  const averageScore = total ? Math.round(((meetings ?? []).reduce((sum, m) => sum + m.score, 0) / total) * 100) : 0;

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      {canManage && (
        <Space wrap>
          {canSchedule &&
            (total > 0 ? (
              <Popconfirm title="重新排程将替换当前的日程草稿（含手工调整），确定？" onConfirm={runScheduler}>
                <Button icon={<ScheduleOutlined />} loading={busy === 'schedule'}>
                  重新排程
                </Button>
              </Popconfirm>
            ) : (
              <Button
                type="primary"
                icon={<ScheduleOutlined />}
                loading={busy === 'schedule'}
                onClick={runScheduler}
                data-testid="run-scheduler"
              >
                运行智能排程
              </Button>
            ))}
          {editable && (
            <Button onClick={() => setAdding({ slot: 0 })} data-testid="add-meeting">
              添加洽谈
            </Button>
          )}
          {allows(event, 'publish') && (
            <Popconfirm title="发布后日程不再调整，参会方将收到通知并可导出日历。确定发布？" onConfirm={publish}>
              <Button type="primary" icon={<SendOutlined />} loading={busy === 'publish'} disabled={!total} data-testid="publish-schedule">
                发布日程
              </Button>
            </Popconfirm>
          )}
        </Space>
      )}
      {!drawn && (
        <Alert
          type="info"
          showIcon
          message={
            event.status === 'registration_closed'
              ? '报名已截止：运行智能排程，平台将依据双方意向、匹配度与可参加时段生成一对一洽谈日程（无人重复占用、每对至多一次、不超过桌数）。'
              : '报名截止后即可运行智能排程，生成一对一洽谈日程。'
          }
        />
      )}
      {result && (
        <Space size="large" wrap>
          <Statistic title="安排洽谈" value={total} suffix="场" />
          <Statistic title="双方或一方点名的洽谈" value={asked} suffix="场" />
          <Statistic title="平均匹配度" value={averageScore} suffix="%" />
          <Statistic title="候选配对" value={result.candidates} />
        </Space>
      )}
      {unmet.length > 0 && (
        <Alert
          type="warning"
          showIcon
          message={`${unmet.length} 家企业未达到最少洽谈场数`}
          description={
            <ul style={{ margin: 0, paddingLeft: 20 }}>
              {unmet.map((u) => (
                <li key={u.enterpriseId}>
                  {names.get(u.enterpriseId) ?? u.enterpriseId}：{u.meetings}/{u.required} 场 — {u.message}
                </li>
              ))}
            </ul>
          }
        />
      )}
      {problem && (
        <Alert
          type="error"
          showIcon
          closable
          onClose={() => setProblem(null)}
          message="调整未生效"
          description={problem}
          data-testid="schedule-problem"
        />
      )}
      {editable && chosen && (
        <Alert
          type="info"
          message={
            <Space wrap>
              <span>
                已选中：{chosen.enterpriseName} ↔ {chosen.providerName}（{slotLabel(event, chosen.slot)} {tableLabel(chosen.table)}）
              </span>
              {swapping ? (
                <Typography.Text strong>请点击要与之交换的另一场洽谈</Typography.Text>
              ) : (
                <Typography.Text type="secondary">点击空桌位可直接移动</Typography.Text>
              )}
            </Space>
          }
          action={
            <Space>
              <Button size="small" onClick={() => setMoving(chosen)}>
                移动到…
              </Button>
              <Button size="small" icon={<SwapOutlined />} type={swapping ? 'primary' : 'default'} onClick={() => setSwapping(!swapping)}>
                交换
              </Button>
              <Popconfirm
                title="从日程中删除这场洽谈？"
                onConfirm={() =>
                  edit('remove', () => api.delete('/events/:id/meetings/:mid', { id: event.id, mid: chosen.id }), '已删除该场洽谈')
                }
              >
                <Button size="small" danger loading={busy === 'remove'}>
                  删除
                </Button>
              </Popconfirm>
              <Button
                size="small"
                type="text"
                onClick={() => {
                  setSelected(null);
                  setSwapping(false);
                }}
              >
                取消选择
              </Button>
            </Space>
          }
        />
      )}
      {recordable && <Typography.Text type="secondary">点击洽谈格子记录洽谈结果（是否举行、意向、签约）。</Typography.Text>}
      {!meetings ? (
        <Spin />
      ) : drawn && !total ? (
        <Empty description="日程中没有洽谈" />
      ) : drawn ? (
        <div style={{ overflowX: 'auto' }}>
          <table className="schedule-grid" data-testid="schedule-grid" style={{ borderCollapse: 'collapse', minWidth: '100%' }}>
            <thead>
              <tr>
                <th style={headStyle}>场次</th>
                {Array.from({ length: event.tables }, (_, t) => (
                  <th key={t} style={headStyle}>
                    {event.online ? `线上 ${t + 1}` : tableLabel(t)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {Array.from({ length: event.slots }, (_, slot) => (
                <tr key={slot}>
                  <th style={{ ...headStyle, whiteSpace: 'nowrap', textAlign: 'left' }}>{slotLabel(event, slot)}</th>
                  {Array.from({ length: event.tables }, (_, table) => {
                    const m = grid.get(`${slot}:${table}`);
                    if (!m) {
                      return (
                        <td
                          key={table}
                          style={{
                            ...cellStyle,
                            cursor: editable ? 'pointer' : 'default',
                            background: chosen && !swapping ? '#f6ffed' : undefined,
                          }}
                          onClick={() => clickEmpty(slot, table)}
                          title={editable ? (chosen && !swapping ? '移动到这里' : '在此添加洽谈') : undefined}
                          data-testid="schedule-empty"
                        />
                      );
                    }
                    const active = m.id === selected;
                    return (
                      <td
                        key={table}
                        style={{
                          ...cellStyle,
                          borderLeft: `3px solid ${KIND_BORDER[m.kind] ?? '#d9d9d9'}`,
                          background: active ? '#e6f4ff' : '#fff',
                          cursor: editable || recordable ? 'pointer' : 'default',
                          outline: active ? '2px solid #1677ff' : undefined,
                        }}
                        onClick={() => clickMeeting(m)}
                        data-testid="schedule-meeting"
                      >
                        <div style={{ fontWeight: 500 }}>{m.enterpriseName}</div>
                        <div style={{ color: 'rgba(0,0,0,0.65)' }}>↔ {m.providerName}</div>
                        <Space size={2} wrap style={{ marginTop: 4 }}>
                          <Tag color={MEETING_KIND_COLORS[m.kind]} style={{ marginInlineEnd: 0 }}>
                            {MEETING_KIND_NAMES[m.kind] ?? m.kind}
                          </Tag>
                          {m.held === true && <Tag color="green">已洽谈</Tag>}
                          {m.held === false && <Tag>{m.noShowBy ? NO_SHOW_NAMES[m.noShowBy] : '未举行'}</Tag>}
                          {m.intent && <Tag color="blue">意向</Tag>}
                          {m.contract && <Tag color="gold">签约</Tag>}
                        </Space>
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <MoveModal
        event={event}
        meeting={moving}
        onClose={() => setMoving(null)}
        onSubmit={async (slot, table) => {
          if (!moving) return;
          const ok = await edit(
            'move',
            () => api.patch('/events/:id/meetings/:mid', { id: event.id, mid: moving.id }, { slot, table }),
            `已移至${slotLabel(event, slot)}${table === undefined ? '' : ` ${tableLabel(table)}`}`,
          );
          if (ok) setMoving(null);
        }}
      />
      <AddModal
        event={event}
        target={adding}
        participants={participants}
        onClose={() => setAdding(null)}
        onAdded={() => {
          setAdding(null);
          setProblem(null);
          load();
        }}
        onRefused={setProblem}
      />
      <OutcomeModal
        event={event}
        meeting={recording}
        onClose={() => setRecording(null)}
        onSaved={() => {
          setRecording(null);
          load();
        }}
      />
    </Space>
  );
}

const headStyle = { border: '1px solid #f0f0f0', padding: '6px 8px', background: '#fafafa', fontWeight: 500, minWidth: 140 } as const;
const cellStyle = { border: '1px solid #f0f0f0', padding: '6px 8px', verticalAlign: 'top', height: 72, minWidth: 160 } as const;

function slotOptions(event: MatchmakingEvent) {
  return Array.from({ length: event.slots }, (_, s) => ({ value: s, label: slotLabel(event, s) }));
}

function MoveModal({
  event,
  meeting,
  onClose,
  onSubmit,
}: {
  event: MatchmakingEvent;
  meeting: Meeting | null;
  onClose: () => void;
  onSubmit: (slot: number, table: number | undefined) => Promise<void>;
}) {
  const [form] = Form.useForm<{ slot: number; table?: number }>();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (meeting) form.setFieldsValue({ slot: meeting.slot, table: meeting.table + 1 });
  }, [meeting, form]);
  return (
    <Modal
      open={!!meeting}
      title={meeting ? `移动：${meeting.enterpriseName} ↔ ${meeting.providerName}` : ''}
      okText="移动"
      cancelText="取消"
      confirmLoading={busy}
      destroyOnHidden
      onCancel={onClose}
      onOk={async () => {
        const v = await form.validateFields();
        setBusy(true);
        try {
          await onSubmit(v.slot, v.table === undefined || v.table === null ? undefined : v.table - 1);
        } finally {
          setBusy(false);
        }
      }}
    >
      <Form form={form} name="moveMeeting" layout="vertical" preserve={false}>
        <Form.Item name="slot" label="场次" rules={[{ required: true, message: '请选择场次' }]}>
          <Select options={slotOptions(event)} />
        </Form.Item>
        <Form.Item name="table" label="桌号" extra="留空则保留原桌号（被占用时取第一张空桌）">
          <InputNumber min={1} max={event.tables} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function AddModal({
  event,
  target,
  participants,
  onClose,
  onAdded,
  onRefused,
}: {
  event: MatchmakingEvent;
  target: { slot: number; table?: number } | null;
  participants: Registration[];
  onClose: () => void;
  onAdded: () => void;
  onRefused: (message: string) => void;
}) {
  const [form] = Form.useForm<AddForm>();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (target) form.setFieldsValue({ slot: target.slot, table: target.table === undefined ? undefined : target.table + 1 });
  }, [target, form]);
  const options = (side: 'enterprise' | 'provider') =>
    participants.filter((r) => r.side === side).map((r) => ({ value: r.organisationId, label: r.organisationName }));
  return (
    <Modal
      open={!!target}
      title="添加洽谈"
      okText="添加"
      cancelText="取消"
      confirmLoading={busy}
      destroyOnHidden
      onCancel={onClose}
      onOk={async () => {
        const v = await form.validateFields();
        setBusy(true);
        try {
          await api.post(
            '/events/:id/meetings',
            { id: event.id },
            {
              enterpriseId: v.enterpriseId,
              providerId: v.providerId,
              slot: v.slot,
              ...(v.table === undefined || v.table === null ? {} : { table: v.table - 1 }),
            },
          );
          showSuccess('已添加洽谈');
          onAdded();
        } catch (e) {
          if (!showFieldErrors(form, e, ['enterpriseId', 'providerId', 'slot', 'table'])) {
            if (e instanceof ApiError && e.status === 409) onRefused(e.message);
            showError(e);
          }
        } finally {
          setBusy(false);
        }
      }}
    >
      <Form form={form} name="addMeeting" layout="vertical" preserve={false}>
        <Form.Item name="enterpriseId" label="企业" rules={[{ required: true, message: '请选择企业' }]}>
          <Select options={options('enterprise')} showSearch optionFilterProp="label" />
        </Form.Item>
        <Form.Item name="providerId" label="服务商" rules={[{ required: true, message: '请选择服务商' }]}>
          <Select options={options('provider')} showSearch optionFilterProp="label" />
        </Form.Item>
        <Form.Item name="slot" label="场次" rules={[{ required: true, message: '请选择场次' }]}>
          <Select options={slotOptions(event)} />
        </Form.Item>
        <Form.Item name="table" label="桌号" extra="留空则安排第一张空桌">
          <InputNumber min={1} max={event.tables} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function OutcomeModal({
  event,
  meeting,
  onClose,
  onSaved,
}: {
  event: MatchmakingEvent;
  meeting: Meeting | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [form] = Form.useForm<OutcomeForm>();
  const [busy, setBusy] = useState(false);
  const held = Form.useWatch('held', form);
  useEffect(() => {
    if (meeting)
      form.setFieldsValue({
        held: meeting.held ?? true,
        intent: !!meeting.intent,
        contract: !!meeting.contract,
        noShowBy: meeting.noShowBy ?? undefined,
      });
  }, [meeting, form]);
  return (
    <Modal
      open={!!meeting}
      title={meeting ? `洽谈结果：${meeting.enterpriseName} ↔ ${meeting.providerName}` : ''}
      okText="保存"
      cancelText="取消"
      confirmLoading={busy}
      destroyOnHidden
      onCancel={onClose}
      onOk={async () => {
        if (!meeting) return;
        const v = await form.validateFields();
        setBusy(true);
        try {
          await api.post(
            '/events/:id/meetings/:mid/outcome',
            { id: event.id, mid: meeting.id },
            v.held ? { held: true, intent: !!v.intent, contract: !!v.contract } : { held: false, noShowBy: v.noShowBy },
          );
          showSuccess('洽谈结果已记录');
          onSaved();
        } catch (e) {
          if (!showFieldErrors(form, e, ['held', 'intent', 'contract', 'noShowBy'])) showError(e);
        } finally {
          setBusy(false);
        }
      }}
    >
      {meeting && (
        <Typography.Paragraph type="secondary">
          {slotLabel(event, meeting.slot)} · {tableLabel(meeting.table)} · {MEETING_KIND_NAMES[meeting.kind]}
        </Typography.Paragraph>
      )}
      <Form form={form} name="outcome" layout="vertical" preserve={false}>
        <Form.Item name="held" label="是否举行">
          <Radio.Group
            options={[
              { value: true, label: '已洽谈' },
              { value: false, label: '未举行（缺席）' },
            ]}
          />
        </Form.Item>
        {held ? (
          <Space size="large">
            <Form.Item name="intent" valuePropName="checked">
              <Checkbox>达成合作意向</Checkbox>
            </Form.Item>
            <Form.Item name="contract" valuePropName="checked">
              <Checkbox>现场签约</Checkbox>
            </Form.Item>
          </Space>
        ) : (
          <Form.Item name="noShowBy" label="缺席方" rules={[{ required: true, message: '请选择缺席方' }]}>
            <Radio.Group options={Object.entries(NO_SHOW_NAMES).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

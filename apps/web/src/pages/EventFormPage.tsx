import { Alert, Button, Card, Col, Form, Input, InputNumber, Result, Row, Select, Space, Spin, Switch, Typography } from 'antd';
import type { Rule } from 'antd/es/form';
import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { api, ApiError } from '../api';
import { hasRole, useUser } from '../auth';
import { showError, showSuccess } from '../components/feedback';
import { allows, DRAFT_ONLY_EVENT_FIELDS, EVENT_LIMITS, showFieldErrors } from '../events';
import type { MatchmakingEvent } from '../events';
import { isoToShanghaiLocal, shanghaiLocalToIso } from '../format';
import { EVENT_STATUS_NAMES } from '../labels';
import { useTaxonomy } from '../taxonomy';
import { ShanghaiDateTimePicker } from '../components/ShanghaiPickers';

interface EventForm {
  title: string;
  industry: string;
  district: string;
  online: boolean;
  venue?: string;
  /** `datetime-local`, read as Asia/Shanghai time. */
  startsAt: string;
  slotMinutes: number;
  slots: number;
  tables: number;
  capacityEnterprises: number;
  capacityProviders: number;
  minMeetingsPerEnterprise: number;
  maxMeetingsPerProvider: number;
}

const FIELDS: (keyof EventForm)[] = [
  'title',
  'industry',
  'district',
  'online',
  'venue',
  'startsAt',
  'slotMinutes',
  'slots',
  'tables',
  'capacityEnterprises',
  'capacityProviders',
  'minMeetingsPerEnterprise',
  'maxMeetingsPerProvider',
];

const DEFAULTS: Partial<EventForm> = {
  online: false,
  slotMinutes: 20,
  slots: 8,
  tables: 10,
  capacityEnterprises: 40,
  capacityProviders: 20,
  minMeetingsPerEnterprise: 2,
  maxMeetingsPerProvider: 6,
};

const whole = (min: number, max: number, what: string): Rule[] => [
  { required: true, message: `请输入${what}` },
  { type: 'integer', min, max, message: `${what}须为 ${min}–${max} 的整数` },
];

/** At most the number of slots (a participant meets once per slot). */
const withinSlots =
  (what: string): Rule =>
  ({ getFieldValue }) => ({
    validator: (_, value: number | null) =>
      value === null || value === undefined || !getFieldValue('slots') || value <= getFieldValue('slots')
        ? Promise.resolve()
        : Promise.reject(new Error(`${what}不能超过场次数（${getFieldValue('slots')}）`)),
  });

function toBody(v: EventForm) {
  return {
    title: v.title.trim(),
    industry: v.industry,
    district: v.district,
    online: v.online,
    venue: v.venue?.trim() ? v.venue.trim() : null,
    startsAt: shanghaiLocalToIso(v.startsAt),
    slotMinutes: v.slotMinutes,
    slots: v.slots,
    tables: v.tables,
    capacityEnterprises: v.capacityEnterprises,
    capacityProviders: v.capacityProviders,
    minMeetingsPerEnterprise: v.minMeetingsPerEnterprise,
    maxMeetingsPerProvider: v.maxMeetingsPerProvider,
  };
}

/**
 * 创建活动 / 编辑活动 (organisers): every field of a matchmaking event, checked in the form
 * as the API checks it; the API's 400 reasons land on their fields. Once registration has
 * opened, industry, district, slot length and count are fixed.
 */
export default function EventFormPage() {
  const { id } = useParams();
  const navigate = useNavigate();
  const user = useUser();
  const taxonomy = useTaxonomy();
  const [form] = Form.useForm<EventForm>();
  const [event, setEvent] = useState<MatchmakingEvent | null>(null);
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [notDeployed, setNotDeployed] = useState(false);
  const online = Form.useWatch('online', form);

  useEffect(() => {
    if (!id) return;
    setEvent(null);
    api.get('/events/:id', { id: id! }).then(
      // The form mounts once the event is here, with its values as the initial ones.
      setEvent,
      (e) => {
        if (e instanceof ApiError && (e.status === 404 || e.status === 400)) setMissing(true);
        else showError(e);
      },
    );
  }, [id]);

  if (!hasRole(user, 'organizer')) return <Result status="403" title="仅活动组织方可创建或编辑活动" />;
  if (missing) return <Result status="404" title="活动不存在" extra={<Button onClick={() => navigate('/events')}>返回活动列表</Button>} />;
  if (id && !event) return <Spin />;

  const editable = !event || allows(event, 'edit');
  const fixed = (field: string) => !!event && event.status !== 'draft' && (DRAFT_ONLY_EVENT_FIELDS as readonly string[]).includes(field);

  const submit = async (values: EventForm) => {
    const body = toBody(values);
    setBusy(true);
    setNotDeployed(false);
    try {
      if (!event) {
        const created = await api.post('/events', body);
        showSuccess('活动已创建（草稿），开放报名后企业与服务商即可报名');
        navigate(`/events/${created.id}`);
        return;
      }
      // Only what changed: the fields fixed after registration opened stay out of the request.
      const before = toBody(valuesOf(event));
      const changes = Object.fromEntries(
        Object.entries(body).filter(([key, value]) =>
          key === 'startsAt'
            ? new Date(value as string).getTime() !== new Date(event.startsAt).getTime()
            : value !== before[key as keyof typeof before],
        ),
      );
      if (!Object.keys(changes).length) {
        showSuccess('没有需要保存的修改');
        navigate(`/events/${event.id}`);
        return;
      }
      await api.patch('/events/:id', { id: event.id }, changes);
      showSuccess('活动已保存');
      navigate(`/events/${event.id}`);
    } catch (e) {
      // The edit route is being added to the API: until it lands it answers 404 or 405.
      if (event && e instanceof ApiError && (e.status === 404 || e.status === 405)) setNotDeployed(true);
      else if (!showFieldErrors(form, e, FIELDS)) showError(e);
    } finally {
      setBusy(false);
    }
  };

  const futureRule: Rule = {
    validator: (_, value: string | undefined) => {
      if (!value) return Promise.resolve();
      const at = new Date(shanghaiLocalToIso(value)).getTime();
      if (Number.isNaN(at)) return Promise.reject(new Error('请输入有效的时间'));
      // An unchanged start of an existing event may already be close: only a new time must lie ahead.
      if (event && at === new Date(event.startsAt).getTime()) return Promise.resolve();
      return at > Date.now() ? Promise.resolve() : Promise.reject(new Error('开始时间须晚于当前时间'));
    },
  };

  return (
    <Card
      title={
        event ? (
          <Space>
            <span>编辑活动</span>
            <Typography.Text type="secondary">{EVENT_STATUS_NAMES[event.status]}</Typography.Text>
          </Space>
        ) : (
          '创建供需对接活动'
        )
      }
    >
      {event && !editable && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          message={`活动处于“${EVENT_STATUS_NAMES[event.status]}”状态，已不能修改（排定日程后活动信息固定）。`}
        />
      )}
      {event && editable && event.status !== 'draft' && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          message="已开放报名：行业、区县、每场时长与场次数不可再改；容量不能低于已通过的报名数。时间或地点变更将通知已通过的参会方。"
        />
      )}
      {notDeployed && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="event-edit-unavailable"
          message="活动编辑功能即将上线"
          description="服务端尚未提供活动编辑接口（PATCH /events/:id），修改未保存，请稍后再试。"
        />
      )}
      <Form<EventForm>
        form={form}
        name="event"
        layout="vertical"
        onFinish={submit}
        initialValues={event ? valuesOf(event) : DEFAULTS}
        disabled={!editable}
        scrollToFirstError
      >
        <Form.Item name="title" label="活动名称" rules={[{ required: true, whitespace: true, message: '请输入活动名称' }]}>
          <Input maxLength={200} showCount placeholder="如：铁西区机床行业数字化转型供需对接会" />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="industry" label="行业" rules={[{ required: true, message: '请选择行业' }]}>
              <Select options={taxonomy.options('industries')} optionFilterProp="label" showSearch disabled={fixed('industry')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="district" label="区县" rules={[{ required: true, message: '请选择区县' }]}>
              <Select options={taxonomy.options('districts')} optionFilterProp="label" showSearch disabled={fixed('district')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="startsAt" label="开始时间（北京时间）" rules={[{ required: true, message: '请选择开始时间' }, futureRule]}>
              <ShanghaiDateTimePicker />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} md={6}>
            <Form.Item name="online" label="线上活动" valuePropName="checked">
              <Switch checkedChildren="线上" unCheckedChildren="线下" />
            </Form.Item>
          </Col>
          <Col xs={24} md={18}>
            <Form.Item
              name="venue"
              label="活动地点"
              dependencies={['online']}
              rules={[{ required: !online, whitespace: true, message: '线下活动请填写地点' }]}
            >
              <Input maxLength={200} placeholder={online ? '线上活动可不填' : '如：沈阳国际展览中心 3 号馆'} />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Title level={5}>一对一洽谈安排</Typography.Title>
        <Row gutter={16}>
          <Col xs={12} md={6}>
            <Form.Item
              name="slotMinutes"
              label="每场时长（分钟）"
              rules={whole(EVENT_LIMITS.slotMinutes.min, EVENT_LIMITS.slotMinutes.max, '每场时长')}
            >
              <InputNumber precision={0} style={{ width: '100%' }} disabled={fixed('slotMinutes')} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="slots" label="场次数" rules={whole(1, EVENT_LIMITS.slots, '场次数')}>
              <InputNumber precision={0} style={{ width: '100%' }} disabled={fixed('slots')} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="tables" label="洽谈桌数" rules={whole(1, EVENT_LIMITS.tables, '洽谈桌数')}>
              <InputNumber precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={12} md={6}>
            <Form.Item name="capacityEnterprises" label="企业名额" rules={whole(1, EVENT_LIMITS.capacity, '企业名额')}>
              <InputNumber precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="capacityProviders" label="服务商名额" rules={whole(1, EVENT_LIMITS.capacity, '服务商名额')}>
              <InputNumber precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item
              name="minMeetingsPerEnterprise"
              label="每家企业至少洽谈（场）"
              dependencies={['slots']}
              rules={[...whole(0, EVENT_LIMITS.slots, '每家企业至少洽谈场数'), withinSlots('每家企业至少洽谈场数')]}
            >
              <InputNumber precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item
              name="maxMeetingsPerProvider"
              label="每家服务商至多洽谈（场）"
              dependencies={['slots']}
              rules={[...whole(1, EVENT_LIMITS.slots, '每家服务商至多洽谈场数'), withinSlots('每家服务商至多洽谈场数')]}
            >
              <InputNumber precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Space>
          <Button type="primary" htmlType="submit" loading={busy}>
            {event ? '保存' : '创建活动'}
          </Button>
          <Button disabled={false} onClick={() => navigate(event ? `/events/${event.id}` : '/events')}>
            取消
          </Button>
        </Space>
      </Form>
    </Card>
  );
}

/** The stored event as form values (to tell what the organiser changed). */
function valuesOf(e: MatchmakingEvent): EventForm {
  return {
    title: e.title,
    industry: e.industry,
    district: e.district,
    online: e.online,
    venue: e.venue ?? undefined,
    startsAt: isoToShanghaiLocal(e.startsAt),
    slotMinutes: e.slotMinutes,
    slots: e.slots,
    tables: e.tables,
    capacityEnterprises: e.capacityEnterprises,
    capacityProviders: e.capacityProviders,
    minMeetingsPerEnterprise: e.minMeetingsPerEnterprise,
    maxMeetingsPerProvider: e.maxMeetingsPerProvider,
  };
}

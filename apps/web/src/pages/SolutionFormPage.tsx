import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Col, Form, Input, InputNumber, Row, Select, Space, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api } from '../api';
import type { SolutionCase } from '../api';
import { showError, showSuccess } from '../components/feedback';
import { useOrganisations } from '../components/useOrganisations';
import { fenToWan, wanToFen } from '../format';
import { LEVEL_NAMES, PROVIDER_STATUS_NAMES } from '../labels';
import { useTaxonomy } from '../taxonomy';

interface SolutionForm {
  providerId: string;
  title: string;
  summary: string;
  description: string;
  scenarios: string[];
  industries: string[];
  priceMinWan: number;
  priceMaxWan: number;
  deployDays: number;
  deliveryMode: string;
  levels: number[];
  cases?: SolutionCase[];
}

const LEVEL_OPTIONS = [1, 2, 3, 4].map((l) => ({ value: l, label: LEVEL_NAMES[l] }));

/** 发布方案: a new draft in one of the user's providers' catalogues, or edits to an existing solution. */
export default function SolutionFormPage() {
  const { id } = useParams();
  const navigate = useNavigate();
  const taxonomy = useTaxonomy();
  const providers = useOrganisations('provider');
  const [form] = Form.useForm<SolutionForm>();
  const [loaded, setLoaded] = useState(!id);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!id) return;
    api.get('/solutions/:id', { id }).then((s) => {
      form.setFieldsValue({
        providerId: s.providerId,
        title: s.title,
        summary: s.summary,
        description: s.description,
        scenarios: s.scenarios,
        industries: s.industries,
        priceMinWan: fenToWan(s.priceMinFen),
        priceMaxWan: fenToWan(s.priceMaxFen),
        deployDays: s.deployDays,
        deliveryMode: s.deliveryMode,
        levels: s.levels,
        cases: s.cases ?? [],
      });
      setLoaded(true);
    }, showError);
  }, [id, form]);

  useEffect(() => {
    if (!id && providers.items.length === 1) form.setFieldValue('providerId', providers.items[0].id);
  }, [id, providers.items, form]);

  const submit = async (v: SolutionForm) => {
    const body = {
      title: v.title,
      summary: v.summary,
      description: v.description,
      scenarios: v.scenarios,
      industries: v.industries,
      priceMinFen: wanToFen(v.priceMinWan),
      priceMaxFen: wanToFen(v.priceMaxWan),
      deployDays: v.deployDays,
      deliveryMode: v.deliveryMode,
      levels: [...v.levels].sort((a, b) => a - b),
      cases: (v.cases ?? []).map((c) => ({ ...c, year: c.year ?? undefined })),
    };
    setBusy(true);
    try {
      const saved = id
        ? await api.patch('/solutions/:id', { id }, body)
        : await api.post('/solutions', { ...body, providerId: v.providerId });
      showSuccess(id ? '方案已保存' : '方案草稿已创建，可在详情页发布');
      navigate(`/solutions/${saved.id}`);
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  };

  if (!id && !providers.loading && !providers.items.length) {
    return (
      <Alert
        type="info"
        showIcon
        message="发布方案需要先登记服务商"
        description={<Link to="/organisation">前往“我的企业/服务商”登记</Link>}
      />
    );
  }
  if (!loaded) return <Spin />;
  const notApproved = providers.items.filter((p) => p.status !== 'approved');

  return (
    <Card title={id ? '编辑方案' : '发布“小快轻准”解决方案'}>
      {!id && notApproved.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          message={`服务商需经市工信局遴选入选后才能发布方案（${notApproved.map((p) => `${p.name}：${PROVIDER_STATUS_NAMES[p.status] ?? p.status}`).join('；')}）。草稿可先保存。`}
        />
      )}
      <Form<SolutionForm>
        form={form}
        name="solution"
        layout="vertical"
        onFinish={submit}
        initialValues={{ levels: [1, 2], deliveryMode: 'saas', cases: [] }}
        scrollToFirstError
      >
        {!id && (
          <Form.Item name="providerId" label="服务商" rules={[{ required: true, message: '请选择服务商' }]}>
            <Select loading={providers.loading} options={providers.items.map((p) => ({ value: p.id, label: p.name }))} />
          </Form.Item>
        )}
        <Form.Item name="title" label="方案名称" rules={[{ required: true, whitespace: true, message: '请输入方案名称' }]}>
          <Input maxLength={120} showCount />
        </Form.Item>
        <Form.Item name="summary" label="一句话简介" rules={[{ required: true, whitespace: true, message: '请输入简介' }]}>
          <Input.TextArea rows={2} maxLength={300} showCount />
        </Form.Item>
        <Form.Item name="description" label="方案介绍" rules={[{ required: true, whitespace: true, message: '请输入方案介绍' }]}>
          <Input.TextArea rows={6} maxLength={5000} showCount />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="scenarios" label="适用场景" rules={[{ required: true, message: '至少选择一个场景' }]}>
              <Select mode="multiple" options={taxonomy.options('scenarios')} optionFilterProp="label" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="industries" label="适用行业" rules={[{ required: true, message: '至少选择一个行业' }]}>
              <Select mode="multiple" options={taxonomy.options('industries')} optionFilterProp="label" />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="priceMinWan" label="最低价格（万元）" rules={[{ required: true, message: '请输入价格' }]}>
              <InputNumber min={0} step={0.5} precision={4} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item
              name="priceMaxWan"
              label="最高价格（万元）"
              dependencies={['priceMinWan']}
              rules={[
                { required: true, message: '请输入价格' },
                ({ getFieldValue }) => ({
                  validator: (_, value?: number) =>
                    value === undefined || value === null || value >= (getFieldValue('priceMinWan') ?? 0)
                      ? Promise.resolve()
                      : Promise.reject(new Error('不能低于最低价格')),
                }),
              ]}
            >
              <InputNumber min={0} step={0.5} precision={4} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="deployDays" label="部署周期（天）" rules={[{ required: true, message: '请输入天数' }]}>
              <InputNumber min={1} max={730} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="deliveryMode" label="交付方式" rules={[{ required: true }]}>
              <Select options={taxonomy.options('deliveryModes')} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="levels" label="适用数字化水平" rules={[{ required: true, message: '至少选择一个等级' }]}>
          <Checkbox.Group options={LEVEL_OPTIONS} />
        </Form.Item>
        <Form.List name="cases">
          {(fields, { add, remove }) => (
            <Form.Item label="应用案例">
              {fields.map((field) => (
                <Space key={field.key} align="baseline" wrap style={{ display: 'flex', marginBottom: 8 }}>
                  <Form.Item
                    name={[field.name, 'enterpriseName']}
                    rules={[{ required: true, whitespace: true, message: '企业名称' }]}
                    noStyle
                  >
                    <Input placeholder="企业名称" maxLength={100} style={{ width: 200 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'year']} noStyle>
                    <InputNumber placeholder="年份" min={2000} max={2100} precision={0} style={{ width: 100 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'summary']} rules={[{ required: true, whitespace: true, message: '案例简介' }]} noStyle>
                    <Input placeholder="案例简介与成效" maxLength={1000} style={{ width: 360 }} />
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(field.name)} />
                </Space>
              ))}
              <Button type="dashed" onClick={() => add()} icon={<PlusOutlined />} disabled={fields.length >= 20}>
                添加案例
              </Button>
            </Form.Item>
          )}
        </Form.List>
        <Space>
          <Button type="primary" htmlType="submit" loading={busy}>
            {id ? '保存' : '保存草稿'}
          </Button>
          <Button onClick={() => navigate(-1)}>取消</Button>
        </Space>
      </Form>
    </Card>
  );
}

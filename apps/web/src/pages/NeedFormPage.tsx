import { Alert, Button, Card, Col, Form, Input, InputNumber, Row, Select, Space, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { api } from '../api';
import { showError, showSuccess } from '../components/feedback';
import { useOrganisations } from '../components/useOrganisations';
import { fenToWan, isoToShanghaiLocal, shanghaiLocalToIso, wanToFen } from '../format';
import { useTaxonomy } from '../taxonomy';
import { ShanghaiDateTimePicker } from '../components/ShanghaiPickers';

interface NeedForm {
  enterpriseId: string;
  title: string;
  description: string;
  scenarios: string[];
  budgetWan: number;
  expectedDays: number;
  /** `datetime-local` value, read as Asia/Shanghai time. */
  bidDeadline: string;
  privateDetails?: string;
}

/** 发布需求: a new draft need of one of the user's enterprises, or edits to an existing one. */
export default function NeedFormPage() {
  const { id } = useParams();
  const navigate = useNavigate();
  const taxonomy = useTaxonomy();
  const enterprises = useOrganisations('enterprise');
  const [form] = Form.useForm<NeedForm>();
  const [searchParams] = useSearchParams();
  const [loaded, setLoaded] = useState(!id);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!id) return;
    api.get('/needs/:id', { id: id! }).then((n) => {
      form.setFieldsValue({
        enterpriseId: n.enterpriseId,
        title: n.title,
        description: n.description,
        scenarios: n.scenarios,
        budgetWan: fenToWan(n.budgetFen),
        expectedDays: n.expectedDays,
        bidDeadline: isoToShanghaiLocal(n.bidDeadline),
        privateDetails: n.privateDetails ?? undefined,
      });
      setLoaded(true);
    }, showError);
  }, [id, form]);

  useEffect(() => {
    // A need suggested by a diagnosis arrives as `?title=…&scenarios=a,b`.
    if (id) return;
    const title = searchParams.get('title');
    const scenarios = searchParams.get('scenarios');
    if (title) form.setFieldValue('title', title);
    if (scenarios) form.setFieldValue('scenarios', scenarios.split(',').filter(Boolean));
  }, [id, searchParams, form]);

  useEffect(() => {
    if (!id && enterprises.items.length === 1) form.setFieldValue('enterpriseId', enterprises.items[0].id);
  }, [id, enterprises.items, form]);

  const submit = async (v: NeedForm) => {
    const body = {
      title: v.title,
      description: v.description,
      scenarios: v.scenarios,
      budgetFen: wanToFen(v.budgetWan),
      expectedDays: v.expectedDays,
      bidDeadline: shanghaiLocalToIso(v.bidDeadline),
      privateDetails: v.privateDetails?.trim() ? v.privateDetails : null,
    };
    setBusy(true);
    try {
      const saved = id
        ? await api.patch('/needs/:id', { id: id! }, body)
        : await api.post('/needs', { ...body, enterpriseId: v.enterpriseId });
      showSuccess(id ? '需求已保存' : '需求草稿已创建，可在详情页发布');
      navigate(`/needs/${saved.id}`);
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  };

  if (!id && !enterprises.loading && !enterprises.items.length) {
    return (
      <Alert
        type="info"
        showIcon
        message="发布需求需要先登记企业"
        description={<Link to="/organisation">前往“我的企业/服务商”登记</Link>}
      />
    );
  }
  if (!loaded) return <Spin />;

  return (
    <Card title={id ? '编辑需求' : '发布数字化转型需求'}>
      <Form<NeedForm> form={form} name="need" layout="vertical" onFinish={submit} scrollToFirstError>
        {!id && (
          <Form.Item name="enterpriseId" label="需求企业" rules={[{ required: true, message: '请选择企业' }]}>
            <Select loading={enterprises.loading} options={enterprises.items.map((e) => ({ value: e.id, label: e.name }))} />
          </Form.Item>
        )}
        <Form.Item name="title" label="需求名称" rules={[{ required: true, whitespace: true, message: '请输入需求名称' }]}>
          <Input maxLength={120} showCount />
        </Form.Item>
        <Form.Item name="description" label="需求描述（公开）" rules={[{ required: true, whitespace: true, message: '请描述需求' }]}>
          <Input.TextArea rows={6} maxLength={5000} showCount />
        </Form.Item>
        <Form.Item name="scenarios" label="需求场景" rules={[{ required: true, message: '至少选择一个场景' }]}>
          <Select mode="multiple" options={taxonomy.options('scenarios')} optionFilterProp="label" />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="budgetWan" label="预算（万元）" rules={[{ required: true, message: '请输入预算' }]}>
              <InputNumber min={0.0001} step={1} precision={4} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="expectedDays" label="期望交付周期（天）" rules={[{ required: true, message: '请输入天数' }]}>
              <InputNumber min={1} max={730} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="bidDeadline" label="投标截止（北京时间）" rules={[{ required: true, message: '请选择截止时间' }]}>
              <ShanghaiDateTimePicker />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="privateDetails" label="详细资料（仅对获企业授权的服务商可见）">
          <Input.TextArea rows={4} maxLength={5000} showCount />
        </Form.Item>
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

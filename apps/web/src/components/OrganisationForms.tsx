import { Col, Form, Input, InputNumber, Modal, Row, Select, Switch } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../api';
import type { Enterprise, Provider } from '../api';
import { fenToWan, wanToFen } from '../format';
import { PROVIDER_KIND_NAMES, SCALE_NAMES } from '../labels';
import { useTaxonomy } from '../taxonomy';
import { showError, showSuccess } from './feedback';

const USCC_RULE = {
  pattern: /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/,
  message: '统一社会信用代码为 18 位（数字与大写字母，不含 I、O、Z、S、V）',
};
const toOptions = (names: Record<string, string>) => Object.entries(names).map(([value, label]) => ({ value, label }));

interface EnterpriseForm {
  name: string;
  uscc: string;
  industry: string;
  district: string;
  /** A scale code (`SCALES` of the taxonomy). */
  scale: string;
  employees?: number | null;
  annualRevenueWan?: number | null;
  isLittleGiantFunded: boolean;
  inPilot2022: boolean;
  isSpecialised: boolean;
}

/** Registers an enterprise (the user becomes its owner) or edits one. */
export function EnterpriseModal({
  open,
  enterprise,
  onClose,
  onSaved,
}: {
  open: boolean;
  enterprise?: Enterprise;
  onClose: () => void;
  onSaved: (e: Enterprise) => void;
}) {
  const taxonomy = useTaxonomy();
  const [form] = Form.useForm<EnterpriseForm>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (enterprise) {
      form.setFieldsValue({
        ...enterprise,
        uscc: enterprise.uscc ?? '',
        annualRevenueWan:
          enterprise.annualRevenueFen === null || enterprise.annualRevenueFen === undefined ? null : fenToWan(enterprise.annualRevenueFen),
      } as EnterpriseForm);
    }
  }, [open, enterprise, form]);

  const submit = async () => {
    const v = await form.validateFields();
    const body = {
      name: v.name,
      uscc: v.uscc.trim().toUpperCase(),
      industry: v.industry,
      district: v.district,
      scale: v.scale,
      employees: v.employees ?? null,
      annualRevenueFen: v.annualRevenueWan === null || v.annualRevenueWan === undefined ? null : wanToFen(v.annualRevenueWan),
      isLittleGiantFunded: !!v.isLittleGiantFunded,
      inPilot2022: !!v.inPilot2022,
      isSpecialised: !!v.isSpecialised,
    };
    setBusy(true);
    try {
      const saved = enterprise ? await api.patch('/enterprises/:id', { id: enterprise.id }, body) : await api.post('/enterprises', body);
      showSuccess(enterprise ? '企业信息已保存' : '企业已登记');
      onSaved(saved);
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={enterprise ? '编辑企业信息' : '登记企业'}
      width={720}
      okText="保存"
      cancelText="取消"
      confirmLoading={busy}
      onOk={submit}
      onCancel={onClose}
      forceRender
    >
      <Form
        form={form}
        name="enterprise"
        layout="vertical"
        initialValues={{ scale: 'below', isLittleGiantFunded: false, inPilot2022: false, isSpecialised: false }}
      >
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="name" label="企业名称" rules={[{ required: true, whitespace: true, message: '请输入企业名称' }]}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="uscc"
              label="统一社会信用代码"
              rules={[{ required: true, message: '请输入统一社会信用代码' }, USCC_RULE]}
              normalize={(v: string) => v?.toUpperCase()}
            >
              <Input maxLength={18} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="industry" label="所属行业" rules={[{ required: true, message: '请选择行业' }]}>
              <Select options={taxonomy.options('industries')} showSearch optionFilterProp="label" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="district" label="所在区县" rules={[{ required: true, message: '请选择区县' }]}>
              <Select options={taxonomy.options('districts')} showSearch optionFilterProp="label" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="scale" label="企业规模" rules={[{ required: true }]}>
              <Select options={toOptions(SCALE_NAMES)} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="employees" label="员工人数">
              <InputNumber min={0} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="annualRevenueWan" label="年营业收入（万元）">
              <InputNumber min={0} precision={4} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="isSpecialised" label="专精特新企业" valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="isLittleGiantFunded" label="已获“小巨人”中央财政资金支持" valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="inPilot2022" label="2022年数字化转型试点企业" valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}

interface ProviderForm {
  name: string;
  uscc: string;
  /** A provider kind code (`PROVIDER_KINDS` of the taxonomy). */
  kind: string;
  districts: string[];
  description: string;
}

/** Applies as a digital service provider (pending until a city officer approves) or edits one. */
export function ProviderModal({
  open,
  provider,
  onClose,
  onSaved,
}: {
  open: boolean;
  provider?: Provider;
  onClose: () => void;
  onSaved: (p: Provider) => void;
}) {
  const taxonomy = useTaxonomy();
  const [form] = Form.useForm<ProviderForm>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (provider) form.setFieldsValue(provider);
  }, [open, provider, form]);

  const submit = async () => {
    const v = await form.validateFields();
    const body = { ...v, uscc: v.uscc.trim().toUpperCase(), description: v.description ?? '' };
    setBusy(true);
    try {
      const saved = provider ? await api.patch('/providers/:id', { id: provider.id }, body) : await api.post('/providers', body);
      showSuccess(provider ? '服务商信息已保存' : '申请已提交，等待市工信局遴选');
      onSaved(saved);
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={provider ? '编辑服务商信息' : '申请成为数字化服务商'}
      width={720}
      okText="保存"
      cancelText="取消"
      confirmLoading={busy}
      onOk={submit}
      onCancel={onClose}
      forceRender
    >
      <Form form={form} name="provider" layout="vertical" initialValues={{ kind: 'product', districts: [], description: '' }}>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="name" label="服务商名称" rules={[{ required: true, whitespace: true, message: '请输入名称' }]}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="uscc"
              label="统一社会信用代码"
              rules={[{ required: true, message: '请输入统一社会信用代码' }, USCC_RULE]}
              normalize={(v: string) => v?.toUpperCase()}
            >
              <Input maxLength={18} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="kind" label="服务商类型" rules={[{ required: true }]}>
              <Select options={toOptions(PROVIDER_KIND_NAMES)} />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item name="districts" label="服务区域" rules={[{ required: true, message: '至少选择一个区县' }]}>
              <Select mode="multiple" options={taxonomy.options('districts')} optionFilterProp="label" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="description" label="服务商简介">
          <Input.TextArea rows={4} maxLength={5000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

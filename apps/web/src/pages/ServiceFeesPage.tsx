import { PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Row,
  Select,
  Space,
  Statistic,
  Table,
  Tag,
} from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { api, ApiError } from '../api';
import { hasRole, useUser } from '../auth';
import { showError, showSuccess } from '../components/feedback';
import { useOrganisationSearch } from '../components/useOrganisationSearch';
import { formatDate, formatFen } from '../format';
import { useTaxonomy } from '../taxonomy';
import { SERVICE_FEE_CAPS_FEN, SERVICE_FEE_KINDS } from '@smedx/contracts/rules/programme-caps.js';
import type { ServiceFeeKind } from '@smedx/contracts/rules/programme-caps.js';
import type { FeeCapView, ServiceFeesPage as ServiceFeesPageView, Wire } from '@smedx/contracts';

type FeesPage = Wire<ServiceFeesPageView>;
type Fee = FeesPage['items'][number];
type Cap = Wire<FeeCapView>;

const KIND_NAMES: Record<ServiceFeeKind, string> = { diagnosis: '评估诊断服务费', acceptance_monitoring: '验收监测服务费' };

interface FeeForm {
  enterpriseId: string;
  kind: ServiceFeeKind;
  amountYuan: number;
  serviceOrganisationName: string;
  reference?: string;
}

/** 服务费用: diagnosis and acceptance-monitoring fees per enterprise against their caps (7,000 / 10,000 元); officers record them. */
export default function ServiceFeesPage() {
  const user = useUser();
  const taxonomy = useTaxonomy();
  const records = hasRole(user, 'city_officer', 'district_officer');
  const [kind, setKind] = useState<ServiceFeeKind | undefined>();
  const [page, setPage] = useState(1);
  const [data, setData] = useState<FeesPage | null>(null);
  const [loading, setLoading] = useState(false);
  const [recording, setRecording] = useState(false);

  const load = useCallback(() => {
    setLoading(true);
    api
      .get('/service-fees', { kind, page, pageSize: 20 })
      .then(setData, showError)
      .finally(() => setLoading(false));
  }, [kind, page]);
  useEffect(load, [load]);

  return (
    <Card
      title="服务费用（评估诊断、验收监测）"
      extra={
        <Space wrap>
          <Select
            allowClear
            placeholder="费用类别（全部）"
            style={{ width: 170 }}
            value={kind}
            onChange={(v) => {
              setKind(v);
              setPage(1);
            }}
            options={SERVICE_FEE_KINDS.map((k) => ({ value: k, label: KIND_NAMES[k] }))}
            aria-label="费用类别"
          />
          {records && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setRecording(true)}>
              登记服务费
            </Button>
          )}
        </Space>
      }
    >
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        {SERVICE_FEE_KINDS.map((k) => (
          <Col key={k} xs={24} sm={12}>
            <Card size="small">
              <Statistic title={`${KIND_NAMES[k]}合计`} value={data ? formatFen(data.sums[k] ?? 0) : '—'} />
              <Tag style={{ marginTop: 8 }}>每家企业上限 {formatFen(SERVICE_FEE_CAPS_FEN[k])}</Tag>
            </Card>
          </Col>
        ))}
      </Row>
      <Table<Fee>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={data?.items ?? []}
        scroll={{ x: 'max-content' }}
        data-testid="service-fees"
        pagination={{ current: page, pageSize: 20, total: data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        locale={{ emptyText: '暂无服务费记录' }}
        columns={[
          { title: '企业', dataIndex: 'enterpriseName', render: (v: string | null) => v ?? '—' },
          { title: '区县', dataIndex: 'district', render: (v: string) => taxonomy.name('districts', v) },
          { title: '费用类别', dataIndex: 'kind', render: (v: ServiceFeeKind) => KIND_NAMES[v] },
          { title: '金额', dataIndex: 'amountFen', align: 'right', render: (v: number) => formatFen(v) },
          { title: '服务机构', dataIndex: 'serviceOrganisationName' },
          { title: '支付日期', dataIndex: 'paidAt', render: (v: string) => formatDate(v) },
          { title: '凭证号', dataIndex: 'reference', render: (v: string | null) => v ?? '—' },
        ]}
      />
      {recording && (
        <RecordFeeModal
          onClose={() => setRecording(false)}
          onRecorded={() => {
            setRecording(false);
            setPage(1);
            load();
          }}
        />
      )}
    </Card>
  );
}

/** The form an officer records a payment with; shows the enterprise's caps, and the API's refusal in Chinese. */
function RecordFeeModal({ onClose, onRecorded }: { onClose: () => void; onRecorded: () => void }) {
  const [form] = Form.useForm<FeeForm>();
  const { query, setQuery, found, loading } = useOrganisationSearch('/enterprises');
  const enterpriseId = Form.useWatch('enterpriseId', form);
  const [caps, setCaps] = useState<Cap[] | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const loadCaps = useCallback(() => {
    if (!enterpriseId) return setCaps(null);
    api.get('/service-fees', { enterpriseId, pageSize: 1 }).then((r) => setCaps(r.caps), showError);
  }, [enterpriseId]);
  useEffect(loadCaps, [loadCaps]);

  const submit = (v: FeeForm) => {
    setBusy(true);
    setRefusal(null);
    api
      .post('/service-fees', {
        enterpriseId: v.enterpriseId,
        kind: v.kind,
        amountFen: Math.round(v.amountYuan * 100),
        serviceOrganisationName: v.serviceOrganisationName,
        reference: v.reference || undefined,
      })
      .then(
        () => {
          showSuccess('服务费已登记');
          onRecorded();
        },
        (e) => {
          // A refusal (over the cap, another district's enterprise) stays in the form beside the figures.
          if (e instanceof ApiError && (e.status === 409 || e.status === 403)) {
            setRefusal(e.textZh);
            loadCaps();
          }
          showError(e);
        },
      )
      .finally(() => setBusy(false));
  };

  return (
    <Modal open title="登记服务费" onCancel={onClose} onOk={() => form.submit()} okText="登记" confirmLoading={busy} destroyOnHidden>
      <Form<FeeForm> form={form} name="serviceFee" layout="vertical" onFinish={submit} initialValues={{ kind: 'diagnosis' }}>
        <Form.Item name="enterpriseId" label="企业" rules={[{ required: true, message: '请选择企业' }]}>
          <Select
            showSearch
            options={found}
            loading={loading}
            filterOption={false}
            onSearch={setQuery}
            placeholder="输入企业名称搜索"
            notFoundContent={query ? '未找到' : '输入名称搜索'}
          />
        </Form.Item>
        <Form.Item name="kind" label="费用类别" rules={[{ required: true, message: '请选择费用类别' }]}>
          <Radio.Group options={SERVICE_FEE_KINDS.map((k) => ({ value: k, label: KIND_NAMES[k] }))} />
        </Form.Item>
        {caps && (
          <Descriptions size="small" column={1} bordered style={{ marginBottom: 16 }} data-testid="fee-caps">
            {caps.map((c) => (
              <Descriptions.Item key={c.kind} label={KIND_NAMES[c.kind]}>
                已付 {formatFen(c.paidFen)} / 上限 {formatFen(c.capFen)}，尚可支付 {formatFen(c.remainingFen)}
              </Descriptions.Item>
            ))}
          </Descriptions>
        )}
        <Form.Item name="amountYuan" label="金额（元）" rules={[{ required: true, message: '请填写金额' }]}>
          <InputNumber min={0.01} max={1_000_000} precision={2} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="serviceOrganisationName"
          label="服务机构"
          rules={[{ required: true, whitespace: true, message: '请填写服务机构名称' }]}
        >
          <Input maxLength={200} placeholder="如：沈阳市数字化转型评估中心" />
        </Form.Item>
        <Form.Item name="reference" label="支付凭证号">
          <Input maxLength={100} />
        </Form.Item>
        {refusal && <Alert type="error" showIcon message={refusal} data-testid="fee-refusal" />}
      </Form>
    </Modal>
  );
}

import { Alert, Button, Card, Form, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { api, fieldProblems } from '../api';
import type { ProjectSummary } from '../api';
import { showError, showSuccess } from '../components/feedback';
import { SubmissionDocuments, requiredDocumentsGiven } from '../components/SubmissionDocuments';
import type { SubmittedDocument } from '../components/SubmissionDocuments';
import { SubsidyLines, linesToApi } from '../components/SubsidyLines';
import type { LineValues } from '../components/SubsidyLines';
import { useOrganisations } from '../components/useOrganisations';

interface ApplyForm {
  enterpriseId: string;
  projectId: string;
  lines: LineValues[];
  documents: SubmittedDocument[];
}

/** 申请专项资金: an enterprise member applies on one of its accepted projects. */
export default function SubsidyApplyPage() {
  const navigate = useNavigate();
  const enterprises = useOrganisations('enterprise');
  const [form] = Form.useForm<ApplyForm>();
  const enterpriseId = Form.useWatch('enterpriseId', form);
  const [projects, setProjects] = useState<ProjectSummary[]>([]);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (enterprises.items.length === 1) form.setFieldValue('enterpriseId', enterprises.items[0].id);
  }, [enterprises.items, form]);

  useEffect(() => {
    setProjects([]);
    if (!enterpriseId) return;
    api.get('/projects', { organisationId: enterpriseId, status: 'accepted', pageSize: 100 }).then((p) => setProjects(p.items), showError);
  }, [enterpriseId]);

  const submit = async (v: ApplyForm) => {
    setBusy(true);
    try {
      const created = await api.post('/subsidy-applications', {
        enterpriseId: v.enterpriseId,
        projectId: v.projectId,
        lines: linesToApi(v.lines),
        documents: v.documents.map((d) => ({ fileId: d.file.id, kind: d.kind })),
      });
      showSuccess('申请已提交，等待区县初审');
      navigate(`/subsidy/${created.id}`);
    } catch (e) {
      const problems = fieldProblems(e).filter((p) => ['projectId', 'enterpriseId'].includes(p.field));
      if (problems.length) form.setFields(problems.map((p) => ({ name: p.field as 'projectId', errors: [p.reason] })));
      showError(e);
    } finally {
      setBusy(false);
    }
  };

  if (!enterprises.loading && !enterprises.items.length) {
    return <Alert type="info" showIcon message="申请专项资金需要先登记企业" description={<Link to="/organisation">前往登记</Link>} />;
  }

  return (
    <Card title="申请专项资金（先建后补）">
      <Form<ApplyForm> form={form} name="subsidyApply" layout="vertical" onFinish={submit} initialValues={{ lines: [{}], documents: [] }}>
        <Form.Item name="enterpriseId" label="申请企业" rules={[{ required: true, message: '请选择企业' }]}>
          <Select loading={enterprises.loading} options={enterprises.items.map((e) => ({ value: e.id, label: e.name }))} />
        </Form.Item>
        <Form.Item
          name="projectId"
          label="已验收的改造项目"
          rules={[{ required: true, message: '请选择项目' }]}
          extra={enterpriseId && !projects.length ? '该企业暂无已验收的项目' : undefined}
        >
          <Select options={projects.map((p) => ({ value: p.id, label: `${p.title}（${p.contractNo}）` }))} />
        </Form.Item>
        <SubsidyLines form={form} />
        <Form.Item
          name="documents"
          label="申报材料（合同、发票、付款凭证、交付验收单）"
          rules={[{ validator: (_, value: SubmittedDocument[]) => requiredDocumentsGiven('subsidy_application', value) }]}
        >
          <SubmissionDocuments ownerKind="subsidy_application" organisationId={enterpriseId} />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={busy}>
            提交申请
          </Button>
          <Button onClick={() => navigate(-1)}>取消</Button>
        </Space>
      </Form>
    </Card>
  );
}

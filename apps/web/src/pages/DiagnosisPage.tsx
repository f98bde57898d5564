import { Alert, Card, Select, Space, Spin, Table, Tabs, Tag, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { api, unless404 } from '../api';
import type { Enterprise } from '../api';
import { hasRole, isMemberOf, useUser } from '../auth';
import { DiagnosisCommonNeeds } from '../components/DiagnosisCommonNeeds';
import { DiagnosisForm } from '../components/DiagnosisForm';
import { DiagnosisResult } from '../components/DiagnosisResult';
import { useOrganisationSearch } from '../components/useOrganisationSearch';
import { showError } from '../components/feedback';
import { useOrganisations } from '../components/useOrganisations';
import { DIAGNOSIS_KIND_NAMES } from '../diagnosis';
import type { Diagnosis, Questionnaire } from '../diagnosis';
import { formatTime } from '../format';
import { LEVEL_NAMES } from '../labels';

/** Finds an enterprise by name (assessors and officers pick whom to diagnose or look at). */
function EnterpriseSearch({
  value,
  onChange,
  known,
}: {
  value?: string;
  onChange: (id: string) => void;
  known: { value: string; label: string }[];
}) {
  const { query, setQuery, found } = useOrganisationSearch('/enterprises');
  const options = useMemo(() => {
    const seen = new Set<string>();
    return [...known, ...found].filter((o) => !seen.has(o.value) && seen.add(o.value));
  }, [known, found]);
  return (
    <Select
      data-testid="diagnosis-enterprise"
      style={{ width: 360, maxWidth: '100%' }}
      showSearch
      value={value}
      onChange={onChange}
      onSearch={setQuery}
      filterOption={false}
      options={options}
      placeholder="输入企业名称搜索"
      notFoundContent={query ? '未找到' : '输入名称搜索'}
    />
  );
}

/** 评估诊断: the questionnaire, the result, the enterprise's history; 共性需求 for officers and assessors. */
export default function DiagnosisPage() {
  const { id } = useParams();
  const navigate = useNavigate();
  const user = useUser();
  const own = useOrganisations('enterprise');
  const isAssessor = hasRole(user, 'assessor');
  const overseer = hasRole(user, 'assessor', 'city_officer', 'district_officer', 'admin');
  const [questionnaire, setQuestionnaire] = useState<Questionnaire | null>(null);
  const [enterprise, setEnterprise] = useState<Enterprise | null>(null);
  const [history, setHistory] = useState<Diagnosis[] | null>(null);
  const [shown, setShown] = useState<Diagnosis | null>(null);
  const [formKey, setFormKey] = useState(0);

  const enterpriseId = id ?? (own.items.length && !isAssessor ? own.items[0].id : undefined);

  useEffect(() => {
    api.get('/diagnoses/questionnaire').then(setQuestionnaire, showError);
  }, []);

  const loadHistory = useCallback(() => {
    if (!enterpriseId) return;
    api.get('/enterprises/:id/diagnoses', { id: enterpriseId }, { pageSize: 50 }).then(
      (p) => setHistory(p.items),
      (e) => {
        setHistory([]);
        showError(e);
      },
    );
  }, [enterpriseId]);

  useEffect(() => {
    setEnterprise(null);
    setHistory(null);
    setShown(null);
    if (!enterpriseId) return;
    unless404(api.get('/enterprises/:id', { id: enterpriseId })).then(setEnterprise, showError);
    loadHistory();
  }, [enterpriseId, loadHistory]);

  const member = !!enterpriseId && isMemberOf(user, enterpriseId);
  const kind: Diagnosis['kind'] | null = isAssessor ? 'assessment' : member ? 'self_check' : null;
  const known = useMemo(
    () => [
      ...own.items.map((e) => ({ value: e.id, label: e.name })),
      ...(enterprise ? [{ value: enterprise.id, label: enterprise.name }] : []),
    ],
    [own.items, enterprise],
  );

  const picker =
    isAssessor || overseer || own.items.length > 1 ? (
      // On a phone the box goes under its label, as wide as the screen allows.
      <Space wrap styles={{ item: { maxWidth: '100%' } }}>
        <Typography.Text>企业：</Typography.Text>
        <EnterpriseSearch value={enterpriseId} known={known} onChange={(v) => navigate(`/enterprises/${v}/diagnoses`)} />
      </Space>
    ) : null;

  const diagnose = !enterpriseId ? (
    own.loading && !overseer ? (
      <Spin />
    ) : (
      <Alert
        type="info"
        showIcon
        message={overseer ? '请先选择企业' : '评估诊断需要先登记企业'}
        description={overseer ? '按企业名称搜索后选择' : '在“我的企业/服务商”中登记企业后即可自评'}
      />
    )
  ) : (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      {enterprise && (
        <Card size="small">
          <Space wrap>
            <Typography.Text strong>{enterprise.name}</Typography.Text>
            <span>当前认定水平：{enterprise.digitalLevel ? <Tag color="blue">{LEVEL_NAMES[enterprise.digitalLevel]}</Tag> : '未认定'}</span>
          </Space>
        </Card>
      )}
      {shown && <DiagnosisResult diagnosis={shown} canPublishNeeds={member} />}
      <Card title="诊断记录" size="small">
        <Table
          size="small"
          rowKey="id"
          loading={history === null}
          dataSource={history ?? []}
          pagination={false}
          data-testid="diagnosis-history"
          onRow={(d) => ({ onClick: () => setShown(d), style: { cursor: 'pointer' } })}
          columns={[
            { title: '时间', dataIndex: 'createdAt', render: (t: string) => formatTime(t) },
            { title: '类型', dataIndex: 'kind', render: (k: string) => DIAGNOSIS_KIND_NAMES[k] ?? k },
            { title: '总分', dataIndex: 'score' },
            {
              title: '水平',
              render: (_, d) => (
                <span>
                  {LEVEL_NAMES[d.level]}
                  {d.belowLevelOne && '（低于一级下限）'}
                </span>
              ),
            },
            { title: '认定', dataIndex: 'official', render: (o: boolean) => (o ? <Tag color="green">已认定</Tag> : <Tag>仅供参考</Tag>) },
          ]}
        />
      </Card>
      {kind && questionnaire ? (
        <Card title={`${kind === 'assessment' ? '评估诊断' : '企业自评'}：${questionnaire.name}`}>
          <DiagnosisForm
            key={formKey}
            questionnaire={questionnaire}
            enterpriseId={enterpriseId}
            kind={kind}
            onFiled={(d) => {
              setShown(d);
              setFormKey((k) => k + 1);
              loadHistory();
              window.scrollTo({ top: 0 });
            }}
          />
        </Card>
      ) : kind ? (
        <Spin />
      ) : null}
    </Space>
  );

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        评估诊断
      </Typography.Title>
      {picker}
      {overseer ? (
        <Tabs
          items={[
            { key: 'diagnose', label: '企业诊断', children: diagnose },
            { key: 'common', label: '共性需求', children: <DiagnosisCommonNeeds /> },
          ]}
        />
      ) : (
        diagnose
      )}
    </Space>
  );
}

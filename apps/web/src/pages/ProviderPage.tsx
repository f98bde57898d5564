import { Button, Card, Descriptions, Empty, List, Result, Space, Spin, Tabs, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom';
import { api, ApiError, unless404 } from '../api';
import type { Page, ProjectCase, Provider, Solution } from '../api';
import { CodeTags } from '../components/CodeTags';
import { DocumentChecklist } from '../components/DocumentChecklist';
import { showError } from '../components/feedback';
import { formatDate, formatFenRange } from '../format';
import { LEVEL_NAMES, PROVIDER_KIND_NAMES, PROVIDER_STATUS_COLORS, PROVIDER_STATUS_NAMES } from '../labels';
import { useTaxonomy } from '../taxonomy';
import { hasRole, isMemberOf, useAuth } from '../auth';
import { usePageMeta } from '../usePageMeta';

const CASE_PAGE_SIZE = 10;

/** 成果案例: the provider's projects that passed acceptance (`GET /providers/:id/cases`); null when the route is not there. */
function useCases(providerId: string | undefined, page: number): Page<ProjectCase> | null | undefined {
  const [data, setData] = useState<Page<ProjectCase> | null | undefined>(undefined);
  useEffect(() => {
    if (!providerId) return;
    let live = true;
    unless404(api.get('/providers/:id/cases', { id: providerId }, { page, pageSize: CASE_PAGE_SIZE })).then(
      (d) => live && setData(d),
      (e) => {
        if (!live) return;
        setData(null);
        showError(e);
      },
    );
    return () => {
      live = false;
    };
  }, [providerId, page]);
  return data;
}

function CaseList({ data, page, setPage }: { data: Page<ProjectCase>; page: number; setPage: (p: number) => void }) {
  const taxonomy = useTaxonomy();
  if (!data.items.length) return <Empty description="暂无通过验收的成果案例" />;
  return (
    <List<ProjectCase>
      itemLayout="vertical"
      dataSource={data.items}
      pagination={data.total > CASE_PAGE_SIZE ? { current: page, pageSize: CASE_PAGE_SIZE, total: data.total, onChange: setPage } : false}
      renderItem={(c) => (
        <List.Item key={c.projectId} data-testid="provider-case">
          <List.Item.Meta
            title={
              <Space wrap>
                <span>{c.title}</span>
                <Tag color="green">验收通过</Tag>
              </Space>
            }
            description={
              <Space wrap size={[12, 4]}>
                <span>{c.enterpriseName}</span>
                <span>{taxonomy.name('industries', c.industry)}</span>
                <span>{taxonomy.name('districts', c.district)}</span>
                <span>验收于 {formatDate(c.acceptedAt)}</span>
              </Space>
            }
          />
          <Descriptions size="small" column={{ xs: 1, md: 3 }} styles={{ label: { whiteSpace: 'nowrap' } }}>
            <Descriptions.Item label="数字化水平">
              {c.levelBefore ? LEVEL_NAMES[c.levelBefore] : '未评估'} → {LEVEL_NAMES[c.levelAfter] ?? c.levelAfter}
            </Descriptions.Item>
            <Descriptions.Item label="投资回报率">{c.roiPercent}%</Descriptions.Item>
            <Descriptions.Item label="实施工期">{c.deliveryDays} 天</Descriptions.Item>
            <Descriptions.Item label="数据贯通" span={3}>
              {c.dataIntegration}
            </Descriptions.Item>
            <Descriptions.Item label="管理变革" span={3}>
              {c.managementReform}
            </Descriptions.Item>
            {c.applicationEffect && (
              <Descriptions.Item label="应用成效" span={3}>
                {c.applicationEffect}
              </Descriptions.Item>
            )}
          </Descriptions>
          {c.solutionId && <Link to={`/solutions/${c.solutionId}`}>查看所用方案</Link>}
        </List.Item>
      )}
    />
  );
}

/** A provider's page: profile and record, 成果案例, and its published solutions. */
export default function ProviderPage() {
  const { id } = useParams();
  // `#documents` (from 服务商遴选) opens the 遴选材料 tab.
  const openTab = useLocation().hash === '#documents' ? 'documents' : undefined;
  const navigate = useNavigate();
  const { user } = useAuth();
  const [provider, setProvider] = useState<Provider | null>(null);
  const [missing, setMissing] = useState(false);
  const [solutions, setSolutions] = useState<Solution[] | null>(null);
  const [casePage, setCasePage] = useState(1);
  usePageMeta(provider?.name ?? (missing ? '服务商不存在' : '服务商'), provider?.description);
  const cases = useCases(id, casePage);

  useEffect(() => {
    if (!id) {
      setMissing(true);
      return;
    }
    api.get('/providers/:id', { id }).then(setProvider, (e) => {
      if (e instanceof ApiError && (e.status === 404 || e.status === 400)) setMissing(true);
      else showError(e);
    });
    api.get('/solutions', { providerId: id, status: 'published', pageSize: 50 }).then(
      (p) => setSolutions(p.items),
      () => setSolutions([]),
    );
  }, [id]);

  if (missing) return <Result status="404" title="服务商不存在" extra={<Button onClick={() => navigate(-1)}>返回</Button>} />;
  if (!provider) return <Spin />;

  const record = provider.record;
  const rate =
    record?.acceptancePassRate === null || record?.acceptancePassRate === undefined
      ? '—'
      : `${Math.round(record.acceptancePassRate * 100)}%`;

  return (
    <Card
      title={
        <Space wrap>
          <span>{provider.name}</span>
          <Tag color="blue">{PROVIDER_KIND_NAMES[provider.kind] ?? provider.kind}</Tag>
          <Tag color={PROVIDER_STATUS_COLORS[provider.status]}>{PROVIDER_STATUS_NAMES[provider.status] ?? provider.status}</Tag>
        </Space>
      }
    >
      <Descriptions bordered size="small" column={{ xs: 1, md: 4 }} styles={{ label: { whiteSpace: 'nowrap' } }}>
        <Descriptions.Item label="完成项目">{record?.completedProjects ?? 0}</Descriptions.Item>
        <Descriptions.Item label="验收通过率">{rate}</Descriptions.Item>
        <Descriptions.Item label="用户评分">
          {record?.ratingAverage === null || record?.ratingAverage === undefined
            ? '暂无'
            : `${record.ratingAverage.toFixed(1)}（${record.ratingCount} 条）`}
        </Descriptions.Item>
        <Descriptions.Item label="统一社会信用代码">{provider.uscc}</Descriptions.Item>
        <Descriptions.Item label="服务区域" span={4}>
          <CodeTags list="districts" codes={provider.districts} />
        </Descriptions.Item>
        <Descriptions.Item label="简介" span={4}>
          <span className="pre-wrap">{provider.description || '—'}</span>
        </Descriptions.Item>
      </Descriptions>
      <Tabs
        defaultActiveKey={openTab}
        style={{ marginTop: 16 }}
        items={[
          ...(cases === null
            ? []
            : [
                {
                  key: 'cases',
                  label: `成果案例（${cases?.total ?? 0}）`,
                  children: cases === undefined ? <Spin /> : <CaseList data={cases} page={casePage} setPage={setCasePage} />,
                },
              ]),
          ...(isMemberOf(user, provider.id) || hasRole(user, 'city_officer', 'district_officer', 'admin')
            ? [
                {
                  key: 'documents',
                  label: '遴选材料',
                  children: (
                    <DocumentChecklist ownerPath="providers" ownerId={provider.id} title="遴选材料（营业执照、资质证书、服务案例）" />
                  ),
                },
              ]
            : []),
          {
            key: 'solutions',
            label: `解决方案（${solutions?.length ?? 0}）`,
            children:
              solutions === null ? (
                <Spin />
              ) : solutions.length ? (
                <List<Solution>
                  dataSource={solutions}
                  renderItem={(s) => (
                    <List.Item key={s.id} extra={<Typography.Text strong>{formatFenRange(s.priceMinFen, s.priceMaxFen)}</Typography.Text>}>
                      <List.Item.Meta title={<Link to={`/solutions/${s.id}`}>{s.title}</Link>} description={s.summary} />
                    </List.Item>
                  )}
                />
              ) : (
                <Empty description="暂无已发布方案" />
              ),
          },
        ]}
      />
    </Card>
  );
}

import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Empty, Space, Tabs, Tag, Timeline, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../api';
import type { Enterprise, Need, Page, Provider, Solution } from '../api';
import { membershipsOf, useAuth, useUser } from '../auth';
import { CodeTags } from '../components/CodeTags';
import { showError } from '../components/feedback';
import { EnterpriseModal, ProviderModal } from '../components/OrganisationForms';
import { useOrganisations } from '../components/useOrganisations';
import { formatFen, formatFenRange, formatTime } from '../format';
import {
  LEVEL_NAMES,
  NEED_STATUS_NAMES,
  PROVIDER_KIND_NAMES,
  PROVIDER_STATUS_COLORS,
  PROVIDER_STATUS_NAMES,
  SCALE_NAMES,
  SELECTION_DECISION_NAMES,
  SOLUTION_STATUS_NAMES,
  STATUS_COLORS,
} from '../labels';
import { useTaxonomy } from '../taxonomy';
import { ResponsiveTable } from '../components/ResponsiveTable';

type Editing = { kind: 'enterprise'; item?: Enterprise } | { kind: 'provider'; item?: Provider } | null;

/** An organisation's own solutions or needs in one status (drafts included: they are the members' own). */
function OwnItems({ kind, organisationId, status }: { kind: 'solutions' | 'needs'; organisationId: string; status: string }) {
  const [page, setPage] = useState(1);
  const [data, setData] = useState<Page<Solution | Need> | null>(null);
  useEffect(() => {
    const query = { status, page, pageSize: 10 };
    const list: Promise<Page<Solution | Need>> =
      kind === 'solutions'
        ? api.get('/solutions', { ...query, providerId: organisationId })
        : api.get('/needs', { ...query, enterpriseId: organisationId });
    list.then(setData, showError);
  }, [kind, organisationId, status, page]);
  const names = kind === 'solutions' ? SOLUTION_STATUS_NAMES : NEED_STATUS_NAMES;
  return (
    <ResponsiveTable<Solution | Need>
      rowKey="id"
      size="small"
      loading={!data}
      dataSource={data?.items ?? []}
      locale={{
        // An empty tab says what is missing and, where the next step is the user's, offers it.
        emptyText: (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={`暂无${names[status] ?? ''}的${kind === 'needs' ? '需求' : '方案'}`}>
            {(status === 'draft' || status === 'published') && (
              <Link to={`/${kind}/new`}>
                <Button type="primary" size="small" icon={<PlusOutlined />}>
                  {kind === 'needs' ? '发布需求' : '发布方案'}
                </Button>
              </Link>
            )}
          </Empty>
        ),
      }}
      pagination={{ current: page, pageSize: 10, total: data?.total ?? 0, onChange: setPage, hideOnSinglePage: true }}
      columns={[
        { title: '名称', dataIndex: 'title', render: (title: string, row) => <Link to={`/${kind}/${row.id}`}>{title}</Link> },
        {
          title: kind === 'solutions' ? '价格' : '预算',
          render: (_, row) => ('priceMinFen' in row ? formatFenRange(row.priceMinFen, row.priceMaxFen) : formatFen(row.budgetFen)),
        },
        { title: '状态', dataIndex: 'status', render: (s: string) => <Tag color={STATUS_COLORS[s]}>{names[s] ?? s}</Tag> },
        { title: '更新时间', dataIndex: 'updatedAt', render: (t: string) => formatTime(t) },
      ]}
    />
  );
}

function OwnItemTabs({ kind, organisationId }: { kind: 'solutions' | 'needs'; organisationId: string }) {
  const statuses = kind === 'solutions' ? ['draft', 'published', 'delisted'] : ['draft', 'published', 'awarded', 'closed', 'cancelled'];
  const names = kind === 'solutions' ? SOLUTION_STATUS_NAMES : NEED_STATUS_NAMES;
  return (
    <Tabs
      size="small"
      destroyOnHidden
      // Opens on what is live (征集中 / 已发布), not on the drafts.
      defaultActiveKey="published"
      items={statuses.map((s) => ({
        key: s,
        label: names[s],
        children: <OwnItems kind={kind} organisationId={organisationId} status={s} />,
      }))}
    />
  );
}

/** 我的企业 / 我的服务商: profiles, the provider's selection history, own solutions and needs; register new ones. */
export default function OrganisationPage() {
  const user = useUser();
  const { refresh } = useAuth();
  const taxonomy = useTaxonomy();
  const enterprises = useOrganisations('enterprise');
  const providers = useOrganisations('provider');
  const [editing, setEditing] = useState<Editing>(null);

  const saved = async () => {
    setEditing(null);
    await refresh();
    enterprises.reload();
    providers.reload();
  };
  const nothing = !user.memberships.length;

  return (
    <>
      <Space style={{ marginBottom: 16, width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={3} className="page-title" style={{ marginBottom: 0 }}>
          我的企业 / 服务商
        </Typography.Title>
        <Space>
          <Button icon={<PlusOutlined />} onClick={() => setEditing({ kind: 'enterprise' })}>
            登记企业
          </Button>
          {/* A provider's members manage it below; the application is for those without one. */}
          {!membershipsOf(user, 'provider').length && (
            <Button icon={<PlusOutlined />} onClick={() => setEditing({ kind: 'provider' })}>
              申请成为服务商
            </Button>
          )}
        </Space>
      </Space>
      {nothing && <Empty description="您尚未加入任何企业或服务商：中小企业可登记企业并发布需求，数字化服务商可申请入驻并发布方案。" />}
      <Space direction="vertical" size="large" style={{ width: '100%' }}>
        {enterprises.items.map((e) => (
          <Card
            key={e.id}
            title={
              <Space>
                <span>{e.name}</span>
                <Tag color="blue">中小企业</Tag>
                {e.isChainLeader && <Tag color="purple">链主企业</Tag>}
              </Space>
            }
            extra={
              <Space>
                <Link to="/needs/new">
                  <Button type="primary">发布需求</Button>
                </Link>
                <Button onClick={() => setEditing({ kind: 'enterprise', item: e })}>编辑</Button>
              </Space>
            }
          >
            <Descriptions size="small" column={{ xs: 1, md: 3 }}>
              <Descriptions.Item label="统一社会信用代码">{e.uscc ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="行业">{taxonomy.name('industries', e.industry)}</Descriptions.Item>
              <Descriptions.Item label="区县">{taxonomy.name('districts', e.district)}</Descriptions.Item>
              <Descriptions.Item label="规模">{SCALE_NAMES[e.scale] ?? e.scale}</Descriptions.Item>
              <Descriptions.Item label="员工人数">{e.employees ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="年营业收入">
                {e.annualRevenueFen === null || e.annualRevenueFen === undefined ? '—' : formatFen(e.annualRevenueFen)}
              </Descriptions.Item>
              <Descriptions.Item label="数字化水平">{e.digitalLevel ? LEVEL_NAMES[e.digitalLevel] : '未评估'}</Descriptions.Item>
              <Descriptions.Item label="试点批次">
                {e.pilotBatch ? taxonomy.name('pilotBatches', e.pilotBatch) : '未入库'}
              </Descriptions.Item>
              <Descriptions.Item label="专精特新">{e.isSpecialised ? '是' : '否'}</Descriptions.Item>
            </Descriptions>
            <Typography.Title level={5}>我的需求</Typography.Title>
            <OwnItemTabs kind="needs" organisationId={e.id} />
          </Card>
        ))}
        {providers.items.map((p) => (
          <Card
            key={p.id}
            title={
              <Space>
                <span>{p.name}</span>
                <Tag color="blue">{PROVIDER_KIND_NAMES[p.kind] ?? p.kind}</Tag>
                <Tag color={PROVIDER_STATUS_COLORS[p.status]}>{PROVIDER_STATUS_NAMES[p.status] ?? p.status}</Tag>
              </Space>
            }
            extra={
              <Space>
                <Link to="/solutions/new">
                  <Button type="primary">发布方案</Button>
                </Link>
                <Link to={`/providers/${p.id}`}>
                  <Button>服务商主页与成果案例</Button>
                </Link>
                <Button onClick={() => setEditing({ kind: 'provider', item: p })}>编辑</Button>
              </Space>
            }
          >
            <Descriptions size="small" column={{ xs: 1, md: 3 }}>
              <Descriptions.Item label="统一社会信用代码">{p.uscc}</Descriptions.Item>
              <Descriptions.Item label="完成项目">{p.record?.completedProjects ?? 0}</Descriptions.Item>
              <Descriptions.Item label="验收通过率">
                {p.record?.acceptancePassRate === null || p.record?.acceptancePassRate === undefined
                  ? '—'
                  : `${Math.round(p.record.acceptancePassRate * 100)}%`}
              </Descriptions.Item>
              <Descriptions.Item label="服务区域" span={3}>
                <CodeTags list="districts" codes={p.districts} />
              </Descriptions.Item>
              <Descriptions.Item label="简介" span={3}>
                {p.description || '—'}
              </Descriptions.Item>
            </Descriptions>
            {p.decisions?.length ? (
              <>
                <Typography.Title level={5}>遴选记录</Typography.Title>
                <Timeline
                  items={p.decisions.map((d) => ({
                    color: d.decision === 'approve' || d.decision === 'reinstate' ? 'green' : 'red',
                    children: `${formatTime(d.decidedAt)} ${SELECTION_DECISION_NAMES[d.decision] ?? d.decision}：${d.reason}`,
                  }))}
                />
              </>
            ) : null}
            <Typography.Title level={5}>我的方案</Typography.Title>
            <OwnItemTabs kind="solutions" organisationId={p.id} />
          </Card>
        ))}
      </Space>
      <EnterpriseModal
        open={editing?.kind === 'enterprise'}
        enterprise={editing?.kind === 'enterprise' ? editing.item : undefined}
        onClose={() => setEditing(null)}
        onSaved={saved}
      />
      <ProviderModal
        open={editing?.kind === 'provider'}
        provider={editing?.kind === 'provider' ? editing.item : undefined}
        onClose={() => setEditing(null)}
        onSaved={saved}
      />
    </>
  );
}

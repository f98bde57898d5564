import { Alert, Card, Empty, Select, Space, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../api';
import type { Page, ProjectSummary } from '../api';
import { hasRole, useUser } from '../auth';
import { showError } from '../components/feedback';
import { useOrganisations } from '../components/useOrganisations';
import { formatFen } from '../format';
import { PROJECT_STATUS_COLORS, PROJECT_STATUS_NAMES } from '../labels';
import { useTaxonomy } from '../taxonomy';
import { ResponsiveTable } from '../components/ResponsiveTable';

const PAGE_SIZE = 20;
/** The scope value of "every project I oversee" (assessors, officers). */
const ALL = '*';

/**
 * 改造项目: an enterprise's or provider's projects (`GET /projects?organisationId=`, one
 * organisation at a time), or for assessors and officers all they oversee.
 */
export default function ProjectsPage() {
  const user = useUser();
  const taxonomy = useTaxonomy();
  const enterprises = useOrganisations('enterprise');
  const providers = useOrganisations('provider');
  const overseer = hasRole(user, 'assessor', 'city_officer', 'district_officer', 'admin');
  const scopes = useMemo(
    () => [
      ...(overseer
        ? [
            {
              value: ALL,
              label:
                hasRole(user, 'district_officer') && !hasRole(user, 'assessor', 'city_officer', 'admin') ? '本区县全部项目' : '全部项目',
            },
          ]
        : []),
      ...enterprises.items.map((e) => ({ value: e.id, label: `${e.name}（企业）` })),
      ...providers.items.map((p) => ({ value: p.id, label: `${p.name}（服务商）` })),
    ],
    [overseer, user, enterprises.items, providers.items],
  );
  const [scope, setScope] = useState<string | null>(null);
  const [status, setStatus] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const [data, setData] = useState<Page<ProjectSummary> | null>(null);
  const current = scope ?? scopes[0]?.value ?? null;

  useEffect(() => {
    if (!current) return;
    let live = true;
    setData(null);
    api
      .get('/projects', { organisationId: current === ALL ? undefined : current, status, page, pageSize: PAGE_SIZE })
      .then((d) => live && setData(d), showError);
    return () => {
      live = false;
    };
  }, [current, status, page]);

  const loadingScopes = enterprises.loading || providers.loading;
  if (!loadingScopes && !scopes.length) {
    return (
      <Alert
        type="info"
        showIcon
        message="暂无可查看的改造项目"
        description="企业选定中标服务商后生成改造项目，双方成员、评估机构和工信部门可在此查看。"
      />
    );
  }

  return (
    <>
      <Typography.Title level={3} className="page-title">
        改造项目
      </Typography.Title>
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          {scopes.length > 1 && (
            <Select
              style={{ minWidth: 260 }}
              value={current ?? undefined}
              options={scopes}
              onChange={(v) => {
                setScope(v);
                setPage(1);
              }}
            />
          )}
          <Select
            allowClear
            placeholder="项目状态"
            style={{ width: 160 }}
            value={status}
            options={Object.entries(PROJECT_STATUS_NAMES).map(([value, label]) => ({ value, label }))}
            onChange={(v) => {
              setStatus(v);
              setPage(1);
            }}
          />
        </Space>
        <ResponsiveTable<ProjectSummary>
          rowKey="id"
          loading={!data}
          dataSource={data?.items ?? []}
          locale={{ emptyText: <Empty description="暂无改造项目" /> }}
          scroll={{ x: 1100 }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: data?.total ?? 0,
            onChange: setPage,
            hideOnSinglePage: true,
            showTotal: (t) => `共 ${t} 个项目`,
          }}
          columns={[
            {
              title: '项目',
              dataIndex: 'title',
              render: (title: string, p) => (
                <Space direction="vertical" size={0}>
                  <Link to={`/projects/${p.id}`} data-testid="project-link">
                    {title}
                  </Link>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    合同编号 {p.contractNo}
                  </Typography.Text>
                </Space>
              ),
            },
            { title: '企业', dataIndex: 'enterpriseName', width: 200 },
            { title: '服务商', dataIndex: 'providerName', width: 200 },
            { title: '合同金额', dataIndex: 'priceFen', width: 120, render: (fen: number) => formatFen(fen) },
            { title: '区县', dataIndex: 'district', width: 100, render: (c: string) => taxonomy.name('districts', c) },
            { title: '开始 / 计划完成', key: 'dates', width: 210, render: (_, p) => `${p.startDate} ~ ${p.plannedEndDate}` },
            {
              title: '状态',
              dataIndex: 'status',
              width: 90,
              render: (s: string) => <Tag color={PROJECT_STATUS_COLORS[s]}>{PROJECT_STATUS_NAMES[s] ?? s}</Tag>,
            },
          ]}
        />
      </Card>
    </>
  );
}

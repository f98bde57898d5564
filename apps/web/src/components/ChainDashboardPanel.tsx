import { Card, Col, Empty, List, Progress, Row, Space, Spin, Statistic, Table, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../api';
import type { ChainDashboard, CohortMatch, DashboardMember } from '../chains';
import { CHAIN_POSITION_NAMES, LEVEL_NAMES, SCALE_NAMES } from '../labels';
import { useTaxonomy } from '../taxonomy';
import { Chart } from './Chart';
import { showError } from './feedback';

const PAGE_SIZE = 20;
const LEVEL_COLORS: Record<string, string> = { '1': '#ff7875', '2': '#95de64', '3': '#52c41a', '4': '#237804', null: '#d9d9d9' };

/**
 * 链主看板 (the leader's members and officers): members by position with their digital
 * level, needs and projects, progress toward level 2 (with a chart), and cohort matches —
 * solutions that fit the open needs of several members at once.
 */
export function ChainDashboardPanel({ chainId }: { chainId: string }) {
  const taxonomy = useTaxonomy();
  const [page, setPage] = useState(1);
  const [data, setData] = useState<ChainDashboard | null>(null);
  const [loading, setLoading] = useState(true);

  useEffect(() => {
    setLoading(true);
    api
      .get('/chains/:id/dashboard', { id: chainId }, { page, pageSize: PAGE_SIZE })
      .then(setData, showError)
      .finally(() => setLoading(false));
  }, [chainId, page]);

  const levelsOption = useMemo(() => {
    if (!data) return null;
    const rows = data.totals.byLevel;
    return {
      tooltip: { trigger: 'axis' },
      grid: { left: 40, right: 16, top: 32, bottom: 28 },
      xAxis: { type: 'category', data: rows.map((r) => (r.level === null ? '未评估' : LEVEL_NAMES[r.level])) },
      yAxis: { type: 'value', minInterval: 1, name: '家' },
      series: [
        {
          type: 'bar',
          barMaxWidth: 48,
          label: { show: true, position: 'top' },
          data: rows.map((r) => ({ value: r.count, itemStyle: { color: LEVEL_COLORS[String(r.level)] } })),
        },
      ],
    };
  }, [data]);

  const progressOption = useMemo(() => {
    if (!data) return null;
    return {
      tooltip: { trigger: 'item', formatter: '{b}：{c} 家（{d}%）' },
      legend: { bottom: 0 },
      series: [
        {
          type: 'pie',
          radius: ['45%', '70%'],
          center: ['50%', '45%'],
          label: { formatter: '{b}\n{c} 家' },
          data: [
            { name: '已达二级及以上', value: data.totals.atTargetLevel, itemStyle: { color: '#52c41a' } },
            {
              name: '未达二级（已评估）',
              value: data.totals.assessed - data.totals.atTargetLevel,
              itemStyle: { color: '#ffa940' },
            },
            { name: '未评估', value: data.totals.members - data.totals.assessed, itemStyle: { color: '#d9d9d9' } },
            // An empty slice would only print a stray 0 label.
          ].filter((slice) => slice.value > 0),
        },
      ],
    };
  }, [data]);

  if (!data) return loading ? <Spin /> : <Empty description="看板暂不可用" />;
  const t = data.totals;
  const share = t.shareAtTargetLevel === null ? 0 : Math.round(t.shareAtTargetLevel * 1000) / 10;

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }} data-testid="chain-dashboard">
      <Row gutter={[16, 16]}>
        <Col xs={12} md={4}>
          <Card size="small">
            <Statistic title="成员企业" value={t.members} suffix="家" />
            <Typography.Text type="secondary">
              上游 {t.upstream} · 下游 {t.downstream}
            </Typography.Text>
          </Card>
        </Col>
        <Col xs={12} md={4}>
          <Card size="small">
            <Statistic title="已评估" value={t.assessed} suffix={`/ ${t.members}`} />
            <Typography.Text type="secondary">
              链主：{data.chain.leader.digitalLevel ? LEVEL_NAMES[data.chain.leader.digitalLevel] : '未评估'}
            </Typography.Text>
          </Card>
        </Col>
        <Col xs={12} md={4}>
          <Card size="small">
            <Statistic title={`达到${LEVEL_NAMES[data.targetLevel]}及以上`} value={t.atTargetLevel} suffix="家" />
            <Progress percent={share} size="small" status={share >= 90 ? 'success' : 'active'} data-testid="chain-target-share" />
          </Card>
        </Col>
        <Col xs={12} md={4}>
          <Card size="small">
            <Statistic title="成员需求（征集中/已选定）" value={`${t.needs.published} / ${t.needs.awarded}`} />
            <Typography.Text type="secondary">联合需求 {t.jointNeeds} 项</Typography.Text>
          </Card>
        </Col>
        <Col xs={12} md={4}>
          <Card size="small">
            <Statistic title="改造项目（实施中/已验收）" value={`${t.projects.active + t.projects.rework} / ${t.projects.accepted}`} />
            <Typography.Text type="secondary">典型案例 {t.cases} 个</Typography.Text>
          </Card>
        </Col>
        <Col xs={12} md={4}>
          <Card size="small">
            <Statistic title="待回复邀请" value={t.pendingInvitations} />
            <Typography.Text type="secondary">同意作为实施点 {t.optedInToJointNeeds} 家</Typography.Text>
          </Card>
        </Col>
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card size="small" title="成员数字化水平分布">
            {t.members ? levelsOption && <Chart option={levelsOption} height={260} /> : <Empty description="尚无成员企业" />}
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card size="small" title={`迈向${LEVEL_NAMES[data.targetLevel]}的进度（${share}%）`}>
            {t.members ? progressOption && <Chart option={progressOption} height={260} /> : <Empty description="尚无成员企业" />}
          </Card>
        </Col>
      </Row>
      <Card size="small" title="成员企业">
        <Table<DashboardMember>
          rowKey="enterpriseId"
          size="small"
          loading={loading}
          dataSource={data.members.items}
          pagination={{ current: page, pageSize: PAGE_SIZE, total: data.members.total, onChange: setPage, hideOnSinglePage: true }}
          data-testid="chain-dashboard-members"
          locale={{ emptyText: <Empty description="尚无成员企业：在“邀请企业”中邀请上下游企业加入" /> }}
          columns={[
            { title: '企业', dataIndex: 'name' },
            {
              title: '位置',
              dataIndex: 'position',
              render: (p: string) => <Tag color={p === 'upstream' ? 'geekblue' : 'cyan'}>{CHAIN_POSITION_NAMES[p] ?? p}</Tag>,
            },
            { title: '行业', dataIndex: 'industry', render: (c: string) => taxonomy.name('industries', c) },
            { title: '区县', dataIndex: 'district', render: (c: string) => taxonomy.name('districts', c) },
            { title: '规模', dataIndex: 'scale', render: (s: string) => SCALE_NAMES[s] ?? s },
            {
              title: '数字化水平',
              dataIndex: 'digitalLevel',
              render: (l: number | null, m) =>
                l ? <Tag color={m.atTargetLevel ? 'green' : 'orange'}>{LEVEL_NAMES[l]}</Tag> : <Tag>未评估</Tag>,
            },
            { title: '需求（征集中/已选定）', render: (_, m) => `${m.needs.published} / ${m.needs.awarded}` },
            { title: '项目（实施中/已验收）', render: (_, m) => `${m.projects.active + m.projects.rework} / ${m.projects.accepted}` },
            {
              title: '联合需求',
              dataIndex: 'jointNeeds',
              render: (c: string) => (c === 'opted_in' ? <Tag color="green">同意作为实施点</Tag> : <Tag>未参与</Tag>),
            },
          ]}
        />
      </Card>
      <Card size="small" title="集采匹配（一个方案同时服务多家成员）">
        <CohortMatches items={data.cohortMatches} />
      </Card>
    </Space>
  );
}

function CohortMatches({ items }: { items: CohortMatch[] }) {
  if (!items.length) {
    return <Empty description="暂无：至少两家成员企业发布需求后，平台会找出能同时满足多家需求的方案" />;
  }
  return (
    <List
      dataSource={items}
      data-testid="chain-cohort-matches"
      renderItem={(m) => (
        <List.Item>
          <List.Item.Meta
            title={
              <Space wrap>
                <Link to={`/solutions/${m.solutionId}`}>{m.title}</Link>
                <Typography.Text type="secondary">
                  <Link to={`/providers/${m.providerId}`}>{m.providerName}</Link>
                </Typography.Text>
              </Space>
            }
            description={
              <Space direction="vertical" size={4}>
                <span>
                  可服务 {m.enterpriseCount} 家成员的 {m.needCount} 项需求，平均匹配度 {Math.round(m.averageScore * 100)}%，最高{' '}
                  {Math.round(m.bestScore * 100)}%
                </span>
                <Space size={4} wrap>
                  {m.needs.map((n) => (
                    <Link key={n.needId} to={`/needs/${n.needId}`}>
                      <Tag>
                        {m.enterprises.find((e) => e.enterpriseId === n.enterpriseId)?.name ?? ''}：{n.title}
                      </Tag>
                    </Link>
                  ))}
                </Space>
              </Space>
            }
          />
          <Progress type="circle" size={48} percent={Math.round(m.averageScore * 100)} />
        </List.Item>
      )}
    />
  );
}

import { AppstoreOutlined, NotificationOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Card, Col, Empty, Row, Space, Statistic, Typography } from 'antd';
import type { EChartsCoreOption } from 'echarts/core';
import { useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { api, unless404 } from '../api';
import { hasRole, useUser } from '../auth';
import { Chart } from '../components/Chart';
import { showError } from '../components/feedback';
import { Workbench } from '../components/Workbench';
import type { WorkbenchData } from '../components/Workbench';
import { searchNeeds, searchSolutions } from '../search';
import { useTaxonomy } from '../taxonomy';

interface Figures {
  solutions: number;
  needs: number;
  providers: number | null;
  solutionsByIndustry: Record<string, number>;
  needsByScenario: Record<string, number>;
}

/**
 * The signed-in home (工作台): the caller's own sections from one `GET /workbench`;
 * officers, who oversee the programme, also see the platform-wide figures.
 */
export default function HomePage() {
  const user = useUser();
  const [workbench, setWorkbench] = useState<WorkbenchData | null>(null);
  // The indicators' own rule (as the side menu): city officers and admins, district officers of a district.
  const overseer = hasRole(user, 'city_officer', 'admin') || user.roles.some((r) => r.role === 'district_officer' && !!r.district);

  useEffect(() => {
    api.get('/workbench').then(setWorkbench, showError);
  }, []);

  return (
    <>
      <Typography.Title level={3} className="page-title">
        欢迎，{user.displayName}
      </Typography.Title>
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        {workbench ? <Workbench data={workbench} /> : <Card loading />}
        {overseer && <PlatformFigures />}
      </Space>
    </>
  );
}

/** Platform-wide figures for officers: headline counts and the catalogue by industry, from the search facets. */
function PlatformFigures() {
  const taxonomy = useTaxonomy();
  const [figures, setFigures] = useState<Figures | null>(null);

  useEffect(() => {
    Promise.all([
      searchSolutions({ page: 1, pageSize: 1, facets: ['industry'] }),
      searchNeeds({ page: 1, pageSize: 1, facets: ['scenario'] }),
      unless404(api.get('/providers', { page: 1, pageSize: 1 })),
    ]).then(
      ([solutions, needs, providers]) =>
        setFigures({
          solutions: solutions.total,
          needs: needs.total,
          providers: providers?.total ?? null,
          solutionsByIndustry: solutions.facets.industry ?? {},
          needsByScenario: needs.facets.scenario ?? {},
        }),
      showError,
    );
  }, []);

  const industryChart = useMemo<EChartsCoreOption | null>(() => {
    if (!figures || !Object.keys(figures.solutionsByIndustry).length) return null;
    const rows = taxonomy.industries
      .map((i) => ({ name: i.name, value: figures.solutionsByIndustry[i.code] ?? 0 }))
      .filter((r) => r.value > 0);
    return {
      tooltip: { trigger: 'axis' },
      grid: { left: 48, right: 16, top: 24, bottom: 80 },
      xAxis: { type: 'category', data: rows.map((r) => r.name), axisLabel: { interval: 0, rotate: 30 } },
      yAxis: { type: 'value', name: '方案数', minInterval: 1 },
      series: [{ type: 'bar', name: '已发布方案', data: rows.map((r) => r.value), itemStyle: { color: '#1677ff' }, barMaxWidth: 40 }],
    };
  }, [figures, taxonomy.industries]);

  const scenarioChart = useMemo<EChartsCoreOption | null>(() => {
    if (!figures || !Object.keys(figures.needsByScenario).length) return null;
    const rows = Object.entries(figures.needsByScenario)
      .map(([code, value]) => ({ name: taxonomy.name('scenarios', code), value }))
      .sort((a, b) => b.value - a.value);
    const top = rows.slice(0, 8);
    const rest = rows.slice(8).reduce((sum, r) => sum + r.value, 0);
    return {
      tooltip: { trigger: 'item', formatter: '{b}：{c}（{d}%）' },
      legend: { type: 'scroll', bottom: 0 },
      series: [{ type: 'pie', radius: ['35%', '65%'], data: rest ? [...top, { name: '其他', value: rest }] : top }],
    };
  }, [figures, taxonomy]);

  return (
    <Card title="全平台概况" data-testid="platform-figures">
      <Row gutter={[16, 16]}>
        <Col xs={24} md={8}>
          <Card loading={!figures}>
            <Link to="/solutions">
              <Statistic
                title="已发布“小快轻准”方案"
                value={figures?.solutions}
                prefix={<AppstoreOutlined />}
                suffix="个"
                data-testid="stat-solutions"
              />
            </Link>
          </Card>
        </Col>
        <Col xs={24} md={8}>
          <Card loading={!figures}>
            <Link to="/needs">
              <Statistic title="征集中的转型需求" value={figures?.needs} prefix={<NotificationOutlined />} suffix="项" />
            </Link>
          </Card>
        </Col>
        <Col xs={24} md={8}>
          <Card loading={!figures}>
            <Statistic
              title="入选数字化服务商"
              value={figures?.providers ?? '—'}
              prefix={<SafetyCertificateOutlined />}
              suffix={figures?.providers === null ? undefined : '家'}
            />
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card title="解决方案行业分布">
            {industryChart ? (
              <Chart option={industryChart} />
            ) : (
              <Empty description="还没有已发布的解决方案：服务商发布方案后，这里按行业显示分布" />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card title="需求场景分布">
            {scenarioChart ? (
              <Chart option={scenarioChart} />
            ) : (
              <Empty description="还没有已发布的解决方案：服务商发布方案后，这里按行业显示分布" />
            )}
          </Card>
        </Col>
      </Row>
    </Card>
  );
}

import { Button, Card, Col, Empty, Row, Space, Spin, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { api } from '../api';
import type { PortalOverview } from '../api';
import { showError } from '../components/feedback';
import { SolutionCard } from '../components/SolutionCard';
import { formatFen, formatTime } from '../format';
import { EVENT_STATUS_NAMES } from '../labels';
import { useTaxonomy } from '../taxonomy';
import { usePreloaded, useSkipFirstLoad } from '../preload';
import { usePageMeta } from '../usePageMeta';
import { PortalSearchBox } from './PortalSearchBox';

type Overview = PortalOverview;

/** The questions SME owners ask, as they ask them: one tap searches with the lexicon behind it. */
const EXAMPLE_QUERIES = ['设备联网', '老板想在手机上看车间产量', '电费太贵 怎么省电', '质量追溯', '仓库找料慢'];

const FIGURES: {
  key: 'solutions' | 'providers' | 'openNeeds' | 'enterprises' | 'pilotEnterprises' | 'acceptedProjects';
  title: string;
  suffix: string;
}[] = [
  { key: 'solutions', title: '上架解决方案', suffix: '个' },
  { key: 'providers', title: '入库服务商', suffix: '家' },
  { key: 'openNeeds', title: '征集中需求', suffix: '项' },
  { key: 'enterprises', title: '注册企业', suffix: '家' },
  { key: 'pilotEnterprises', title: '试点企业', suffix: '家' },
  { key: 'acceptedProjects', title: '通过验收项目', suffix: '个' },
];

/**
 * The public portal's home (门户首页): a search box with the lexicon's suggestions, the programme's
 * live figures, entry tiles by scenario and industry, featured and newest solutions, newest needs
 * and coming events — all from one `GET /portal`, without signing in.
 */
export default function PortalHomePage() {
  const navigate = useNavigate();
  const taxonomy = useTaxonomy();
  const preloaded = usePreloaded<Overview>('/portal');
  const [data, setData] = useState<Overview | null>(preloaded?.status === 200 ? preloaded.body : null);
  const skip = useSkipFirstLoad(data !== null);
  usePageMeta(null);

  useEffect(() => {
    if (skip()) return;
    api.get('/portal').then(setData, showError);
  }, [skip]);

  const search = (q: string) => navigate(q ? `/solutions?q=${encodeURIComponent(q)}` : '/solutions');
  const tiles = (list: 'scenarios' | 'industries', counts: Record<string, number> | undefined, param: string) =>
    taxonomy
      .options(list)
      .filter((o) => (counts?.[o.value] ?? 0) > 0)
      .sort((a, b) => (counts?.[b.value] ?? 0) - (counts?.[a.value] ?? 0))
      .slice(0, 12)
      .map((o) => (
        <Col xs={12} sm={8} lg={6} xl={4} key={o.value}>
          <Link to={`/solutions?${param}=${o.value}`} className="portal-tile" data-testid={`tile-${param}`}>
            <span className="portal-tile-name">{o.label}</span>
            <span className="portal-tile-count">{counts?.[o.value] ?? 0} 个方案</span>
          </Link>
        </Col>
      ));

  return (
    <div className="portal-home">
      <section className="portal-hero" aria-labelledby="portal-hero-title">
        <Typography.Title level={1} id="portal-hero-title" className="portal-hero-title">
          找到适合您工厂的数字化转型方案
        </Typography.Title>
        <Typography.Paragraph className="portal-hero-sub">
          “小快轻准”解决方案超市：说出您的难题，平台帮您找方案、找服务商，试点企业可申请专项资金支持。
        </Typography.Paragraph>
        <div className="portal-hero-search">
          <PortalSearchBox placeholder="例如：设备老坏想提前预警、车间电费太高" onSearch={search} />
        </div>
        <Space wrap size={[8, 8]} className="portal-hero-examples">
          <span>大家在搜：</span>
          {EXAMPLE_QUERIES.map((q) => (
            <Link key={q} to={`/solutions?q=${encodeURIComponent(q)}`}>
              {q}
            </Link>
          ))}
        </Space>
      </section>

      <section aria-label="试点进展" className="portal-section">
        <Row gutter={[12, 12]} data-testid="portal-figures">
          {FIGURES.map((f) => (
            <Col xs={12} sm={8} lg={4} key={f.key}>
              <div className="portal-figure">
                <div className="portal-figure-title">{f.title}</div>
                <div className="portal-figure-value" data-testid="portal-figure-value">
                  {data ? data.figures[f.key].toLocaleString('zh-CN') : '—'}
                  <span className="portal-figure-suffix">{f.suffix}</span>
                </div>
              </div>
            </Col>
          ))}
        </Row>
      </section>

      <section className="portal-section" aria-labelledby="by-scenario">
        <Typography.Title level={2} id="by-scenario" className="portal-section-title">
          按场景找方案
        </Typography.Title>
        {data ? <Row gutter={[12, 12]}>{tiles('scenarios', data.solutionsByScenario, 'scenario')}</Row> : <Loading />}
      </section>

      <section className="portal-section" aria-labelledby="by-industry">
        <Typography.Title level={2} id="by-industry" className="portal-section-title">
          按行业找方案
        </Typography.Title>
        {data ? <Row gutter={[12, 12]}>{tiles('industries', data.solutionsByIndustry, 'industry')}</Row> : <Loading />}
      </section>

      <section className="portal-section" aria-labelledby="featured">
        <div className="portal-section-head">
          <Typography.Title level={2} id="featured" className="portal-section-title">
            精选方案
          </Typography.Title>
          <Link to="/solutions">全部方案 ›</Link>
        </div>
        <SolutionGrid items={data?.featuredSolutions} testId="featured-solutions" />
      </section>

      <section className="portal-section" aria-labelledby="newest">
        <div className="portal-section-head">
          <Typography.Title level={2} id="newest" className="portal-section-title">
            最新上架
          </Typography.Title>
          <Link to="/solutions?sort=newest">更多 ›</Link>
        </div>
        <SolutionGrid items={data?.newestSolutions} testId="newest-solutions" />
      </section>

      <Row gutter={[16, 16]} className="portal-section">
        <Col xs={24} lg={14}>
          <ListCard
            title="最新需求"
            more={<Link to="/needs">需求大厅 ›</Link>}
            testId="newest-needs"
            items={data?.newestNeeds}
            empty={
              <Empty description="暂无征集中的需求">
                <Link to="/register">注册企业账号，发布第一条需求</Link>
              </Empty>
            }
            renderItem={(n) => (
              <>
                <Link to={`/needs/${n.id}`} className="portal-list-title">
                  {n.title}
                </Link>
                <div className="portal-list-meta">
                  <span>{taxonomy.name('districts', n.district)}</span>
                  <span>{taxonomy.name('industries', n.industry)}</span>
                  <span>预算 {formatFen(n.budgetFen)}</span>
                  <span>截止 {formatTime(n.bidDeadline)}</span>
                </div>
              </>
            )}
          />
        </Col>
        <Col xs={24} lg={10}>
          <ListCard
            title="供需对接活动"
            more={<Link to="/events">全部活动 ›</Link>}
            testId="upcoming-events"
            items={data?.upcomingEvents}
            empty={<Empty description="近期暂无活动，敬请关注" />}
            renderItem={(e) => (
              <>
                <Link to={`/events/${e.id}`} className="portal-list-title">
                  {e.title}
                </Link>{' '}
                <Tag color="blue">{EVENT_STATUS_NAMES[e.status] ?? e.status}</Tag>
                <div className="portal-list-meta">
                  <span>{formatTime(e.startsAt)}</span>
                  <span>{e.online ? '线上' : (e.venue ?? taxonomy.name('districts', e.district))}</span>
                </div>
              </>
            )}
          />
        </Col>
      </Row>

      <section className="portal-section portal-cta" aria-label="加入平台">
        <Row gutter={[16, 16]}>
          <Col xs={24} md={12}>
            <Card>
              <Typography.Title level={3}>我是中小企业</Typography.Title>
              <Typography.Paragraph>
                免费发布数字化改造需求，收到服务商投标并比选；完成评估诊断，符合条件可申请专项资金补助。
              </Typography.Paragraph>
              <Space wrap>
                <Button type="primary" onClick={() => navigate('/register')}>
                  注册并发布需求
                </Button>
                <Button onClick={() => navigate('/policy')}>了解补助政策</Button>
              </Space>
            </Card>
          </Col>
          <Col xs={24} md={12}>
            <Card>
              <Typography.Title level={3}>我是服务商</Typography.Title>
              <Typography.Paragraph>申请入库遴选，上架“小快轻准”产品，在需求大厅投标，参加供需对接活动。</Typography.Paragraph>
              <Space wrap>
                <Button type="primary" onClick={() => navigate('/register')}>
                  注册并申请入库
                </Button>
                <Button onClick={() => navigate('/needs')}>浏览需求大厅</Button>
              </Space>
            </Card>
          </Col>
        </Row>
      </section>
    </div>
  );
}

function SolutionGrid({ items, testId }: { items: Overview['featuredSolutions'] | undefined; testId: string }) {
  if (!items) return <Loading />;
  if (!items.length) return <Empty description="暂无上架方案" />;
  return (
    <div data-testid={testId} className="portal-grid">
      {items.map((hit) => (
        <SolutionCard key={hit.id} hit={hit} />
      ))}
    </div>
  );
}

/** A titled card of the home's newest items (needs, events): loading, the list, or what to do when empty. */
function ListCard<T extends { id: string }>({
  title,
  more,
  testId,
  items,
  empty,
  renderItem,
}: {
  title: string;
  more: ReactNode;
  testId: string;
  items: T[] | undefined;
  empty: ReactNode;
  renderItem: (item: T) => ReactNode;
}) {
  return (
    <Card title={<h2 className="portal-card-title">{title}</h2>} extra={more} data-testid={testId}>
      {!items ? (
        <Loading />
      ) : items.length ? (
        <ul className="portal-list">
          {items.map((item) => (
            <li key={item.id}>{renderItem(item)}</li>
          ))}
        </ul>
      ) : (
        empty
      )}
    </Card>
  );
}

function Loading() {
  return (
    <div className="portal-loading">
      <Spin />
    </div>
  );
}

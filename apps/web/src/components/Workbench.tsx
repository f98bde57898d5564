import { Badge, Button, Card, Col, Empty, List, Row, Space, Statistic, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import type { ResponseOf } from '@smedx/contracts';
import { SUBSIDY_STATUS_NAMES } from '@smedx/contracts/labels-zh.js';
import { formatDate } from '../format';
import {
  BID_STATUS_COLORS,
  BID_STATUS_NAMES,
  EVENT_STATUS_NAMES,
  LEVEL_NAMES,
  MILESTONE_STATUS_NAMES,
  NEED_STATUS_NAMES,
  PROJECT_STATUS_COLORS,
  PROJECT_STATUS_NAMES,
  PROVIDER_STATUS_NAMES,
} from '../labels';

export type WorkbenchData = ResponseOf<'GET', '/workbench'>;
type EnterpriseSection = WorkbenchData['enterprises'][number];
type ProviderSection = WorkbenchData['providers'][number];
type ProjectItem = EnterpriseSection['projects'][number];

/** A match score (0–1) as a percentage tag. */
function ScoreTag({ score }: { score: number }) {
  return <Tag color={score >= 0.7 ? 'green' : score >= 0.5 ? 'blue' : 'default'}>匹配度 {Math.round(score * 100)}%</Tag>;
}

/** 推荐方案: the best matches of the enterprise's published needs, or of its diagnosis' weakest spots. */
function RecommendedSolutions({ e }: { e: EnterpriseSection }) {
  if (!e.recommendedSolutions.length) {
    return (
      <Typography.Text type="secondary">
        暂无推荐：发布需求或完成评估诊断后，平台将按匹配度推荐方案。<Link to="/solutions">浏览方案目录</Link>
      </Typography.Text>
    );
  }
  return (
    <List
      size="small"
      data-testid="workbench-recommended-solutions"
      dataSource={e.recommendedSolutions}
      renderItem={(r) => (
        <List.Item extra={<ScoreTag score={r.score} />}>
          <List.Item.Meta
            title={<Link to={`/solutions/${r.solutionId}`}>{r.title}</Link>}
            description={
              <>
                {r.providerName} ·{' '}
                {r.forNeed ? (
                  <>
                    匹配需求「<Link to={`/needs/${r.forNeed.id}`}>{r.forNeed.title}</Link>」
                  </>
                ) : (
                  '针对诊断薄弱环节'
                )}
                {r.reason && <div>{r.reason}</div>}
              </>
            }
          />
        </List.Item>
      )}
    />
  );
}

/** 推荐需求: published needs matching the provider's solutions that it has not bid on. */
function RecommendedNeeds({ p }: { p: ProviderSection }) {
  if (!p.recommendedNeeds.length) {
    return (
      <Typography.Text type="secondary">
        暂无推荐：发布方案后，平台将推荐匹配的需求。<Link to="/needs">去需求大厅</Link>
      </Typography.Text>
    );
  }
  return (
    <List
      size="small"
      data-testid="workbench-recommended-needs"
      dataSource={p.recommendedNeeds}
      renderItem={(r) => (
        <List.Item extra={<ScoreTag score={r.score} />}>
          <List.Item.Meta
            title={<Link to={`/needs/${r.needId}`}>{r.title}</Link>}
            description={
              <>
                {r.enterpriseName} · 匹配方案「<Link to={`/solutions/${r.forSolution.id}`}>{r.forSolution.title}</Link>」
                {r.reason && <div>{r.reason}</div>}
              </>
            }
          />
        </List.Item>
      )}
    />
  );
}

/** One count as a card: a statistic, linked to the page that lists it. */
function CountCard({ title, value, to, alert }: { title: string; value: number | null; to?: string; alert?: boolean }) {
  const stat = (
    <Statistic
      title={alert && value ? <Badge status="processing" text={title} /> : title}
      value={value ?? '—'}
      valueStyle={alert && value ? { color: '#fa8c16' } : undefined}
    />
  );
  return (
    <Col xs={12} sm={8} lg={6} xl={4}>
      <Card size="small" hoverable={!!to} data-count={title}>
        {to ? <Link to={to}>{stat}</Link> : stat}
      </Card>
    </Col>
  );
}

/** Counts by status, nonzero ones only, as tags. */
function StatusTags({ counts, names }: { counts: Record<string, number>; names: Record<string, string> }) {
  const shown = Object.entries(counts).filter(([, n]) => n > 0);
  if (!shown.length) return <Typography.Text type="secondary">暂无</Typography.Text>;
  return (
    <Space size={[4, 4]} wrap>
      {shown.map(([status, n]) => (
        <Tag key={status}>
          {names[status] ?? status} {n}
        </Tag>
      ))}
    </Space>
  );
}

/** An empty list that says what to do next. */
function NextStep({ text, action }: { text: string; action?: ReactNode }) {
  return (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={text}>
      {action}
    </Empty>
  );
}

function ProjectList({ projects, empty }: { projects: ProjectItem[]; empty: ReactNode }) {
  if (!projects.length) return <>{empty}</>;
  return (
    <List
      size="small"
      dataSource={projects}
      renderItem={(p) => (
        <List.Item>
          <List.Item.Meta
            title={
              <Space wrap>
                <Link to={`/projects/${p.id}`}>{p.title}</Link>
                <Tag color={PROJECT_STATUS_COLORS[p.status]}>{PROJECT_STATUS_NAMES[p.status] ?? p.status}</Tag>
              </Space>
            }
            description={
              p.nextMilestone
                ? `下一里程碑：${p.nextMilestone.title}（${MILESTONE_STATUS_NAMES[p.nextMilestone.status] ?? p.nextMilestone.status}，计划 ${formatDate(p.nextMilestone.plannedDate)}）`
                : `计划完成 ${formatDate(p.plannedEndDate)}，无待办里程碑`
            }
          />
        </List.Item>
      )}
    />
  );
}

function EnterpriseWorkbench({ e }: { e: EnterpriseSection }) {
  const totalNeeds = Object.values(e.needs).reduce((sum, n) => sum + n, 0);
  const totalSubsidy = Object.values(e.subsidyApplications).reduce((sum, n) => sum + n, 0);
  return (
    <Card title={`企业工作台 · ${e.enterpriseName}`} data-testid="workbench-enterprise">
      <Row gutter={[12, 12]}>
        <CountCard title="需求总数" value={totalNeeds} to="/needs" />
        <CountCard title="征集中需求" value={e.needs.published} to="/needs" />
        <CountCard title="待决策投标" value={e.bidsAwaitingDecision} alert />
        <CountCard title="进行中项目" value={e.projects.length} to="/projects" />
        <CountCard title="专项资金申报" value={totalSubsidy} to="/subsidy" />
      </Row>
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} lg={12}>
          <Typography.Title level={5}>需求状态</Typography.Title>
          {totalNeeds ? (
            <StatusTags counts={e.needs} names={NEED_STATUS_NAMES} />
          ) : (
            <NextStep
              text="还没有需求"
              action={
                <Link to="/needs/new">
                  <Button type="primary">发布需求</Button>
                </Link>
              }
            />
          )}
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            收到投标、待您决策
          </Typography.Title>
          {e.needsAwaitingDecision.length ? (
            <List
              size="small"
              dataSource={e.needsAwaitingDecision}
              renderItem={(n) => (
                <List.Item extra={<Badge count={n.bids} color="#fa8c16" />}>
                  <List.Item.Meta
                    title={<Link to={`/needs/${n.needId}/bids`}>{n.title}</Link>}
                    description={`投标截止 ${formatDate(n.bidDeadline)}`}
                  />
                </List.Item>
              )}
            />
          ) : (
            <NextStep text="暂无待决策的投标；可在方案目录中邀请服务商投标" action={<Link to="/solutions">浏览方案目录</Link>} />
          )}
        </Col>
        <Col xs={24} lg={12}>
          <Typography.Title level={5}>改造项目</Typography.Title>
          <ProjectList projects={e.projects} empty={<NextStep text="还没有进行中的项目：选定投标后自动创建" />} />
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            专项资金
          </Typography.Title>
          {totalSubsidy ? (
            <StatusTags counts={e.subsidyApplications} names={SUBSIDY_STATUS_NAMES} />
          ) : (
            <Typography.Text type="secondary">尚无申报：项目验收达到二级及以上后可申报。</Typography.Text>
          )}
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            评估诊断
          </Typography.Title>
          {e.diagnosis ? (
            <Space direction="vertical" size={4}>
              <span>
                最新诊断：
                <Tag color="blue">{e.diagnosis.level ? LEVEL_NAMES[e.diagnosis.level] : '未达一级'}</Tag>
                {e.diagnosis.official ? '现场评测' : '企业自评'}（{formatDate(e.diagnosis.createdAt)}）
              </span>
              {e.diagnosis.weakest.length > 0 && (
                <span>
                  薄弱环节：
                  {e.diagnosis.weakest.map((w) => (
                    <Tag key={w.key} color="orange">
                      {w.title}
                    </Tag>
                  ))}
                </span>
              )}
              <Link to={`/enterprises/${e.enterpriseId}/diagnoses`}>查看诊断</Link>
            </Space>
          ) : (
            <NextStep
              text="还没有评估诊断"
              action={
                <Link to={`/enterprises/${e.enterpriseId}/diagnoses`}>
                  <Button>开始自评</Button>
                </Link>
              }
            />
          )}
        </Col>
        <Col xs={24}>
          <Typography.Title level={5}>推荐方案</Typography.Title>
          <RecommendedSolutions e={e} />
        </Col>
      </Row>
    </Card>
  );
}

function ProviderWorkbench({ p }: { p: ProviderSection }) {
  const totalBids = Object.values(p.bids).reduce((sum, n) => sum + n, 0);
  return (
    <Card
      title={`服务商工作台 · ${p.providerName}`}
      extra={p.providerStatus !== 'approved' && <Tag color="gold">{PROVIDER_STATUS_NAMES[p.providerStatus] ?? p.providerStatus}</Tag>}
      data-testid="workbench-provider"
    >
      <Row gutter={[12, 12]}>
        <CountCard title="投标中" value={p.bids.submitted + p.bids.shortlisted} />
        <CountCard title="已中标" value={p.bids.awarded} />
        <CountCard title="待响应邀请" value={p.invitationsOpen} alert />
        <CountCard title="进行中项目" value={p.projects.length} to="/projects" />
        <CountCard title="本周截止" value={p.deadlinesThisWeek.length} alert />
      </Row>
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} lg={12}>
          <Typography.Title level={5}>我的投标</Typography.Title>
          {totalBids ? (
            <StatusTags counts={p.bids} names={BID_STATUS_NAMES} />
          ) : (
            <NextStep text="还没有投标" action={<Link to="/needs">去需求大厅找需求</Link>} />
          )}
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            邀请投标
          </Typography.Title>
          {p.invitations.length ? (
            <List
              size="small"
              dataSource={p.invitations}
              renderItem={(i) => (
                <List.Item>
                  <List.Item.Meta
                    title={<Link to={`/needs/${i.needId}`}>{i.needTitle}</Link>}
                    description={`投标截止 ${formatDate(i.bidDeadline)}`}
                  />
                </List.Item>
              )}
            />
          ) : (
            <Typography.Text type="secondary">暂无待响应的邀请。完善方案目录，让企业找到您。</Typography.Text>
          )}
        </Col>
        <Col xs={24} lg={12}>
          <Typography.Title level={5}>本周投标截止</Typography.Title>
          {p.deadlinesThisWeek.length ? (
            <List
              size="small"
              dataSource={p.deadlinesThisWeek}
              renderItem={(d) => (
                <List.Item extra={<Tag color={BID_STATUS_COLORS[d.bidStatus]}>{BID_STATUS_NAMES[d.bidStatus] ?? d.bidStatus}</Tag>}>
                  <List.Item.Meta
                    title={<Link to={`/bids/${d.bidId}`}>{d.needTitle}</Link>}
                    description={`截止 ${formatDate(d.bidDeadline)}`}
                  />
                </List.Item>
              )}
            />
          ) : (
            <Typography.Text type="secondary">本周没有投标截止。</Typography.Text>
          )}
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            改造项目
          </Typography.Title>
          <ProjectList projects={p.projects} empty={<NextStep text="还没有进行中的项目：中标后自动创建" />} />
        </Col>
        <Col xs={24}>
          <Typography.Title level={5}>推荐需求</Typography.Title>
          <RecommendedNeeds p={p} />
        </Col>
      </Row>
    </Card>
  );
}

function OfficerWorkbench({ o }: { o: NonNullable<WorkbenchData['officer']> }) {
  return (
    <Card title={o.city ? '审核工作台 · 全市' : `审核工作台 · 本区县`} data-testid="workbench-officer">
      <Row gutter={[12, 12]}>
        {o.providersPendingSelection !== null && (
          <CountCard title="待遴选服务商" value={o.providersPendingSelection} to="/selection" alert />
        )}
        {o.subsidyAwaitingPreliminary !== null && <CountCard title="待初审申报" value={o.subsidyAwaitingPreliminary} to="/subsidy" alert />}
        {o.subsidyAwaitingReview !== null && <CountCard title="待复核申报" value={o.subsidyAwaitingReview} to="/subsidy" alert />}
        <CountCard title="待审变更" value={o.changeRequestsPending} to="/subsidy" alert />
        <CountCard title="待办申报评选" value={o.nominationsWaiting} to="/nominations" alert />
      </Row>
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {o.city ? '全市概况' : '本区县概况'}
      </Typography.Title>
      <Row gutter={[12, 12]}>
        <CountCard title="入驻企业" value={o.figures.enterprises} to="/pilot-pool" />
        <CountCard title="征集中需求" value={o.figures.publishedNeeds} to="/needs" />
        <CountCard title="进行中项目" value={o.figures.activeProjects} to="/projects" />
      </Row>
    </Card>
  );
}

function AssessorWorkbench({ a }: { a: NonNullable<WorkbenchData['assessor']> }) {
  return (
    <Card title="评测工作台" data-testid="workbench-assessor">
      <Row gutter={[12, 12]}>
        <CountCard title="待监测项目" value={a.projectsActive} to="/projects" />
        <CountCard title="整改中项目" value={a.projectsInRework} to="/projects" alert />
        <CountCard title="待评分申报" value={a.nominationsToScore} to="/nominations" alert />
      </Row>
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        监测与验收
      </Typography.Title>
      <ProjectList projects={a.projects} empty={<NextStep text="暂无进行中的项目" />} />
    </Card>
  );
}

function OrganiserWorkbench({ o }: { o: NonNullable<WorkbenchData['organiser']> }) {
  const total = Object.values(o.events).reduce((sum, n) => sum + n, 0);
  return (
    <Card title="活动工作台" data-testid="workbench-organiser">
      <Row gutter={[12, 12]}>
        <CountCard title="我的活动" value={total} to="/events" />
        <CountCard title="报名中" value={o.events.registration_open} to="/events" />
        <CountCard title="待审核报名" value={o.registrationsPending} alert />
      </Row>
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} lg={12}>
          <Typography.Title level={5}>活动状态</Typography.Title>
          {total ? (
            <StatusTags counts={o.events} names={EVENT_STATUS_NAMES} />
          ) : (
            <NextStep
              text="还没有活动"
              action={
                <Link to="/events/new">
                  <Button type="primary">创建活动</Button>
                </Link>
              }
            />
          )}
        </Col>
        <Col xs={24} lg={12}>
          <Typography.Title level={5}>待审核报名</Typography.Title>
          {o.eventsWithPending.length ? (
            <List
              size="small"
              dataSource={o.eventsWithPending}
              renderItem={(e) => (
                <List.Item extra={<Badge count={e.pending} color="#fa8c16" />}>
                  <List.Item.Meta title={<Link to={`/events/${e.id}`}>{e.title}</Link>} description={`开始 ${formatDate(e.startsAt)}`} />
                </List.Item>
              )}
            />
          ) : (
            <Typography.Text type="secondary">暂无待审核的报名。</Typography.Text>
          )}
        </Col>
      </Row>
    </Card>
  );
}

/** The caller's sections of the workbench, from one `GET /workbench`. */
export function Workbench({ data }: { data: WorkbenchData }) {
  const sections = [
    ...data.enterprises.map((e) => <EnterpriseWorkbench key={e.enterpriseId} e={e} />),
    ...data.providers.map((p) => <ProviderWorkbench key={p.providerId} p={p} />),
    data.officer && <OfficerWorkbench key="officer" o={data.officer} />,
    data.assessor && <AssessorWorkbench key="assessor" a={data.assessor} />,
    data.organiser && <OrganiserWorkbench key="organiser" o={data.organiser} />,
  ].filter(Boolean);
  if (!sections.length) {
    return (
      <Card>
        <NextStep
          text="您还没有加入企业或服务商"
          action={
            <Link to="/organisation">
              <Button type="primary">登记企业或服务商</Button>
            </Link>
          }
        />
      </Card>
    );
  }
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      {sections}
    </Space>
  );
}

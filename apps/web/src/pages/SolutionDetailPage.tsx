import { Button, Card, Descriptions, Empty, List, Popconfirm, Result, Space, Spin, Tabs, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api, ApiError } from '../api';
import type { Solution } from '../api';
import { hasRole, isMemberOf, membershipsOf, useViewer } from '../auth';
import { CodeTags } from '../components/CodeTags';
import { showError, showSuccess } from '../components/feedback';
import { InviteToBidButton } from '../components/InviteToBid';
import { MatchList } from '../components/MatchList';
import { useMatches } from '../components/useMatches';
import { formatFenRange, formatTime } from '../format';
import { LEVEL_NAMES, PROVIDER_KIND_NAMES, SOLUTION_STATUS_NAMES, STATUS_COLORS } from '../labels';
import { useTaxonomy } from '../taxonomy';
import { usePreloaded, useSkipFirstLoad } from '../preload';
import { usePageMeta } from '../usePageMeta';
import { SimilarSolutions } from '../components/SimilarSolutions';

/** One solution; its provider's members can edit, publish and delist it and see matching needs. */
export default function SolutionDetailPage() {
  const { id } = useParams();
  // Open to visitors (the portal): a null user sees the public page and a sign-in call to action.
  const user = useViewer();
  const taxonomy = useTaxonomy();
  const navigate = useNavigate();
  // Rendered on the server (the portal), the solution comes with the HTML.
  const preloaded = usePreloaded<Solution>(id ? `/solutions/${id}` : null);
  const [solution, setSolution] = useState<Solution | null>(preloaded?.status === 200 ? preloaded.body : null);
  const [missing, setMissing] = useState(preloaded?.status === 404 || preloaded?.status === 400);
  const skip = useSkipFirstLoad(solution !== null || missing);
  const [busy, setBusy] = useState(false);
  usePageMeta(solution?.title ?? (missing ? '方案不存在' : '解决方案'), solution?.summary);
  // Matches are asked for only by whom the API shows them: the provider's members and officers.
  const matches = useMatches(
    'solutions',
    solution && (isMemberOf(user, solution.providerId) || hasRole(user, 'city_officer', 'district_officer', 'assessor', 'admin'))
      ? id
      : undefined,
  );

  const load = useCallback(() => {
    if (skip()) return;
    if (!id) {
      setMissing(true);
      return;
    }
    api.get('/solutions/:id', { id }).then(setSolution, (e) => {
      if (e instanceof ApiError && (e.status === 404 || e.status === 400)) setMissing(true);
      else showError(e);
    });
  }, [id, skip]);
  useEffect(load, [load]);

  if (missing)
    return <Result status="404" title="方案不存在或已下架" extra={<Button onClick={() => navigate('/solutions')}>返回目录</Button>} />;
  if (!solution) return <Spin />;

  const mine = isMemberOf(user, solution.providerId);
  const act = async (action: 'publish' | 'delist', done: string) => {
    setBusy(true);
    try {
      setSolution(await api.post(action === 'publish' ? '/solutions/:id/publish' : '/solutions/:id/delist', { id: solution.id }, {}));
      showSuccess(done);
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  };

  const details = (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      {/* One column at every width: a responsive column count is picked in JavaScript from the screen's
          width, which a page rendered on the server does not know. */}
      <Descriptions bordered column={1} size="small" styles={{ label: { whiteSpace: 'nowrap' } }}>
        <Descriptions.Item label="服务商">
          <Link to={`/providers/${solution.providerId}`}>{solution.providerName ?? '查看服务商'}</Link>{' '}
          {solution.providerKind && <Tag>{PROVIDER_KIND_NAMES[solution.providerKind] ?? solution.providerKind}</Tag>}
        </Descriptions.Item>
        <Descriptions.Item label="价格">
          <Typography.Text strong style={{ color: '#cf1322' }}>
            {formatFenRange(solution.priceMinFen, solution.priceMaxFen)}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label="部署周期">{solution.deployDays} 天</Descriptions.Item>
        <Descriptions.Item label="交付方式">{taxonomy.name('deliveryModes', solution.deliveryMode)}</Descriptions.Item>
        <Descriptions.Item label="适用数字化水平">{solution.levels.map((l) => LEVEL_NAMES[l] ?? l).join('、')}</Descriptions.Item>
        <Descriptions.Item label="发布时间">{formatTime(solution.publishedAt)}</Descriptions.Item>
        <Descriptions.Item label="适用场景">
          <CodeTags list="scenarios" codes={solution.scenarios} color="geekblue" />
        </Descriptions.Item>
        <Descriptions.Item label="适用行业">
          <CodeTags list="industries" codes={solution.industries} color="blue" />
        </Descriptions.Item>
      </Descriptions>
      <Card size="small" title="方案介绍">
        <Typography.Paragraph className="pre-wrap">{solution.description}</Typography.Paragraph>
      </Card>
    </Space>
  );

  const cases = solution.cases?.length ? (
    <List
      dataSource={solution.cases}
      renderItem={(c) => (
        <List.Item>
          <List.Item.Meta title={`${c.enterpriseName}${c.year ? `（${c.year}年）` : ''}`} description={c.summary} />
        </List.Item>
      )}
    />
  ) : (
    <Empty description="暂无案例" />
  );

  return (
    <Card
      title={
        <Space wrap>
          <span>{solution.title}</span>
          <Tag color={STATUS_COLORS[solution.status]}>{SOLUTION_STATUS_NAMES[solution.status] ?? solution.status}</Tag>
        </Space>
      }
      extra={
        !user ? (
          <Link to="/login" state={{ from: `/solutions/${solution.id}` }}>
            <Button type="primary">登录后邀请投标</Button>
          </Link>
        ) : !mine && solution.status === 'published' && membershipsOf(user, 'enterprise').length > 0 ? (
          <InviteToBidButton providerId={solution.providerId} providerName={solution.providerName ?? '服务商'} solutionId={solution.id} />
        ) : (
          mine && (
            <Space>
              {solution.status !== 'delisted' && (
                <Link to={`/solutions/${solution.id}/edit`}>
                  <Button>编辑</Button>
                </Link>
              )}
              {solution.status === 'draft' && (
                <Button type="primary" loading={busy} onClick={() => act('publish', '方案已发布')}>
                  发布
                </Button>
              )}
              {solution.status === 'published' && (
                <Popconfirm title="下架后不能再次发布，确定下架？" onConfirm={() => act('delist', '方案已下架')}>
                  <Button danger loading={busy}>
                    下架
                  </Button>
                </Popconfirm>
              )}
            </Space>
          )
        )
      }
    >
      <Typography.Paragraph type="secondary">{solution.summary}</Typography.Paragraph>
      <Tabs
        items={[
          { key: 'details', label: '方案详情', children: details },
          { key: 'cases', label: `应用案例（${solution.cases?.length ?? 0}）`, children: cases },
          ...(matches.available
            ? [
                {
                  key: 'matches',
                  label: `匹配需求（${matches.items.length}）`,
                  children: <MatchList items={matches.items} linkBase="/needs" />,
                },
              ]
            : []),
        ]}
      />
      {solution.status === 'published' && <SimilarSolutions solution={solution} />}
    </Card>
  );
}

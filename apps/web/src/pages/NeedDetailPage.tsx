import { Alert, Button, Card, Descriptions, Popconfirm, Result, Space, Spin, Tabs, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api, ApiError } from '../api';
import type { Need } from '../api';
import { hasRole, isMemberOf, membershipsOf, useViewer } from '../auth';
import { BidComparison } from '../components/BidComparison';
import { BidPanel } from '../components/BidPanel';
import { CodeTags } from '../components/CodeTags';
import { showError, showSuccess } from '../components/feedback';
import { InviteToBidButton } from '../components/InviteToBid';
import { MatchList } from '../components/MatchList';
import { useMatches } from '../components/useMatches';
import { useNeedBids } from '../components/useNeedBids';
import { formatFen, formatTime } from '../format';
import { NEED_STATUS_NAMES, STATUS_COLORS } from '../labels';
import { useTaxonomy } from '../taxonomy';
import { usePreloaded, useSkipFirstLoad } from '../preload';
import { usePageMeta } from '../usePageMeta';

/**
 * One need; the enterprise's members edit, publish or cancel it, compare its bids and
 * award one (投标对比); a provider's members bid on it (投标); the 匹配方案 tab ranks
 * solutions for it. `tab` opens a tab first (`/needs/:id/bids`, where notifications link).
 */
export default function NeedDetailPage({ tab }: { tab?: 'bids' }) {
  const { id } = useParams();
  // Open to visitors (the portal's need hall): a null user reads the public fields and is asked to sign in to bid.
  const user = useViewer();
  const taxonomy = useTaxonomy();
  const navigate = useNavigate();
  // Rendered on the server (the portal), the need comes with the HTML.
  const preloaded = usePreloaded<Need>(id ? `/needs/${id}` : null);
  const [need, setNeed] = useState<Need | null>(preloaded?.status === 200 ? preloaded.body : null);
  const [missing, setMissing] = useState(preloaded?.status === 404 || preloaded?.status === 400);
  const skip = useSkipFirstLoad(need !== null || missing);
  const [busy, setBusy] = useState(false);
  usePageMeta(need?.title ?? (missing ? '需求不存在' : '需求详情'), need?.description);
  // Controlled: the bids tab appears only once the bids have loaded, after the need.
  const [activeTab, setActiveTab] = useState<string>(tab ?? 'details');
  const mine = !!need && isMemberOf(user, need.enterpriseId);
  const officer =
    !!need &&
    (hasRole(user, 'city_officer', 'admin') || !!user?.roles.some((r) => r.role === 'district_officer' && r.district === need.district));
  const bidder = !mine && membershipsOf(user, 'provider').length > 0;
  // Matches are asked for only by whom the API shows them (the enterprise, officers and assessors, providers).
  const matches = useMatches('needs', need && (mine || officer || bidder || hasRole(user, 'assessor')) ? id : undefined);
  // Bids exist once a need is published: the enterprise and officers see all, a provider its own.
  const bids = useNeedBids(id, !!need && need.status !== 'draft' && (mine || officer || bidder));
  // The providers this need's enterprise invited to bid (邀请投标), shown on the matches.
  const [invited, setInvited] = useState<Set<string>>(new Set());
  const loadInvited = useCallback(() => {
    if (!id || !mine) return;
    api.get('/needs/:id/invitations', { id }).then((list) => setInvited(new Set(list.map((i) => i.providerId))), showError);
  }, [id, mine]);
  useEffect(loadInvited, [loadInvited]);

  const load = useCallback(() => {
    if (skip()) return;
    api.get('/needs/:id', { id: id! }).then(setNeed, (e) => {
      if (e instanceof ApiError && (e.status === 404 || e.status === 400)) setMissing(true);
      else showError(e);
    });
  }, [id, skip]);
  useEffect(load, [load]);

  if (missing) return <Result status="404" title="需求不存在" extra={<Button onClick={() => navigate('/needs')}>返回需求大厅</Button>} />;
  if (!need) return <Spin />;

  const act = async (action: 'publish' | 'cancel', done: string) => {
    setBusy(true);
    try {
      setNeed(await api.post(`/needs/:id/${action}`, { id: need.id }, {}));
      showSuccess(done);
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  };

  const details = (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      {/* One column at every width: see SolutionDetailPage. */}
      <Descriptions bordered column={1} size="small" styles={{ label: { whiteSpace: 'nowrap' } }}>
        <Descriptions.Item label="需求企业">{need.enterpriseName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="行业 / 区县">
          {need.industry ? taxonomy.name('industries', need.industry) : '—'} /{' '}
          {need.district ? taxonomy.name('districts', need.district) : '—'}
        </Descriptions.Item>
        <Descriptions.Item label="预算">
          <Typography.Text strong style={{ color: '#cf1322' }}>
            {formatFen(need.budgetFen)}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label="期望交付">{need.expectedDays} 天</Descriptions.Item>
        <Descriptions.Item label="投标截止">{formatTime(need.bidDeadline)}</Descriptions.Item>
        <Descriptions.Item label="发布时间">{formatTime(need.publishedAt)}</Descriptions.Item>
        <Descriptions.Item label="需求场景">
          <CodeTags list="scenarios" codes={need.scenarios} color="geekblue" />
        </Descriptions.Item>
      </Descriptions>
      <Card size="small" title="需求描述">
        <Typography.Paragraph className="pre-wrap">{need.description}</Typography.Paragraph>
      </Card>
      {need.privateDetails !== undefined && (
        <Card size="small" title="详细资料（经企业授权可见）">
          <Typography.Paragraph className="pre-wrap">{need.privateDetails || '—'}</Typography.Paragraph>
        </Card>
      )}
    </Space>
  );

  const tabs = [
    { key: 'details', label: '需求详情', children: details },
    ...(bids.available && (mine || officer)
      ? [
          {
            key: 'bids',
            label: `投标对比（${bids.items?.length ?? 0}）`,
            children: <BidComparison need={need} bids={bids.items} canDecide={mine} onChanged={bids.reload} onNeedChanged={setNeed} />,
          },
        ]
      : bids.available && bidder
        ? [
            {
              key: 'bids',
              label: bids.items?.length ? `我的投标（${bids.items.length}）` : '投标',
              children: <BidPanel need={need} bids={bids.items} onChanged={bids.reload} />,
            },
          ]
        : []),
    ...(matches.available
      ? [
          {
            key: 'matches',
            label: `匹配方案（${matches.items.length}）`,
            children: (
              <MatchList
                items={matches.items}
                linkBase="/solutions"
                action={(m) =>
                  mine && need.status === 'published' && 'providerId' in m ? (
                    <InviteToBidButton
                      key={`${m.providerId}-${invited.has(m.providerId)}`}
                      needId={need.id}
                      providerId={m.providerId}
                      providerName={m.providerName ?? '服务商'}
                      solutionId={m.id}
                      invited={invited.has(m.providerId)}
                      onInvited={loadInvited}
                    />
                  ) : null
                }
              />
            ),
          },
        ]
      : []),
  ];

  return (
    <Card
      title={
        <Space wrap>
          <span>{need.title}</span>
          <Tag color={STATUS_COLORS[need.status]}>{NEED_STATUS_NAMES[need.status] ?? need.status}</Tag>
        </Space>
      }
      extra={
        !user
          ? need.status === 'published' && (
              <Link to="/login" state={{ from: `/needs/${need.id}` }}>
                <Button type="primary">服务商登录后投标</Button>
              </Link>
            )
          : mine && (
              <Space>
                {(need.status === 'draft' || need.status === 'published') && (
                  <Link to={`/needs/${need.id}/edit`}>
                    <Button>编辑</Button>
                  </Link>
                )}
                {need.status === 'draft' && (
                  <Button type="primary" loading={busy} onClick={() => act('publish', '需求已发布')}>
                    发布
                  </Button>
                )}
                {(need.status === 'draft' || need.status === 'published') && (
                  <Popconfirm title="确定取消该需求？" onConfirm={() => act('cancel', '需求已取消')}>
                    <Button danger loading={busy}>
                      取消需求
                    </Button>
                  </Popconfirm>
                )}
              </Space>
            )
      }
    >
      {need.status === 'draft' && mine && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          message="草稿仅本企业可见；发布后服务商可查看并投标（投标截止时间须晚于当前时间）。"
        />
      )}
      <Tabs activeKey={tabs.some((t) => t.key === activeTab) ? activeTab : 'details'} onChange={setActiveTab} items={tabs} />
    </Card>
  );
}

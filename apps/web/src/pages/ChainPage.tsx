import { Alert, Button, Card, Descriptions, Result, Space, Spin, Tabs, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api, ApiError } from '../api';
import { useUser } from '../auth';
import { pendingInvitation } from '../chains';
import type { Chain } from '../chains';
import { ChainCasesPanel } from '../components/ChainCasesPanel';
import { ChainDashboardPanel } from '../components/ChainDashboardPanel';
import { ChainInvitationsPanel } from '../components/ChainInvitationsPanel';
import { ChainJointNeedsPanel } from '../components/ChainJointNeedsPanel';
import { ChainMembersPanel } from '../components/ChainMembersPanel';
import { showError } from '../components/feedback';
import { formatDate } from '../format';
import { CHAIN_ROLE_NAMES } from '../labels';

/**
 * One chain (链式转型). The leader's members see the dashboard, invite enterprises, publish
 * joint needs and nominate cases; members see the members, join joint needs as sites and
 * read the joint needs and cases; officers oversee all of it.
 */
export default function ChainPage() {
  const { id } = useParams();
  const navigate = useNavigate();
  const user = useUser();
  const [chain, setChain] = useState<Chain | null>(null);
  const [missing, setMissing] = useState(false);
  const [tab, setTab] = useState<string | null>(null);

  const load = useCallback(() => {
    api.get('/chains/:id', { id: id! }).then(setChain, (e) => {
      if (e instanceof ApiError && (e.status === 404 || e.status === 400)) setMissing(true);
      else showError(e);
    });
  }, [id]);
  useEffect(load, [load]);

  if (missing)
    return <Result status="404" title="产业链不存在或无权查看" extra={<Button onClick={() => navigate('/chains')}>返回产业链</Button>} />;
  if (!chain) return <Spin />;

  const leader = chain.viewerRole === 'leader';
  const overseer = leader || chain.viewerRole === 'officer';
  const pending = pendingInvitation.get(user.id);

  const tabs = [
    ...(overseer ? [{ key: 'dashboard', label: '链主看板', children: <ChainDashboardPanel chainId={chain.id} /> }] : []),
    { key: 'members', label: `成员企业（${chain.memberCounts.total}）`, children: <ChainMembersPanel chain={chain} onChanged={load} /> },
    ...(overseer
      ? [{ key: 'invitations', label: '邀请企业', children: <ChainInvitationsPanel chain={chain} canInvite={leader} onChanged={load} /> }]
      : []),
    { key: 'joint-needs', label: '联合需求', children: <ChainJointNeedsPanel chain={chain} canCreate={leader} /> },
    { key: 'cases', label: '典型案例', children: <ChainCasesPanel chain={chain} canNominate={leader} /> },
  ];
  const activeTab = tab && tabs.some((t) => t.key === tab) ? tab : tabs[0]!.key;

  return (
    <Card
      title={
        <Space wrap>
          <span data-testid="chain-name">{chain.name}</span>
          <Tag color={leader ? 'purple' : 'blue'}>{CHAIN_ROLE_NAMES[chain.viewerRole] ?? chain.viewerRole}</Tag>
        </Space>
      }
      extra={<Link to="/chains">全部产业链</Link>}
    >
      {chain.viewerRole === 'invitee' && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          message="您已通过邀请注册，企业尚未加入本产业链"
          description="请先在“我的企业/服务商”登记企业，然后回到邀请页面再次接受邀请。"
          action={
            <Space direction="vertical">
              <Link to="/organisation">
                <Button size="small">登记企业</Button>
              </Link>
              {pending && (
                <Link to={`/chain-invitations/${encodeURIComponent(pending)}`}>
                  <Button size="small" type="primary">
                    再次接受邀请
                  </Button>
                </Link>
              )}
            </Space>
          }
        />
      )}
      <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label="链主企业">{chain.leader.name}</Descriptions.Item>
        <Descriptions.Item label="成员">
          上游 {chain.memberCounts.upstream} 家 · 下游 {chain.memberCounts.downstream} 家
        </Descriptions.Item>
        <Descriptions.Item label="创建日期">{formatDate(chain.createdAt)}</Descriptions.Item>
      </Descriptions>
      <Typography.Paragraph type="secondary" className="pre-wrap">
        {chain.description}
      </Typography.Paragraph>
      <Tabs activeKey={activeTab} onChange={setTab} items={tabs} destroyOnHidden />
    </Card>
  );
}

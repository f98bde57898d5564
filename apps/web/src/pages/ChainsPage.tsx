import { ApartmentOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Empty, Form, Input, Row, Select, Space, Spin, Statistic, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { api } from '../api';
import type { Page } from '../api';
import { hasRole, useUser } from '../auth';
import { pendingInvitation } from '../chains';
import type { Chain } from '../chains';
import { ChainLeaderMarking } from '../components/ChainLeaderMarking';
import { showError, showSuccess } from '../components/feedback';
import { useOrganisations } from '../components/useOrganisations';
import { showFieldErrors } from '../events';
import { CHAIN_ROLE_NAMES } from '../labels';

const PAGE_SIZE = 12;

/**
 * 我的产业链 / 链式转型: the chains the user's enterprises lead or belong to (every chain for
 * officers); a chain leader's member creates its chain here; city officers mark chain leaders.
 */
export default function ChainsPage() {
  const user = useUser();
  const navigate = useNavigate();
  const enterprises = useOrganisations('enterprise');
  const officer = hasRole(user, 'city_officer');
  const [page, setPage] = useState(1);
  const [data, setData] = useState<Page<Chain> | null>(null);
  const [version, setVersion] = useState(0);
  const pending = pendingInvitation.get(user.id);

  useEffect(() => {
    api.get('/chains', { page, pageSize: PAGE_SIZE }).then(setData, (e) => {
      showError(e);
      setData({ items: [], total: 0, page, pageSize: PAGE_SIZE });
    });
  }, [page, version]);

  // Chain-leader enterprises of the user that have no chain yet.
  const led = new Set((data?.items ?? []).filter((c) => c.viewerRole === 'leader').map((c) => c.leader.enterpriseId));
  const founders = enterprises.items.filter((e) => e.isChainLeader && !led.has(e.id));

  return (
    <>
      <Typography.Title level={3} className="page-title">
        {officer || hasRole(user, 'admin') ? '链式转型' : '我的产业链'}
      </Typography.Title>
      <Space direction="vertical" size="large" style={{ width: '100%' }}>
        {pending && (
          <Alert
            type="warning"
            showIcon
            message="您有一份尚未完成的产业链邀请"
            description="登记企业后，请回到邀请页面再次接受，企业即加入产业链。"
            action={
              <Link to={`/chain-invitations/${encodeURIComponent(pending)}`}>
                <Button type="primary">继续接受邀请</Button>
              </Link>
            }
          />
        )}
        {data && founders.length > 0 && (
          <CreateChainCard
            founders={founders.map((e) => ({ id: e.id, name: e.name }))}
            onCreated={(chain) => {
              setVersion((v) => v + 1);
              navigate(`/chains/${chain.id}`);
            }}
          />
        )}
        {!data ? (
          <Spin />
        ) : data.items.length === 0 ? (
          !founders.length && (
            <Card>
              <Empty
                description={
                  officer
                    ? '尚无产业链：在下方认定链主企业后，由链主企业创建产业链并邀请上下游企业。'
                    : '您的企业尚未加入产业链。链主企业会通过邀请链接邀请上下游企业加入；被认定为链主的企业可在此创建产业链。'
                }
              />
            </Card>
          )
        ) : (
          <Row gutter={[16, 16]}>
            {data.items.map((chain) => (
              <Col key={chain.id} xs={24} md={12} xl={8}>
                <Card
                  data-testid="chain-card"
                  title={
                    <Space>
                      <ApartmentOutlined />
                      <Link to={`/chains/${chain.id}`}>{chain.name}</Link>
                    </Space>
                  }
                  extra={<Tag color={chain.viewerRole === 'leader' ? 'purple' : 'blue'}>{CHAIN_ROLE_NAMES[chain.viewerRole]}</Tag>}
                >
                  <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }}>
                    {chain.description}
                  </Typography.Paragraph>
                  <Row gutter={8}>
                    <Col span={10}>
                      <Statistic title="链主企业" value={chain.leader.name} valueStyle={{ fontSize: 14 }} />
                    </Col>
                    <Col span={7}>
                      <Statistic title="上游" value={chain.memberCounts.upstream} suffix="家" />
                    </Col>
                    <Col span={7}>
                      <Statistic title="下游" value={chain.memberCounts.downstream} suffix="家" />
                    </Col>
                  </Row>
                </Card>
              </Col>
            ))}
          </Row>
        )}
        {data && data.total > PAGE_SIZE && (
          <Space>
            <Button disabled={page <= 1} onClick={() => setPage(page - 1)}>
              上一页
            </Button>
            <Button disabled={page * PAGE_SIZE >= data.total} onClick={() => setPage(page + 1)}>
              下一页
            </Button>
          </Space>
        )}
        {officer && <ChainLeaderMarking />}
      </Space>
    </>
  );
}

/** 创建产业链: a chain leader's member names the chain (one per leader enterprise). */
function CreateChainCard({ founders, onCreated }: { founders: { id: string; name: string }[]; onCreated: (chain: Chain) => void }) {
  const [form] = Form.useForm<{ leaderEnterpriseId: string; name: string; description: string }>();
  const [busy, setBusy] = useState(false);
  const submit = useCallback(
    async (v: { leaderEnterpriseId: string; name: string; description: string }) => {
      setBusy(true);
      try {
        const chain = await api.post('/chains', {
          leaderEnterpriseId: v.leaderEnterpriseId,
          name: v.name,
          description: v.description,
        });
        showSuccess('产业链已创建，可邀请上下游企业加入');
        onCreated(chain);
      } catch (e) {
        if (!showFieldErrors(form, e, ['leaderEnterpriseId', 'name', 'description'])) showError(e);
      } finally {
        setBusy(false);
      }
    },
    [form, onCreated],
  );
  return (
    <Card title="创建产业链" data-testid="chain-create">
      <Alert
        type="success"
        showIcon
        style={{ marginBottom: 16 }}
        message={`${founders.map((f) => f.name).join('、')} 已被市工信局认定为链主企业`}
        description="创建产业链后，可按统一社会信用代码或邮箱邀请上下游企业加入，查看成员的数字化水平、需求与项目，并代表产业链发布联合需求。"
      />
      <Form form={form} name="chain" layout="vertical" onFinish={submit} initialValues={{ leaderEnterpriseId: founders[0]?.id }}>
        {founders.length > 1 && (
          <Form.Item name="leaderEnterpriseId" label="链主企业" rules={[{ required: true, message: '请选择链主企业' }]}>
            <Select options={founders.map((f) => ({ value: f.id, label: f.name }))} />
          </Form.Item>
        )}
        {founders.length === 1 && (
          <Form.Item name="leaderEnterpriseId" hidden>
            <Input />
          </Form.Item>
        )}
        <Form.Item name="name" label="产业链名称" rules={[{ required: true, whitespace: true, message: '请输入产业链名称' }]}>
          <Input maxLength={120} showCount placeholder="如：数控机床产业链" />
        </Form.Item>
        <Form.Item name="description" label="简介" rules={[{ required: true, whitespace: true, message: '请填写产业链简介' }]}>
          <Input.TextArea rows={3} maxLength={2000} showCount placeholder="主要产品、上下游协作关系、链式转型目标" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          创建产业链
        </Button>
      </Form>
    </Card>
  );
}

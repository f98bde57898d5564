import { LockOutlined, MailOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Divider, Form, Input, Popconfirm, Result, Select, Space, Spin, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api, ApiError, tokenStore } from '../api';
import { membershipsOf, useAuth } from '../auth';
import { pendingInvitation } from '../chains';
import type { InvitationOutcome } from '../chains';
import { showError } from '../components/feedback';
import { formatTime } from '../format';
import { CHAIN_POSITION_NAMES, INVITATION_STATUS_COLORS, INVITATION_STATUS_NAMES } from '../labels';

type Outcome = { kind: 'answered'; outcome: InvitationOutcome } | { kind: 'refused'; error: ApiError };

/** `GET /chain-invitations/:token`: what the link is for, readable before signing in. */
interface InvitationPreview {
  chainName: string;
  chainDescription: string;
  leaderName: string;
  position: string;
  enterpriseName: string | null;
  invitedBy: 'uscc' | 'email';
  status: string;
  expiresAt: string;
}

const REFUSALS: Record<number, string> = {
  403: '该邀请发给了其他企业或邮箱',
  404: '邀请不存在，请检查链接是否完整',
  409: '该邀请已失效',
  410: '该邀请已过期',
};

/**
 * 产业链邀请 (`/chain-invitations/:token`, the link a chain leader sends): a signed-in
 * user accepts it for their enterprise or declines it; someone new registers through it
 * (the token is spent for them) and accepts again once their enterprise is registered.
 */
export default function ChainInvitationPage() {
  const { token = '' } = useParams();
  const auth = useAuth();
  const navigate = useNavigate();
  const [busy, setBusy] = useState<'accept' | 'decline' | 'register' | null>(null);
  const [result, setResult] = useState<Outcome | null>(null);
  const [enterpriseId, setEnterpriseId] = useState<string | undefined>();
  const here = `/chain-invitations/${encodeURIComponent(token)}`;
  const [preview, setPreview] = useState<InvitationPreview | null>(null);
  useEffect(() => {
    let live = true;
    // Unknown tokens are told when answering; the preview only adds what the link is for.
    api.get('/chain-invitations/:token', { token }).then(
      (p) => live && setPreview(p),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [token, result]);

  const finish = (outcome: InvitationOutcome, userId: string) => {
    if (outcome.status === 'accepted_pending_enterprise') pendingInvitation.set(token, userId);
    else pendingInvitation.clear();
    setResult({ kind: 'answered', outcome });
  };

  const answer = async (action: 'accept' | 'decline') => {
    setBusy(action);
    try {
      const body = action === 'accept' && enterpriseId ? { enterpriseId } : {};
      finish(await api.post(`/chain-invitations/:token/${action}`, { token }, body), auth.user?.id ?? '');
    } catch (e) {
      if (e instanceof ApiError && [403, 404, 409, 410].includes(e.status)) {
        // A spent token stays spent: no point keeping it for later.
        if (e.status !== 403 && e.status !== 409) pendingInvitation.clear();
        setResult({ kind: 'refused', error: e });
      } else showError(e);
    } finally {
      setBusy(null);
    }
  };

  const register = async (v: { email: string; displayName: string; password: string }) => {
    setBusy('register');
    try {
      const session = await api.post('/auth/register', {
        email: v.email.trim(),
        displayName: v.displayName.trim(),
        password: v.password,
        invitationToken: token,
      });
      tokenStore.set(session.accessToken);
      await auth.refresh();
      if (session.chainInvitation) finish(session.chainInvitation, session.user.id);
    } catch (e) {
      showError(e);
    } finally {
      setBusy(null);
    }
  };

  const user = auth.user;
  const enterprises = membershipsOf(user, 'enterprise');

  let body;
  if (user === undefined) body = <Spin />;
  else if (result?.kind === 'answered') body = <Answered outcome={result.outcome} onRetry={() => setResult(null)} />;
  else if (result?.kind === 'refused')
    body = (
      <Result
        status={result.error.status === 404 ? '404' : 'warning'}
        title={REFUSALS[result.error.status] ?? '无法处理该邀请'}
        subTitle={result.error.message}
        extra={
          <Space>
            {user && <Button onClick={() => navigate('/')}>进入平台</Button>}
            <Button onClick={() => setResult(null)}>返回</Button>
          </Space>
        }
      />
    );
  else if (user)
    body = (
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Paragraph>
          您好，{user.displayName}（{user.email}
          ）。链主企业邀请贵企业加入其产业链，共同开展链式数字化转型：加入后，链主可查看贵企业的数字化水平、需求与项目进展，并可在贵企业同意后代表产业链发布联合需求。
        </Typography.Paragraph>
        {enterprises.length === 0 && (
          <Alert
            type="info"
            showIcon
            message="您尚未登记企业"
            description="接受后邀请将为您保留；登记企业后回到本页再次接受，企业即加入产业链。"
          />
        )}
        {enterprises.length > 1 && (
          <EnterpriseChoice ids={enterprises.map((m) => m.organisationId)} value={enterpriseId} onChange={setEnterpriseId} />
        )}
        <Space>
          <Button type="primary" loading={busy === 'accept'} onClick={() => answer('accept')} data-testid="invitation-accept">
            接受邀请
          </Button>
          <Popconfirm title="谢绝后该邀请链接即失效，确定？" onConfirm={() => answer('decline')}>
            <Button loading={busy === 'decline'}>谢绝</Button>
          </Popconfirm>
          <Button type="link" onClick={() => navigate('/')}>
            进入平台
          </Button>
        </Space>
      </Space>
    );
  else
    body = (
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Paragraph>
          链主企业邀请贵企业加入其产业链，共同开展链式数字化转型。已有账号请先登录；新用户可直接注册并接受邀请。
        </Typography.Paragraph>
        <Button type="primary" block onClick={() => navigate('/login', { state: { from: here } })}>
          登录后处理邀请
        </Button>
        <Divider plain>或 注册新账号</Divider>
        <Form layout="vertical" name="inviteRegister" onFinish={register} requiredMark={false}>
          <Form.Item
            name="email"
            label="邮箱"
            extra="按邮箱发出的邀请，请使用收到邀请的邮箱注册"
            rules={[{ required: true, type: 'email', message: '请输入有效的邮箱地址' }]}
          >
            <Input prefix={<MailOutlined />} autoComplete="username" />
          </Form.Item>
          <Form.Item name="displayName" label="姓名" rules={[{ required: true, whitespace: true, message: '请输入姓名' }]}>
            <Input prefix={<UserOutlined />} maxLength={80} />
          </Form.Item>
          <Form.Item
            name="password"
            label="密码"
            rules={[
              { required: true, message: '请输入密码' },
              { min: 8, message: '密码至少 8 位' },
            ]}
          >
            <Input.Password prefix={<LockOutlined />} autoComplete="new-password" />
          </Form.Item>
          <Button htmlType="submit" block loading={busy === 'register'}>
            注册并接受邀请
          </Button>
        </Form>
      </Space>
    );

  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        background: 'linear-gradient(135deg, #e6f4ff, #f0f5ff 60%, #fff)',
        padding: 16,
      }}
    >
      <Card style={{ width: 520, maxWidth: '100%' }} title="产业链邀请（链式转型）" data-testid="chain-invitation">
        {preview && (
          <Descriptions size="small" column={1} style={{ marginBottom: 16 }} data-testid="invitation-preview">
            <Descriptions.Item label="产业链">{preview.chainName}</Descriptions.Item>
            <Descriptions.Item label="链主企业">{preview.leaderName}</Descriptions.Item>
            <Descriptions.Item label="邀请位置">{CHAIN_POSITION_NAMES[preview.position] ?? preview.position}企业</Descriptions.Item>
            {preview.enterpriseName && <Descriptions.Item label="受邀企业">{preview.enterpriseName}</Descriptions.Item>}
            <Descriptions.Item label="状态">
              <Tag color={INVITATION_STATUS_COLORS[preview.status]}>{INVITATION_STATUS_NAMES[preview.status] ?? preview.status}</Tag>
              有效期至 {formatTime(preview.expiresAt)}
            </Descriptions.Item>
          </Descriptions>
        )}
        {body}
      </Card>
    </div>
  );
}

function Answered({ outcome, onRetry }: { outcome: InvitationOutcome; onRetry: () => void }) {
  const position = CHAIN_POSITION_NAMES[outcome.position] ?? outcome.position;
  if (outcome.status === 'accepted') {
    return (
      <Result
        status="success"
        title={`已加入产业链“${outcome.chainName}”`}
        subTitle={`贵企业作为${position}企业加入。`}
        extra={
          <Link to={`/chains/${outcome.chainId}`}>
            <Button type="primary">查看产业链</Button>
          </Link>
        }
      />
    );
  }
  if (outcome.status === 'declined') {
    return (
      <Result
        status="info"
        title={`已谢绝产业链“${outcome.chainName}”的邀请`}
        extra={
          <Link to="/">
            <Button>进入平台</Button>
          </Link>
        }
      />
    );
  }
  return (
    <Result
      status="info"
      title={`邀请已为您保留：产业链“${outcome.chainName}”（${position}）`}
      subTitle="请先登记企业（或请企业管理员将您加为成员），然后回到本页再次接受，企业即加入产业链。"
      extra={
        <Space>
          <Link to="/organisation">
            <Button type="primary">登记企业</Button>
          </Link>
          <Button onClick={onRetry}>再次接受</Button>
        </Space>
      }
    />
  );
}

/** Which of the user's enterprises joins (an invitation by e-mail leaves it open when they have several). */
function EnterpriseChoice({ ids, value, onChange }: { ids: string[]; value?: string; onChange: (id?: string) => void }) {
  const [names, setNames] = useState<Record<string, string>>({});
  const key = ids.join(',');
  useEffect(() => {
    let live = true;
    void Promise.all(key.split(',').map((id) => api.get('/enterprises/:id', { id }).catch(() => ({ id, name: id })))).then(
      (list) => live && setNames(Object.fromEntries(list.map((e) => [e.id, e.name]))),
    );
    return () => {
      live = false;
    };
  }, [key]);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Text>以哪家企业加入（按统一社会信用代码邀请时自动匹配，可不选）：</Typography.Text>
      <Select
        allowClear
        style={{ width: '100%' }}
        value={value}
        onChange={onChange}
        placeholder="自动匹配"
        options={ids.map((id) => ({ value: id, label: names[id] ?? id }))}
      />
    </Space>
  );
}

import { LockOutlined, MailOutlined, MobileOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { useAuth } from '../auth';
import { showError } from '../components/feedback';
import SmsLoginForm, { MOBILE_PATTERN } from '../components/SmsLoginForm';

interface Credentials {
  email: string;
  password: string;
  displayName?: string;
  mobile?: string;
}

/** Sign in (e-mail and password, or mobile number and SMS code) or register; the bearer token is kept in localStorage by the API client. */
export default function LoginPage({ register = false }: { register?: boolean }) {
  const auth = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [busy, setBusy] = useState(false);
  const [bySms, setBySms] = useState(false);

  // Signed in (now or already): on to the page that sent the user here.
  const from = (location.state as { from?: string } | null)?.from;
  if (auth.user) return <Navigate to={from?.startsWith('/') ? from : '/'} replace />;

  const submit = async (values: Credentials) => {
    setBusy(true);
    try {
      if (register)
        await auth.register(values.email.trim(), values.password, values.displayName!.trim(), values.mobile?.trim() || undefined);
      else await auth.login(values.email.trim(), values.password);
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        background: 'linear-gradient(135deg, #e6f4ff, #f0f5ff 60%, #fff)',
      }}
    >
      <Card style={{ width: '100%', maxWidth: 420, margin: 12 }}>
        <Typography.Title level={3} style={{ textAlign: 'center', marginTop: 0 }}>
          中小企业数字化转型供需对接平台
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
          沈阳市中小企业数字化转型试点城市
        </Typography.Paragraph>
        <Tabs
          activeKey={register ? 'register' : bySms ? 'sms' : 'login'}
          onChange={(key) => {
            setBySms(key === 'sms');
            if ((key === 'register') !== register) navigate(key === 'register' ? '/register' : '/login', { state: location.state });
          }}
          items={[
            { key: 'login', label: '登录' },
            { key: 'sms', label: '手机验证码登录' },
            { key: 'register', label: '注册' },
          ]}
        />
        {!register && bySms ? (
          <SmsLoginForm />
        ) : (
          <Form<Credentials> layout="vertical" onFinish={submit} key={register ? 'register' : 'login'} requiredMark={false}>
            <Form.Item name="email" label="邮箱" rules={[{ required: true, type: 'email', message: '请输入有效的邮箱地址' }]}>
              <Input prefix={<MailOutlined />} autoComplete="username" placeholder="name@example.com" />
            </Form.Item>
            {register && (
              <Form.Item name="displayName" label="姓名" rules={[{ required: true, whitespace: true, message: '请输入姓名' }]}>
                <Input prefix={<UserOutlined />} maxLength={80} />
              </Form.Item>
            )}
            <Form.Item
              name="password"
              label="密码"
              rules={[{ required: true, message: '请输入密码' }, ...(register ? [{ min: 8, message: '密码至少 8 位' }] : [])]}
            >
              <Input.Password prefix={<LockOutlined />} autoComplete={register ? 'new-password' : 'current-password'} />
            </Form.Item>
            {register && (
              <Form.Item
                name="mobile"
                label="手机号（选填，可用于验证码登录）"
                rules={[{ pattern: MOBILE_PATTERN, message: '请输入 11 位中国大陆手机号' }]}
              >
                <Input prefix={<MobileOutlined />} inputMode="numeric" autoComplete="tel" maxLength={11} />
              </Form.Item>
            )}
            <Button type="primary" htmlType="submit" block loading={busy}>
              {register ? '注册并登录' : '登录'}
            </Button>
          </Form>
        )}
        <Alert
          style={{ marginTop: 24 }}
          type="info"
          showIcon
          message="演示账号"
          description={
            <>
              管理员：admin@smedx.local
              <br />
              演示用户：<Typography.Text code>*@demo.smedx.cn</Typography.Text>，密码 <Typography.Text code>demo-pass-2024</Typography.Text>
              <br />
              （账号列表见项目 README）
            </>
          }
        />
      </Card>
    </div>
  );
}

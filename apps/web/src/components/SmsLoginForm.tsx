import { MobileOutlined, SafetyOutlined } from '@ant-design/icons';
import { Button, Form, Input, Space, message } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../api';
import { useAuth } from '../auth';
import { showError } from './feedback';

/** A mainland mobile number, as the API checks it. */
export const MOBILE_PATTERN = /^1[3-9]\d{9}$/;

interface SmsCredentials {
  mobile: string;
  code: string;
}

/** 手机验证码登录: the number, a 获取验证码 button that waits 60 s between codes, and the 6-digit code. */
export default function SmsLoginForm() {
  const auth = useAuth();
  const [form] = Form.useForm<SmsCredentials>();
  const [busy, setBusy] = useState(false);
  const [sending, setSending] = useState(false);
  const [wait, setWait] = useState(0);

  useEffect(() => {
    if (wait <= 0) return undefined;
    const timer = setTimeout(() => setWait((w) => w - 1), 1000);
    return () => clearTimeout(timer);
  }, [wait]);

  const sendCode = async () => {
    let mobile: string;
    try {
      mobile = (await form.validateFields(['mobile'])).mobile.trim();
    } catch {
      return;
    }
    setSending(true);
    try {
      const sent = await api.post('/auth/sms-code', { mobile });
      message.success(sent.message);
      setWait(sent.resendAfterSeconds);
    } catch (e) {
      showError(e);
    } finally {
      setSending(false);
    }
  };

  const submit = async (values: SmsCredentials) => {
    setBusy(true);
    try {
      await auth.loginWithSms(values.mobile.trim(), values.code.trim());
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form<SmsCredentials> form={form} layout="vertical" onFinish={submit} requiredMark={false}>
      <Form.Item
        name="mobile"
        label="手机号"
        rules={[
          { required: true, message: '请输入手机号' },
          { pattern: MOBILE_PATTERN, message: '请输入 11 位中国大陆手机号' },
        ]}
      >
        <Input prefix={<MobileOutlined />} inputMode="numeric" autoComplete="tel" maxLength={11} placeholder="11 位手机号" />
      </Form.Item>
      <Form.Item label="验证码" required>
        <Space.Compact style={{ width: '100%' }}>
          <Form.Item
            name="code"
            noStyle
            rules={[
              { required: true, message: '请输入验证码' },
              { pattern: /^\d{6}$/, message: '验证码为 6 位数字' },
            ]}
          >
            <Input prefix={<SafetyOutlined />} inputMode="numeric" autoComplete="one-time-code" maxLength={6} placeholder="6 位验证码" />
          </Form.Item>
          <Button onClick={() => void sendCode()} loading={sending} disabled={wait > 0} style={{ minWidth: 112 }}>
            {wait > 0 ? `${wait} 秒后重发` : '获取验证码'}
          </Button>
        </Space.Compact>
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={busy}>
        登录
      </Button>
    </Form>
  );
}

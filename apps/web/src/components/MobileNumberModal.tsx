import { Form, Input, Modal, message } from 'antd';
import { useState } from 'react';
import { api } from '../api';
import { useAuth, useUser } from '../auth';
import { showError } from './feedback';
import { MOBILE_PATTERN } from './SmsLoginForm';

/** 绑定手机号: sets, changes or (left empty) removes the number used for 手机验证码登录. */
export default function MobileNumberModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const user = useUser();
  const { refresh } = useAuth();
  const [form] = Form.useForm<{ mobile: string }>();
  const [busy, setBusy] = useState(false);

  const save = async ({ mobile }: { mobile: string }) => {
    setBusy(true);
    try {
      await api.patch('/auth/me', { mobile: mobile?.trim() ? mobile.trim() : null });
      await refresh();
      message.success(mobile?.trim() ? '手机号已保存，可用于验证码登录' : '已解除手机号绑定');
      onClose();
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      title="绑定手机号"
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="保存"
      cancelText="取消"
      confirmLoading={busy}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ mobile: user.mobile ?? '' }} onFinish={save} preserve={false}>
        <Form.Item
          name="mobile"
          label="手机号"
          extra="绑定后可在登录页使用手机验证码登录；留空保存即解除绑定。"
          rules={[{ pattern: MOBILE_PATTERN, message: '请输入 11 位中国大陆手机号' }]}
        >
          <Input inputMode="numeric" autoComplete="tel" maxLength={11} placeholder="11 位手机号" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

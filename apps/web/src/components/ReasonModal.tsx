import { Form, Input, Modal } from 'antd';
import { useState } from 'react';

/** Asks for the reason an officer's decision needs (it goes to the audit trail). */
export function ReasonModal({
  open,
  title,
  required = true,
  onSubmit,
  onCancel,
}: {
  open: boolean;
  title: string;
  required?: boolean;
  onSubmit: (reason: string) => Promise<void>;
  onCancel: () => void;
}) {
  const [form] = Form.useForm<{ reason: string }>();
  const [busy, setBusy] = useState(false);
  return (
    <Modal
      open={open}
      title={title}
      okText="确定"
      cancelText="取消"
      confirmLoading={busy}
      destroyOnHidden
      onCancel={onCancel}
      onOk={async () => {
        const { reason } = await form.validateFields();
        setBusy(true);
        try {
          await onSubmit(reason?.trim() ?? '');
          form.resetFields();
        } finally {
          setBusy(false);
        }
      }}
    >
      <Form form={form} name="decision" layout="vertical" preserve={false}>
        <Form.Item name="reason" label="理由" rules={required ? [{ required: true, whitespace: true, message: '请填写理由' }] : []}>
          <Input.TextArea rows={4} maxLength={2000} showCount placeholder="将记录在审计日志中" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

import { Button, Input, Modal, Select, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../api';
import { membershipsOf, useUser } from '../auth';
import { formatTime } from '../format';
import { showError, showSuccess } from './feedback';

/**
 * 邀请投标: the enterprise invites a provider to bid on one of its published needs — from a match
 * (the need is known) or from a solution page (the user picks one of its enterprises' published needs).
 * The provider is notified; an invitation already sent shows as 已邀请.
 */
export function InviteToBidButton(props: {
  providerId: string;
  providerName: string;
  solutionId?: string;
  /** The need, when inviting from its match list; otherwise the user chooses one. */
  needId?: string;
  invited?: boolean;
  onInvited?: () => void;
}) {
  const user = useUser();
  const [open, setOpen] = useState(false);
  const [needs, setNeeds] = useState<{ value: string; label: string }[] | null>(null);
  const [needId, setNeedId] = useState<string | undefined>(props.needId);
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState(!!props.invited);

  useEffect(() => {
    if (!open || props.needId) return;
    // The user's enterprises' needs that are taking bids.
    Promise.all(
      membershipsOf(user, 'enterprise').map((m) =>
        api.get('/needs', { enterpriseId: m.organisationId, status: 'published', pageSize: 100 }).then((p) => p.items),
      ),
    ).then(
      (lists) => setNeeds(lists.flat().map((n) => ({ value: n.id, label: `${n.title}（截止 ${formatTime(n.bidDeadline)}）` }))),
      showError,
    );
  }, [open, props.needId, user]);

  if (sent) return <Tag color="blue">已邀请投标</Tag>;

  const submit = async () => {
    if (!needId) return;
    setBusy(true);
    try {
      await api.post(
        '/needs/:id/invitations',
        { id: needId },
        { providerId: props.providerId, solutionId: props.solutionId, message: message.trim() || undefined },
      );
      showSuccess(`已邀请${props.providerName}投标，对方将收到通知`);
      setSent(!!props.needId);
      setOpen(false);
      props.onInvited?.();
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button size="small" data-testid="invite-to-bid" onClick={() => setOpen(true)}>
        邀请投标
      </Button>
      <Modal
        open={open}
        title={`邀请${props.providerName}投标`}
        okText="发送邀请"
        okButtonProps={{ disabled: !needId, loading: busy }}
        onOk={submit}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Space direction="vertical" style={{ width: '100%' }}>
          {!props.needId &&
            (needs && !needs.length ? (
              <Typography.Text type="secondary">您还没有正在征集中的需求：先发布需求，再邀请服务商投标。</Typography.Text>
            ) : (
              <Select
                style={{ width: '100%' }}
                placeholder="选择要邀请投标的需求（征集中）"
                loading={!needs}
                options={needs ?? []}
                value={needId}
                onChange={setNeedId}
              />
            ))}
          <Input.TextArea
            rows={3}
            maxLength={500}
            placeholder="给服务商的留言（可选）"
            value={message}
            onChange={(e) => setMessage(e.target.value)}
          />
        </Space>
      </Modal>
    </>
  );
}

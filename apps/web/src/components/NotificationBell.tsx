import { BellOutlined } from '@ant-design/icons';
import { App as AntApp, Badge, Button, Empty, List, Popover, Segmented, Space, Spin, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api, tokenStore } from '../api';
import type { AppNotification } from '../api';
import { useUser } from '../auth';
import { formatTime } from '../format';
import { showError } from './feedback';

const RECENT = 20;
/** Without a live stream (the server refused it, or the browser has no EventSource) the count is polled this often. */
const POLL_MS = 60_000;

/**
 * The header's bell: the unread count from `GET /notifications`, kept live by the
 * `GET /notifications/stream` event stream (an antd notice per new one), and a panel of
 * the recent ones to open, mark read, or mark all read. The stream closes when the
 * layout unmounts (sign-out) or the user changes.
 */
export function NotificationBell() {
  const user = useUser();
  const navigate = useNavigate();
  const { notification } = AntApp.useApp();
  const [unread, setUnread] = useState(0);
  const [open, setOpen] = useState(false);
  const [onlyUnread, setOnlyUnread] = useState(false);
  const [items, setItems] = useState<AppNotification[] | null>(null);
  const [busy, setBusy] = useState(false);

  const loadCount = useCallback(() => {
    api.get('/notifications', { unread: true, pageSize: 1 }).then(
      (p) => setUnread(p.unread),
      // The count is a convenience: a failure here is not worth a notice (the page's own requests report errors).
      () => undefined,
    );
  }, []);

  const loadItems = useCallback(() => {
    api.get('/notifications', { unread: onlyUnread ? true : undefined, pageSize: RECENT }).then((p) => {
      setItems(p.items);
      setUnread(p.unread);
    }, showError);
  }, [onlyUnread]);

  const go = useCallback(
    (n: AppNotification) => {
      setOpen(false);
      if (n.link?.startsWith('/')) navigate(n.link);
    },
    [navigate],
  );

  const markRead = useCallback(async (n: AppNotification) => {
    if (n.readAt) return;
    try {
      const read = await api.post('/notifications/:id/read', { id: n.id });
      setItems((list) => list?.map((i) => (i.id === n.id ? { ...i, readAt: read.readAt ?? new Date().toISOString() } : i)) ?? list);
      setUnread((c) => Math.max(0, c - 1));
    } catch (e) {
      showError(e);
    }
  }, []);

  useEffect(loadCount, [loadCount, user.id]);

  useEffect(() => {
    const token = tokenStore.get();
    if (!token) return;
    let poll: ReturnType<typeof setInterval> | null = null;
    const startPolling = () => {
      poll ??= setInterval(loadCount, POLL_MS);
    };
    if (typeof EventSource === 'undefined') {
      startPolling();
      return () => {
        if (poll) clearInterval(poll);
      };
    }
    const source = new EventSource(`/api/v1/notifications/stream?access_token=${encodeURIComponent(token)}`);
    source.addEventListener('notification', (event) => {
      let n: AppNotification;
      try {
        n = JSON.parse((event as MessageEvent<string>).data) as AppNotification;
      } catch {
        return;
      }
      if (!n.readAt) setUnread((c) => c + 1);
      // New notices are unread, so they belong in the open panel whichever filter it shows.
      setItems((list) => (list ? [n, ...list.filter((i) => i.id !== n.id)].slice(0, RECENT) : list));
      notification.info({
        key: `notification-${n.id}`,
        message: n.title,
        description: n.body,
        placement: 'topRight',
        icon: <BellOutlined style={{ color: '#1677ff' }} />,
        className: 'live-notification',
        onClick: () => {
          notification.destroy(`notification-${n.id}`);
          void markRead(n);
          go(n);
        },
        style: n.link ? { cursor: 'pointer' } : undefined,
      });
      // The increment shows at once; the server's count settles any event counted twice or missed.
      loadCount();
    });
    // Once the stream is live (the server fixed its cursor before answering), the count taken now
    // and the events that follow miss nothing in between.
    source.addEventListener('open', loadCount);
    source.addEventListener('error', () => {
      // CLOSED: the server refused the stream (an expired session, for instance); the browser will not retry.
      if (source.readyState === EventSource.CLOSED) startPolling();
    });
    return () => {
      source.close();
      if (poll) clearInterval(poll);
    };
  }, [user.id, notification, loadCount, markRead, go]);

  useEffect(() => {
    if (open) loadItems();
  }, [open, loadItems]);

  const readAll = async () => {
    setBusy(true);
    try {
      await api.post('/notifications/read-all');
      const now = new Date().toISOString();
      setItems((list) => (onlyUnread ? [] : (list?.map((i) => ({ ...i, readAt: i.readAt ?? now })) ?? list)));
      setUnread(0);
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  };

  const panel = (
    <div style={{ width: 'min(380px, calc(100vw - 32px))' }} data-testid="notification-panel">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }}>
        <Segmented
          size="small"
          value={onlyUnread ? 'unread' : 'all'}
          onChange={(v) => setOnlyUnread(v === 'unread')}
          options={[
            { value: 'all', label: '全部' },
            { value: 'unread', label: `未读（${unread}）` },
          ]}
        />
        <Button size="small" type="link" disabled={!unread} loading={busy} onClick={readAll}>
          全部已读
        </Button>
      </Space>
      {items === null ? (
        <div style={{ textAlign: 'center', padding: 24 }}>
          <Spin />
        </div>
      ) : items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={onlyUnread ? '没有未读通知' : '暂无通知'} />
      ) : (
        <List
          size="small"
          dataSource={items}
          style={{ maxHeight: 420, overflowY: 'auto' }}
          renderItem={(n) => (
            <List.Item
              key={n.id}
              data-testid="notification-item"
              className={n.readAt ? 'notification-read' : 'notification-unread'}
              style={{ cursor: n.link ? 'pointer' : 'default', alignItems: 'flex-start' }}
              onClick={() => {
                void markRead(n);
                go(n);
              }}
              actions={
                n.readAt
                  ? []
                  : [
                      <Typography.Link
                        key="read"
                        style={{ fontSize: 12, whiteSpace: 'nowrap' }}
                        onClick={(e) => {
                          e.stopPropagation();
                          void markRead(n);
                        }}
                      >
                        标为已读
                      </Typography.Link>,
                    ]
              }
            >
              <List.Item.Meta
                title={
                  <Space size={6} align="start">
                    <Badge status={n.readAt ? 'default' : 'processing'} />
                    <Typography.Text strong={!n.readAt} style={{ whiteSpace: 'normal' }}>
                      {n.title}
                    </Typography.Text>
                  </Space>
                }
                description={
                  <>
                    <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ marginBottom: 2, fontSize: 12 }}>
                      {n.body}
                    </Typography.Paragraph>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {formatTime(n.createdAt)}
                    </Typography.Text>
                  </>
                }
              />
            </List.Item>
          )}
        />
      )}
    </div>
  );

  return (
    <Popover trigger="click" placement="bottomRight" title="消息通知" open={open} onOpenChange={setOpen} content={panel} destroyOnHidden>
      <Button type="text" aria-label={`消息通知，${unread} 条未读`} data-testid="notification-bell" data-count={unread}>
        <Badge count={unread} size="small" overflowCount={99}>
          <BellOutlined style={{ fontSize: 18 }} />
        </Badge>
      </Button>
    </Popover>
  );
}

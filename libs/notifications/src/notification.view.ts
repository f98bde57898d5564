import type { NotificationView } from '@smedx/contracts';
import type { Notification } from './notification.entity.js';

/** A notification as clients see it (inbox items and stream events alike): the contract's `NotificationView`. */
export type { NotificationView } from '@smedx/contracts';

export function toNotificationView(n: Notification): NotificationView {
  return {
    id: n.id,
    kind: n.kind,
    title: n.title,
    body: n.body,
    link: n.link,
    data: n.data,
    readAt: n.readAt,
    createdAt: n.createdAt,
  };
}

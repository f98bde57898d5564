export * from './dto/notifications.dto.js';
export * from './notification.entity.js';
export * from './mail-message.entity.js';
export * from './notification.view.js';
export * from './notifications.jobs.js';
export * from './mailer.port.js';
export * from './smtp.mailer.js';
export * from './database.mailer.js';
export * from './sse-stream.js';
export * from './notifications.service.js';
export * from './notification-delivery.service.js';
export * from './notification-streams.service.js';
export * from './notifications.module.js';

import { MailMessage } from './mail-message.entity.js';
import { Notification } from './notification.entity.js';
export const NOTIFICATIONS_ENTITIES = [Notification, MailMessage];

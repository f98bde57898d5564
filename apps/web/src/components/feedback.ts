import type { MessageInstance } from 'antd/es/message/interface';
import type { NotificationInstance } from 'antd/es/notification/interface';
import { ApiError } from '../api';

/**
 * Lets plain functions (API error handlers) show antd messages that still use the
 * app's ConfigProvider (locale, theme): `FeedbackBridge` hands over the instances.
 */
let messageApi: MessageInstance | null = null;
let notificationApi: NotificationInstance | null = null;

export function connectFeedback(message: MessageInstance, notification: NotificationInstance): void {
  messageApi = message;
  notificationApi = notification;
}

const TITLES: Record<number, string> = {
  0: '网络错误',
  401: '身份验证失败',
  400: '输入有误',
  403: '无权操作',
  404: '未找到',
  409: '状态冲突',
  410: '已失效',
  429: '请求过于频繁',
};

/** Shows the API error in Chinese ({@link ApiError.textZh}), or the error's own message. */
export function showError(error: unknown): void {
  if (error instanceof ApiError) {
    notificationApi?.error({
      // One notice per kind: a page firing several requests at once shows one 401, not five.
      key: `api-error-${error.status}-${error.message}`,
      message: TITLES[error.status] ?? (error.status >= 500 ? '服务器错误' : '操作失败'),
      description: error.textZh,
      placement: 'topRight',
    });
    return;
  }
  messageApi?.error(error instanceof Error ? error.message : String(error));
}

export function showSuccess(text: string): void {
  messageApi?.success(text);
}

/** Closes every open notice (a failed sign-in's notice has no business on the next page). */
export function clearFeedback(): void {
  notificationApi?.destroy();
}

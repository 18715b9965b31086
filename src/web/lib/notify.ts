// Bridge from non-React code (the query cache) to antd's context-aware message/notification API.
import type { MessageInstance } from 'antd/es/message/interface.js';
import type { NotificationInstance } from 'antd/es/notification/interface.js';

let messageApi: MessageInstance | null = null;
let notificationApi: NotificationInstance | null = null;

export function registerNotifier(message: MessageInstance, notification: NotificationInstance): void {
  messageApi = message;
  notificationApi = notification;
}

export function notifyError(text: string): void {
  if (notificationApi) notificationApi.error({ message: text, placement: 'topRight', duration: 6 });
  else console.error(text);
}

export function notifySuccess(text: string): void {
  if (messageApi) void messageApi.success(text);
}

// Registers antd's context-aware message/notification instances for use outside components.
import { useEffect } from 'react';
import { App } from 'antd';
import { registerNotifier } from '../lib/notify.ts';

export function NotifierBridge() {
  const { message, notification } = App.useApp();
  useEffect(() => registerNotifier(message, notification), [message, notification]);
  return null;
}

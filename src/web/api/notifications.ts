// Notification hooks: the caller's own notifications (unread count polled every 60 s and on focus),
// mark one read, mark all read.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client.ts';
import type { Notification, NotificationPage } from '../../contract/notifications.ts';

export type { Notification, NotificationPage };

export const NOTIFICATIONS_KEY = ['notifications'] as const;

/** Unread count (and the newest unread), refreshed every minute and whenever the window regains focus. */
export function useUnreadNotifications() {
  return useQuery({
    queryKey: [...NOTIFICATIONS_KEY, 'unread'],
    queryFn: () => api<NotificationPage>('/notifications', { query: { unread: 'true', pageSize: 1 } }),
    refetchInterval: 60_000,
    refetchOnWindowFocus: true,
    meta: { silent: true },
  });
}

/** The newest notifications, read or not (loaded when the dropdown opens). */
export function useNotificationList(enabled: boolean) {
  return useQuery({
    queryKey: [...NOTIFICATIONS_KEY, 'list'],
    queryFn: () => api<NotificationPage>('/notifications', { query: { pageSize: 20 } }),
    enabled,
    meta: { silent: true },
  });
}

export function useMarkRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      api<Notification>(`/notifications/${encodeURIComponent(id)}/read`, { method: 'POST', body: {} }),
    onSuccess: () => qc.invalidateQueries({ queryKey: NOTIFICATIONS_KEY }),
  });
}

export function useMarkAllRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api<{ updated: number }>('/notifications/read-all', { method: 'POST', body: {} }),
    onSuccess: () => qc.invalidateQueries({ queryKey: NOTIFICATIONS_KEY }),
  });
}

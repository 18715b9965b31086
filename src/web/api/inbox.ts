// The caller's task inbox (GET /me/inbox): tasks as codes and parameters, worded by the home page.
import { useQuery } from '@tanstack/react-query';
import { api } from './client.ts';
import type { Inbox } from '../../contract/inbox.ts';

export function useInbox() {
  return useQuery({ queryKey: ['me', 'inbox'], queryFn: () => api<Inbox>('/me/inbox') });
}

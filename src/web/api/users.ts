// User and role-assignment hooks.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, uploadFile } from './client.ts';
import type { RoleAssignment } from '../../contract/auth.ts';
import type { CreateUserInput, RoleInput, UpdateUserInput, User, UserList } from '../../contract/users.ts';

const KEY = ['users'] as const;

export function useUsers(q: string, page: number, pageSize: number, enabled = true) {
  return useQuery({
    queryKey: [...KEY, 'list', q, page, pageSize],
    queryFn: () => api<UserList>('/users', { query: { q, page, pageSize } }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useUser(id: string | null) {
  return useQuery({
    queryKey: [...KEY, 'detail', id],
    queryFn: () => api<User>(`/users/${encodeURIComponent(id ?? '')}`),
    enabled: !!id,
  });
}

function useInvalidate() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: KEY });
}

export type RoleGrantBody = RoleInput;

/** Create (no id: the POST body — username, password and the first roles) or edit (id: the PATCH fields). */
export type SaveUserBody = ({ id?: undefined } & CreateUserInput) | ({ id: string } & UpdateUserInput);

export function useSaveUser() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, ...rest }: SaveUserBody) =>
      id
        ? api<User>(`/users/${encodeURIComponent(id)}`, { method: 'PATCH', body: rest })
        : api<User>('/users', { method: 'POST', body: rest }),
    meta: { silent: true },
    onSuccess: invalidate,
  });
}

export function useAddRole() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ userId, ...body }: { userId: string; role: string; unitId: string; subtree: boolean }) =>
      api<RoleAssignment>(`/users/${encodeURIComponent(userId)}/roles`, { method: 'POST', body }),
    meta: { silent: true },
    onSuccess: invalidate,
  });
}

export function useRemoveRole() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ userId, assignmentId }: { userId: string; assignmentId: string }) =>
      api<void>(`/users/${encodeURIComponent(userId)}/roles/${encodeURIComponent(assignmentId)}`, { method: 'DELETE' }),
    onSuccess: invalidate,
  });
}

export function useImportUsers() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (file: File) => uploadFile<{ created: number }>('/users/import', file),
    meta: { silent: true },
    onSuccess: invalidate,
  });
}

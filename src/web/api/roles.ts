// Role catalogue (labels in Vietnamese and English).
import { useQuery } from '@tanstack/react-query';
import { api } from './client.ts';
import type { RoleInfo } from '../../contract/roles.ts';
import { useI18n } from '../i18n/context.ts';

export function useRoles() {
  return useQuery({
    queryKey: ['roles'],
    queryFn: () => api<{ items: RoleInfo[] }>('/roles').then((r) => r.items),
    staleTime: 60 * 60_000,
  });
}

/** role code → label in the current language (falls back to the code). */
export function useRoleLabel(): (role: string) => string {
  const { lang } = useI18n();
  const { data } = useRoles();
  return (role: string) => {
    const info = data?.find((r) => r.role === role);
    if (!info) return role;
    return lang === 'en' ? info.labelEn || info.label : info.label;
  };
}

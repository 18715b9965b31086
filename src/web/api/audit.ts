// Audit log query.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from './client.ts';
import type { AuditEntry } from '../../contract/audit.ts';
import type { Paginated } from '../../contract/common.ts';

export interface AuditFilters {
  unitId?: string;
  actorId?: string;
  objectType?: string;
  objectId?: string;
  from?: string;
  to?: string;
}

export function useAudit(filters: AuditFilters, page: number, pageSize: number) {
  return useQuery({
    queryKey: ['audit', filters, page, pageSize],
    queryFn: () => api<Paginated<AuditEntry>>('/audit', { query: { ...filters, page, pageSize } }),
    placeholderData: keepPreviousData,
  });
}

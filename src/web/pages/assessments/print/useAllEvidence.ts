// Every document of a unit's library, page after page (the API gives at most 500 at a time), so the printed
// form names each attached document — never a blank where a library has more than one page.
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import { EVIDENCE_KEY } from '../../../api/evidence.ts';
import type { Paginated } from '../../../../contract/common.ts';
import type { Evidence } from '../../../../contract/evidence.ts';

const PAGE = 500;

export function useAllEvidence(unitId: string | undefined) {
  return useQuery({
    queryKey: [...EVIDENCE_KEY, unitId, 'all'],
    enabled: !!unitId,
    queryFn: async () => {
      const all = new Map<string, Evidence>();
      for (let page = 1; ; page++) {
        const got = await api<Paginated<Evidence>>(`/units/${encodeURIComponent(unitId ?? '')}/evidence`, {
          query: { page, pageSize: PAGE },
        });
        for (const e of got.items) all.set(e.id, e);
        if (got.items.length < PAGE || all.size >= got.total) return all;
      }
    },
  });
}

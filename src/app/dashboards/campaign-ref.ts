// Zod pieces of the dashboard routes (they also document them in /api/docs); the what-if request and
// answer are in src/contract/dashboards.ts.
import { z } from 'zod';
import type { DashboardCampaign } from '../../db/queries/dashboards.ts';
import type { DashboardCampaignRef } from '../../contract/dashboard-pages.ts';

export const unitIdParams = z.object({ unitId: z.uuid({ message: 'Mã định danh không hợp lệ' }) });
export const campaignQuery = z.object({ campaignId: z.uuid({ message: 'Mã kỳ đánh giá không hợp lệ' }).optional() });

export const campaignRef = (c: DashboardCampaign): DashboardCampaignRef => ({
  id: c.id,
  name: c.name,
  year: c.year,
  kind: c.kind,
  status: c.status,
});

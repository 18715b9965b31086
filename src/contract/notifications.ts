// A person's in-app notifications (/notifications). New ones carry their kind and parameters and the staff
// app words them in the reader's language (issue 14 §6); `title` and `body` stay stored in Vietnamese for
// the e-mail and for notifications written before parameters existed (params null: shown as stored).
// `body` is a person's own text when there is one (the council's request, the unit's reply, the answer).
import { z } from 'zod';

export const NOTIFICATION_KINDS = ['reminder', 'appraisal_request', 'appraisal_reply', 'objection_answer'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** The parameters each kind carries (dates yyyy-mm-dd; codes as the index set writes them). */
export interface NotificationParams {
  reminder: { unitName: string; campaignName: string; deadline: string; daysRemaining: number };
  appraisal_request: { requestKind: string; code: string; deadline: string };
  appraisal_reply: { unitName: string; code: string };
  objection_answer: { code: string; outcome: 'upheld' | 'rejected' };
}

export const notificationSchema = z.object({
  id: z.string(),
  kind: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).nullable(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});

export const notificationPageSchema = z.object({
  items: z.array(notificationSchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  unread: z.number(),
});

export type Notification = z.infer<typeof notificationSchema>;
export type NotificationPage = z.infer<typeof notificationPageSchema>;

// The what-if request and answer (POST /campaigns/{id}/what-if): the server registers them, the web app
// imports the inferred types.
import { z } from 'zod';

export const whatIfBody = z.object({
  unitId: z.uuid({ message: 'Mã đơn vị không hợp lệ' }),
  changes: z
    .array(z.object({ code: z.string().min(1).max(100), score: z.number({ message: 'Điểm phải là một số' }) }))
    .min(1, { message: 'Cần ít nhất một thay đổi' })
    .max(1000),
});

const bandSchema = z.object({ code: z.string(), label: z.string(), minPercent: z.number() }).nullable();
const side = z.object({
  finalTotal: z.number(),
  finalAfterPenalty: z.number(),
  percent: z.number().nullable(),
  band: bandSchema,
  rank: z.number().nullable(),
  status: z.string(),
});

export const whatIfResponse = z.object({
  campaignId: z.string(),
  unitId: z.string(),
  provisional: z.boolean(),
  saved: z.literal(false),
  groupSize: z.number(),
  changes: z.array(z.object({ code: z.string(), from: z.number().nullable(), to: z.number() })),
  before: side,
  after: side,
  bandChanged: z.boolean(),
  rankChange: z.number().nullable(),
});

export type WhatIfBody = z.input<typeof whatIfBody>;
export type WhatIfResult = z.infer<typeof whatIfResponse>;
export type WhatIfSide = WhatIfResult['before'];

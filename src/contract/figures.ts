// Figures supplied by other systems (API token) or specialised agencies (file): POST /campaigns/{id}/figures
// and …/figures/import — the request and the answer, one source for the server and the staff app.
import { z } from 'zod';
import { inputValue } from './assessments.ts';

const sourceSchema = z
  .string()
  .trim()
  .min(1, 'Cần nêu nguồn số liệu')
  .max(300)
  .transform((s) => s.normalize('NFC'));
const codeSchema = z.string().trim().min(1).max(64);

export const supplyFiguresBody = z.object({
  source: sourceSchema,
  figures: z
    .array(
      z.object({
        unitCode: codeSchema,
        itemCode: codeSchema,
        inputs: z.record(z.string().max(64), inputValue),
        source: sourceSchema.optional(),
      }),
    )
    .min(1, 'Cần ít nhất một số liệu')
    .max(10_000, 'Tối đa 10.000 số liệu mỗi lần gửi'),
});

/** What became of each figure: pre-filled, unchanged, kept (the unit's own entry wins) or locked (submitted). */
export const figuresResultSchema = z.object({
  accepted: z.number(),
  prefilled: z.number(),
  kept: z.number(),
  unchanged: z.number(),
  locked: z.number(),
  items: z.array(
    z.object({
      index: z.number(),
      unitCode: z.string(),
      itemCode: z.string(),
      outcome: z.enum(['prefilled', 'unchanged', 'kept', 'locked']),
    }),
  ),
});

export type SupplyFiguresInput = z.input<typeof supplyFiguresBody>;
export type FiguresResult = z.infer<typeof figuresResultSchema>;

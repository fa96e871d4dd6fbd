import { z } from 'zod';
import { jobKindSchema, jobStateSchema } from '../../shared/station-api.ts';

/** A `jobs` row as SQLite returns it. */
export const jobRow = z.object({
  id: z.number(),
  processed: z.string(),
  kind: jobKindSchema,
  target_print_status: z.number().nullable(),
  printer_id: z.string(),
  printer_name: z.string(),
  expected_labels: z.number(),
  state: jobStateSchema,
  reason: z.string().nullable(),
  reason_code: z.string().nullable(),
  reason_params: z.string().nullable(),
  reason_detail: z.string().nullable(),
  orders_stored: z.number(),
  attempts: z.number(),
  retry_at: z.number().nullable(),
  held: z.number(),
  batch_labels: z.number().nullable(),
  created_at: z.string(),
  updated_at: z.string(),
});

/** What names a job in every view of it: which batch, what kind, what count, which printer. */
export function jobIdentity(row: z.output<typeof jobRow>) {
  return {
    id: String(row.id),
    processed: row.processed,
    kind: row.kind,
    targetPrintStatus: row.target_print_status,
    printerId: row.printer_id,
    printerName: row.printer_name,
  };
}

import { z } from 'zod';
import { orderSchema, processedTimestampSchema } from './domain.ts';

/** What one scan at the packing bench found; each outcome has its own sound and message. */
export const scanOutcomeSchema = z.enum(['packed', 'already-packed', 'unknown', 'other-batch']);
export type ScanOutcome = z.infer<typeof scanOutcomeSchema>;

export const packingProgressSchema = z.object({ packed: z.number().int(), total: z.number().int() });
export type PackingProgress = z.infer<typeof packingProgressSchema>;

export const scanResultSchema = z.object({
  outcome: scanOutcomeSchema,
  /** The code as scanned (trimmed). */
  code: z.string(),
  order: orderSchema.nullable(),
  /** The parcel's batch; null for an unknown code. */
  processed: processedTimestampSchema.nullable(),
  /** When it was packed: now, or the first time for a repeated scan. */
  packedAt: z.string().nullable(),
  /** Of the parcel's batch; null for an unknown code. */
  progress: packingProgressSchema.nullable(),
});
export type ScanResult = z.infer<typeof scanResultSchema>;

export const packingRowSchema = z.object({
  processed: z.string(),
  invoice: z.string(),
  awb: z.string().nullable(),
  courier: z.string(),
  recipient: z.string(),
  packedAt: z.string().nullable(),
});
export type PackingRow = z.infer<typeof packingRowSchema>;

/** A scanner sends what the label holds, sometimes with a stray prefix or line end. */
export const scanCodeSchema = z.string().trim().min(1, 'nothing was scanned').max(100, 'that is not a label code');

const csvCell = (value: string): string => {
  // A cell a spreadsheet would run as a formula is quoted as text.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r;]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** The day's parcels as CSV, one line each, packed or not: what a supervisor opens in a spreadsheet. */
export function packingCsv(rows: readonly PackingRow[], headings: readonly [string, string, string, string, string, string]): string {
  const lines = [headings, ...rows.map((r) => [r.processed, r.invoice, r.awb ?? '', r.courier, r.recipient, r.packedAt ?? ''] as const)];
  return `${lines.map((cells) => cells.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

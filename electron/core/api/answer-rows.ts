import { z } from 'zod';
import { firstIssue } from './zod-issue.ts';

/** A row of an answer the client could not read and left out; the rest of the answer is used. */
export interface SkippedRow {
  /** 0-based position in the answer's list. */
  index: number;
  /** The first bad field, e.g. `data.data[2].details[0].qty`. */
  field: string;
  problem: string;
  /** What names the row when that much is readable (an invoice, a batch's time), else null. */
  label: string | null;
}

export interface RowsRead<T> {
  rows: T[];
  skipped: SkippedRow[];
}

function labelOf(raw: unknown, pick: (row: Record<string, unknown>) => unknown): string | null {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return null;
  const value = pick(raw as Record<string, unknown>);
  return typeof value === 'string' || typeof value === 'number' ? String(value).slice(0, 60) : null;
}

/**
 * A list in an answer, read row by row: one malformed row is left out (and reported) instead of
 * failing the whole answer, so one bad order or batch does not stop everything else. The list
 * itself must be an array of at most `max` rows.
 */
export function rowsOf<T>(
  row: z.ZodType<T>,
  options: { max: number; path: readonly PropertyKey[]; label: (row: Record<string, unknown>) => unknown },
) {
  return z
    .array(z.unknown())
    .max(options.max, { error: `more than ${options.max} rows` })
    .transform((raws): RowsRead<T> => {
      const rows: T[] = [];
      const skipped: SkippedRow[] = [];
      raws.forEach((raw, index) => {
        const parsed = row.safeParse(raw);
        if (parsed.success) rows.push(parsed.data);
        else skipped.push({ index, ...firstIssue(parsed.error, [...options.path, index]), label: labelOf(raw, options.label) });
      });
      return { rows, skipped };
    });
}

/** The invoice of an order record, when it has a readable one. */
export const recordLabel = (row: Record<string, unknown>): unknown => {
  const order = row.order;
  const invoice = row.updatedInvoice ?? (order !== null && typeof order === 'object' ? (order as Record<string, unknown>).invoice : undefined);
  return invoice;
};

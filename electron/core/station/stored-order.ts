import { orderSchema, type Order } from '../../shared/domain.ts';
import { firstIssue } from '../api/zod-issue.ts';

/** A stored order that no longer reads: a journal written by an older app, or damaged. */
export class StoredOrderError extends Error {
  override name = 'StoredOrderError';
}

/** Reads an order the journal stored, or says which label and which field is wrong. */
export function readStoredOrder(json: string, idx: number): Order {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new StoredOrderError(`the stored order of label ${idx + 1} is damaged (not JSON): reprint the batch`);
  }
  return readStoredValue(value, idx);
}

/** As `readStoredOrder`, for an order already out of its JSON. */
export function readStoredValue(value: unknown, idx: number): Order {
  const parsed = orderSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = firstIssue(parsed.error);
  throw new StoredOrderError(`the stored order of label ${idx + 1} cannot be read (${issue.field || 'the order'}: ${issue.problem}): cancel this job and reprint the batch`);
}

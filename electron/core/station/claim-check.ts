import type { Order } from '../../shared/domain.ts';
import { operatorMessage, type OperatorMessage } from '../../shared/operator-message.ts';
import type { SkippedRow } from '../api/answer-rows.ts';

/** What `print_order` answered, against what the batch lists. */
export interface ClaimCheck {
  /** Each order once, in the server's order. */
  orders: Order[];
  /** Orders the answer held more than once: printed once. */
  repeated: { invoice: string; times: number }[];
  expected: number;
  /** Rows the client could not read and left out. */
  skipped: readonly SkippedRow[];
  /** Whether it must wait for the operator: a count that differs, or unreadable rows. */
  mismatch: boolean;
}

// The backend's order id names an order; an order without one is named by its invoice.
const identity = (order: Order): string => (order.orderId === null ? `invoice:${order.invoice}` : `id:${order.orderId}`);

export function checkClaim(answer: readonly Order[], expected: number, skipped: readonly SkippedRow[]): ClaimCheck {
  const seen = new Map<string, { invoice: string; times: number }>();
  const orders: Order[] = [];
  for (const order of answer) {
    const key = identity(order);
    const known = seen.get(key);
    if (known) known.times += 1;
    else {
      seen.set(key, { invoice: order.invoice, times: 1 });
      orders.push(order);
    }
  }
  const repeated = [...seen.values()].filter((r) => r.times > 1);
  return { orders, repeated, expected, skipped, mismatch: orders.length !== expected || skipped.length > 0 };
}

const listed = 5;

/** The unreadable rows, briefly: "row 3 (INV-1): data.data[2].details[0].qty: expected a number". */
export function describeSkipped(rows: readonly SkippedRow[]): string {
  const named = rows.slice(0, listed).map((r) => `row ${r.index + 1}${r.label ? ` (${r.label})` : ''}: ${r.field}: ${r.problem}`);
  const more = rows.length > listed ? `; and ${rows.length - listed} more` : '';
  return `${named.join('; ')}${more}`;
}

/** The same for the operator: which way the answer differs, with the numbers; the unreadable rows are the detail. */
export function mismatchText(processed: string, check: ClaimCheck): OperatorMessage {
  const received = check.orders.length;
  const detail = check.skipped.length > 0 ? describeSkipped(check.skipped) : null;
  if (received === 0) return operatorMessage('claim-none-readable', { batch: processed, expected: check.expected }, detail);
  if (received < check.expected) return operatorMessage('claim-too-few', { batch: processed, expected: check.expected, received }, detail);
  if (received > check.expected) return operatorMessage('claim-too-many', { batch: processed, expected: check.expected, received }, detail);
  return operatorMessage('claim-unreadable-rows', { batch: processed, received, unreadable: check.skipped.length }, detail);
}

/** Why the job waits, with the numbers, and what the operator can do. */
export function mismatchReason(processed: string, check: ClaimCheck): string {
  const got = check.orders.length;
  const what =
    got === 0
      ? `print_order sent no readable orders for batch ${processed}, which lists ${check.expected} label(s)`
      : got < check.expected
        ? `print_order sent ${got} of the ${check.expected} orders of batch ${processed}`
        : got > check.expected
          ? `print_order sent ${got} orders for batch ${processed}, which lists ${check.expected} label(s)`
          : `print_order sent the ${got} orders of batch ${processed}, and more it could not read`;
  const unreadable = check.skipped.length > 0 ? ` (${check.skipped.length} unreadable: ${describeSkipped(check.skipped)})` : '';
  const choices = got > 0 ? `Retry asks the server again with the same print count; Print what arrived prints the ${got}; Cancel gives the job up.` : 'Retry asks the server again with the same print count; Cancel gives the job up.';
  return `${what}${unreadable}: nothing printed yet, the server has counted the print. ${choices}`;
}

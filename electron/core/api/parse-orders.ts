import { z } from 'zod';
import type { Order } from '../../shared/domain.ts';
import { OrderDataError } from './api-errors.ts';
import { orderFromRecord } from './order-record.ts';
import { firstIssue } from './zod-issue.ts';

const orderRecords = z.array(orderFromRecord);

/** Where the records sit in what was given: a bare array, a `list` or a `print_order` response. */
function locateRecords(json: unknown): { records: unknown; path: (string | number)[] } {
  if (Array.isArray(json)) return { records: json, path: [] };
  if (json !== null && typeof json === 'object' && 'data' in json) {
    const data: unknown = json.data;
    if (Array.isArray(data)) return { records: data, path: ['data'] };
    if (data !== null && typeof data === 'object' && 'data' in data && Array.isArray(data.data)) {
      return { records: data.data, path: ['data', 'data'] };
    }
  }
  throw new OrderDataError(
    '',
    'expected an array of order records, a list response ({"data": [...]}) or a print_order response ({"data": {"data": [...]}})',
  );
}

/**
 * Reads order records into domain orders. Accepts an array of records, a whole `list` response
 * or a whole `print_order` response; throws `OrderDataError` naming the first bad field, e.g.
 * `data.data[3].order.totalCost: expected a number`.
 */
export function parseOrderRecords(json: unknown): Order[] {
  const { records, path } = locateRecords(json);
  const result = orderRecords.safeParse(records);
  if (!result.success) {
    const issue = firstIssue(result.error, path);
    throw new OrderDataError(issue.field, issue.problem);
  }
  return result.data;
}

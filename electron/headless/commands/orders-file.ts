import { readFile } from 'node:fs/promises';
import { parseOrderRecords } from '../../core/api/parse-orders.ts';
import type { Order } from '../../shared/domain.ts';

/** Reads an orders file (an array of order records, or a whole list / print_order response). */
export async function readOrdersFile(file: string): Promise<Order[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new Error(`cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file} is not JSON: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  const orders = parseOrderRecords(json);
  if (orders.length === 0) throw new Error(`${file} holds no orders: there is nothing to render`);
  return orders;
}

import { readFileSync } from 'node:fs';
import { parseOrderRecords } from '../../electron/core/api/parse-orders.ts';
import type { LabelToPrint } from '../../electron/core/printers/printer-port.ts';

const fixture = new URL('../fixtures/api/print-order-response.json', import.meta.url);

/**
 * `count` labels of one batch, from the API reference's own `print_order` example, each with its
 * own AWB and invoice (courier-style AWBs of different lengths), keyed `L1…Ln`.
 */
export function batchOfLabels(count: number, batch = '2026-11-28 09:30:00'): LabelToPrint[] {
  const [order] = parseOrderRecords(JSON.parse(readFileSync(fixture, 'utf8')));
  if (!order) throw new Error('print-order fixture has no order');
  return Array.from({ length: count }, (_, i) => ({
    key: `L${i + 1}`,
    order: { ...order, awb: i % 2 === 0 ? `JP${String(7_310_000_000 + i * 7919)}` : `0021${String(88_000_000_000 + i * 104_729)}`, invoice: `INV/20261128/${1000 + i}` },
    meta: { batch, index: i + 1, count, printedAt: new Date('2026-11-28T02:31:00Z') },
  }));
}

import { z } from 'zod';
import {
  batchSchema,
  codeSchema,
  processedTimestampSchema,
  type Batch,
  type Order,
  type OrderPage,
  type StatusSummary,
} from '../../shared/domain.ts';
import { recordLabel, rowsOf, type RowsRead, type SkippedRow } from './answer-rows.ts';
import type { SmartOrderDraft } from './order-api.ts';
import { looseCode, looseNumber, looseText, orderFromRecord } from './order-record.ts';
import { orderRowsSchema } from './order-row.ts';

/**
 * The answer of every call, as the reference's examples show it, normalised into the domain.
 * `message` is ignored: its wording varies and success is signalled by the status alone.
 * Lists are capped in length; the lists the station lives on (orders, batches) are read row by
 * row, a malformed row left out and reported rather than failing the whole answer.
 */

/** Rows per answer: far above any real page or batch, far below what would stall the station. */
export const answerLimits = { listRows: 1_000, printOrderRows: 10_000, batchRows: 20_000, otherRows: 10_000 } as const;

const count = looseNumber.pipe(z.number().int({ error: 'expected a whole number' }).nonnegative());

/** 1. list: `{data: [record…], total, show}`. */
export const listResponse = z
  .object({ data: rowsOf(orderFromRecord, { max: answerLimits.listRows, path: ['data'], label: recordLabel }), total: looseNumber })
  .transform((r): { page: OrderPage; skipped: SkippedRow[] } => ({ page: { orders: r.data.rows, total: r.total }, skipped: r.data.skipped }));

/** 2. total_summary: `{data: {NEW, PROCESSED, SENT, DRAFT}}`. */
export const totalSummaryResponse = z
  .object({ data: z.object({ NEW: looseNumber, PROCESSED: looseNumber, SENT: looseNumber, DRAFT: looseNumber }) })
  .transform((r): StatusSummary => r.data);

/** 3 and 5. create, details: `{data: {order: [row], products: [row…]}}`. */
export const orderRowsResponse = z.object({ data: orderRowsSchema }).transform((r) => r.data);

/** 4. batch_create: `{data: {invoices: [uuid…]}, total}` (total at the top level). */
export const batchCreateResponse = z
  .object({
    data: z.object({ invoices: z.array(codeSchema()).max(answerLimits.otherRows) }),
    total: looseNumber.optional(),
  })
  .transform((r) => ({ invoices: r.data.invoices, total: r.total ?? r.data.invoices.length }));

const smartOrderDraft = z
  .object({
    invoice: looseText,
    awb: looseCode,
    shippingCost: looseNumber,
    note: looseText,
    customer_name: looseText,
    customer_number: looseText,
    customer_address: looseText,
    cityName: looseText,
    provinceName: looseText,
    rawText: looseText,
    productDetected: z
      .array(z.object({ product: looseText, qty: looseNumber, price: looseNumber, text: looseText, notes: looseText }))
      .nullish()
      .transform((p) => p ?? []),
    courierDetected: z
      .object({ courier: looseCode, status: looseText, text: looseText })
      .nullish()
      .transform((c) => ({ courierId: c?.courier ?? null, status: c?.status ?? '0', text: c?.text ?? '' })),
  })
  .transform(
    (d): SmartOrderDraft => ({
      invoice: d.invoice,
      awb: d.awb,
      shippingCost: d.shippingCost,
      note: d.note,
      customerName: d.customer_name,
      customerNumber: d.customer_number,
      customerAddress: d.customer_address,
      cityName: d.cityName,
      provinceName: d.provinceName,
      rawText: d.rawText,
      products: d.productDetected,
      courier: d.courierDetected,
    }),
  );

/** 6. smartorder/fetch: `{data: {<invoice>: draft}}`; PHP encodes an empty map as `[]`. */
export const smartOrderResponse = z
  .object({ data: z.union([z.record(z.string(), smartOrderDraft), z.array(smartOrderDraft).max(answerLimits.otherRows)]) })
  .transform((r): SmartOrderDraft[] => (Array.isArray(r.data) ? r.data : Object.values(r.data)));

const batchRow = z
  .object({ processed: processedTimestampSchema, totalLabels: count, printStatus: count })
  .transform((b) => ({ processed: b.processed, totalLabels: b.totalLabels, printStatus: b.printStatus }))
  .pipe(batchSchema);

/** 7. processed_list: `{data: [{totalLabels: "18", printStatus: "2", processed}…]}`. */
export const processedListResponse = z
  .object({ data: rowsOf(batchRow, { max: answerLimits.batchRows, path: ['data'], label: (row) => row.processed }) })
  .transform((r): RowsRead<Batch> => r.data);

/** 8. print_order: `{data: {data: [record…], total}}` (the doubled `data` is the server's). */
export const printOrderResponse = z
  .object({
    data: z.object({
      data: rowsOf(orderFromRecord, { max: answerLimits.printOrderRows, path: ['data', 'data'], label: recordLabel }),
      total: looseNumber.optional(),
    }),
  })
  .transform((r): RowsRead<Order> => r.data.data);

import type Database from 'libsql';
import { z } from 'zod';
import { orderSchema, type Order } from '../../shared/domain.ts';
import type { PackingRow } from '../../shared/packing.ts';

/** The jobs whose labels are a whole batch: a label reprint holds only the labels chosen. */
const batchJobKinds = `('print', 'auto-print', 'reprint')`;

const foundRow = z.object({ processed: z.string(), order_json: z.string() });
const packedRow = z.object({ packed_at: z.string() });
const countRow = z.object({ n: z.number() });
const reportRow = z.object({ processed: z.string(), order_json: z.string(), packed_at: z.string().nullable() });

/** What the journal knows of one scanned code: the order, its batch, and when it was packed. */
export interface FoundParcel {
  processed: string;
  order: Order;
  packedAt: string | null;
}

const orderKey = (order: Order): string => order.orderId ?? `invoice:${order.invoice}`;

/**
 * Scan-to-pack, local to the station (the backend has no "packed" call): parcels are found by
 * the code on their label among the orders the journal stored when it printed them.
 */
export class JournalPacking {
  readonly #db: Database.Database;

  constructor(db: Database.Database) {
    this.#db = db;
  }

  /** The parcel whose AWB or invoice is `code`, in the newest batch job that printed it. */
  find(code: string): FoundParcel | null {
    const row = this.#db
      .prepare(
        `SELECT j.processed, l.order_json FROM job_labels l JOIN jobs j ON j.id = l.job_id
         WHERE j.kind IN ${batchJobKinds} AND (l.awb = ?1 COLLATE NOCASE OR l.invoice = ?1 COLLATE NOCASE)
         ORDER BY j.id DESC LIMIT 1`,
      )
      .get(code);
    if (row === undefined) return null;
    const found = foundRow.parse(row);
    const order = orderSchema.parse(JSON.parse(found.order_json));
    return { processed: found.processed, order, packedAt: this.#packedAt(found.processed, order) };
  }

  /** Marks it packed; false when it already was (the first time counts). */
  markPacked(parcel: FoundParcel, at: string): boolean {
    const result = this.#db
      .prepare('INSERT OR IGNORE INTO packed (processed, order_key, invoice, awb, packed_at) VALUES (?, ?, ?, ?, ?)')
      .run(parcel.processed, orderKey(parcel.order), parcel.order.invoice, parcel.order.awb, at);
    return result.changes > 0;
  }

  /** Parcels packed of the batch's labels, as its newest batch job stored them. */
  progress(processed: string): { packed: number; total: number } {
    const total = countRow.parse(this.#db.prepare(`SELECT COUNT(*) AS n FROM job_labels WHERE job_id = (${this.#latestJob})`).get(processed)).n;
    const packed = countRow.parse(this.#db.prepare('SELECT COUNT(*) AS n FROM packed WHERE processed = ?').get(processed)).n;
    return { packed: Math.min(packed, total), total };
  }

  /** Packed counts of every batch that has any, for the batch list. */
  packedCounts(): Map<string, number> {
    const rows = this.#db.prepare('SELECT processed, COUNT(*) AS n FROM packed GROUP BY processed').all();
    return new Map(rows.map((r) => z.object({ processed: z.string(), n: z.number() }).parse(r)).map((r) => [r.processed, r.n]));
  }

  /** Every parcel of the batches printed in [from, to), packed or not, in batch order. */
  report(fromIso: string, toIso: string): PackingRow[] {
    const rows = this.#db
      .prepare(
        `SELECT j.processed, l.order_json, p.packed_at FROM jobs j
         JOIN job_labels l ON l.job_id = j.id
         LEFT JOIN packed p ON p.processed = j.processed AND p.order_key = COALESCE(l.order_id, 'invoice:' || l.invoice)
         WHERE j.id IN (SELECT MAX(id) FROM jobs WHERE kind IN ${batchJobKinds} AND orders_stored = 1 AND created_at >= ? AND created_at < ? GROUP BY processed)
         ORDER BY j.processed, l.idx`,
      )
      .all(fromIso, toIso);
    return rows.map((r) => {
      const row = reportRow.parse(r);
      const order = orderSchema.parse(JSON.parse(row.order_json));
      return { processed: row.processed, invoice: order.invoice, awb: order.awb, courier: order.courierName, recipient: order.customer.name, packedAt: row.packed_at };
    });
  }

  get #latestJob(): string {
    return `SELECT MAX(id) FROM jobs WHERE processed = ? AND kind IN ${batchJobKinds} AND orders_stored = 1`;
  }

  #packedAt(processed: string, order: Order): string | null {
    const row = this.#db.prepare('SELECT packed_at FROM packed WHERE processed = ? AND order_key = ?').get(processed, orderKey(order));
    return row === undefined ? null : packedRow.parse(row).packed_at;
  }
}

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { orderFromRecord } from '../../../electron/core/api/order-record.ts';
import { answerLimits, printOrderResponse, processedListResponse } from '../../../electron/core/api/response-schemas.ts';
import { Journal } from '../../../electron/core/station/journal.ts';
import { orderLimits, orderSchema, type Order } from '../../../electron/shared/domain.ts';

type Json = Record<string, unknown>;
const fixture = JSON.parse(readFileSync(new URL('../../fixtures/api/print-order-response.json', import.meta.url), 'utf8')) as {
  data: { data: Json[] };
};
const base = (): Json & { order: Json; customer: Json; details: Json[] } =>
  structuredClone(fixture.data.data[0]) as Json & { order: Json; customer: Json; details: Json[] };

function deep(levels: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < levels; i++) value = { nested: value };
  return value;
}

/** Records a broken or hostile backend might send, each different in one field. */
function hostileRecords(): Json[] {
  const edits: ((r: ReturnType<typeof base>) => void)[] = [
    (r) => void ((r.details[0] ?? {}).qty = '1.5'),
    (r) => void ((r.details[0] ?? {}).qty = '-2'),
    (r) => void (r.order.assign = deep(20_000)),
    (r) => void (r.order.assign = { team: ['a', 'b'], at: 3 }),
    (r) => void (r.order.assign = 'x'.repeat(10_000)),
    (r) => void (r.order.printType = 7),
    (r) => void (r.order.awb = 'JP'.repeat(100_000)),
    (r) => void (r.order.awb = 'A'.repeat(orderLimits.awbChars)),
    (r) => void (r.customer.address = 'Jl. Mawar\r\n'.repeat(5_000)),
    (r) => void (r.customer.name = '😀'.repeat(500)),
    (r) => void (r.order.shippingCost = '1e400'),
    (r) => void (r.order.totalCost = 1e15),
    (r) => void (r.order.invoice = 12345),
    (r) => void (r.details = Array.from({ length: orderLimits.itemsPerOrder + 1 }, () => r.details[0])),
    (r) => void (r.details = Array.from({ length: orderLimits.itemsPerOrder }, () => r.details[0])),
    (r) => void (r.order.labelImage = ''),
    (r) => void (r.updatedAWB = ''),
    (r) => void (r.order.order_id = 'o'.repeat(101)),
  ];
  return edits.map((edit) => {
    const record = base();
    edit(record);
    return record;
  });
}

describe('one schema for the API and the domain', () => {
  it('whatever the client accepts reads back through the domain schema unchanged, after JSON (the journal’s form)', () => {
    let accepted = 0;
    for (const record of hostileRecords()) {
      const parsed = orderFromRecord.safeParse(record);
      if (!parsed.success) continue;
      accepted += 1;
      const stored = JSON.parse(JSON.stringify(parsed.data)) as unknown;
      expect(orderSchema.parse(stored)).toEqual(parsed.data);
    }
    expect(accepted).toBeGreaterThan(10);
  });

  it('reads a quantity of "1.5" as 1.5, and the journal gives it back', () => {
    const record = base();
    (record.details[0] ?? {}).qty = '1.5';
    const order = orderFromRecord.parse(record);
    expect(order.items[0]?.qty).toBe(1.5);
    const dir = mkdtempSync(join(tmpdir(), 'one-schema-'));
    const journal = new Journal(join(dir, 'journal.db'), () => 0);
    try {
      const job = journal.createJob({ processed: '2026-01-01 10:00:00', kind: 'print', targetPrintStatus: null, printerId: 'p', printerName: 'p', expectedLabels: 1, orders: [order] });
      expect(journal.jobOrders(job.id)).toEqual([order]);
    } finally {
      journal.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('an assign 20 000 levels deep is dropped; a small one is kept as short JSON; none is ever an object', () => {
    const values = [deep(20_000), { team: ['a', 'b'] }, 'Budi', 42, null, undefined, 'x'.repeat(10_000)].map((assign) => {
      const record = base();
      record.order.assign = assign;
      return orderFromRecord.parse(record).assign;
    });
    expect(values).toEqual([null, '{"team":["a","b"]}', 'Budi', '42', null, null, `${'x'.repeat(orderLimits.undocumentedChars - 1)}…`]);
    const order: Order = orderFromRecord.parse({ ...base(), order: { ...base().order, assign: deep(20_000) } });
    expect(() => JSON.stringify(order)).not.toThrow();
  });

  it('refuses an identifier past its cap (a cut AWB would scan as another parcel), naming the field', () => {
    const record = base();
    record.order.awb = 'JP'.repeat(100_000);
    const result = orderFromRecord.safeParse(record);
    expect(result.error?.issues[0]?.path).toEqual(['order', 'awb']);
    expect(result.error?.issues[0]?.message).toContain(`longer than ${orderLimits.awbChars} characters`);
  });

  it('cuts free text past its cap, whole characters only, with "…"', () => {
    const record = base();
    record.customer.address = 'Jl. Mawar\r\n'.repeat(5_000);
    record.customer.name = '😀'.repeat(500);
    const order = orderFromRecord.parse(record);
    expect(order.customer.address).toHaveLength(orderLimits.textChars);
    expect(order.customer.address.endsWith('…')).toBe(true);
    expect(order.customer.name.length).toBeLessThanOrEqual(orderLimits.nameChars);
    expect(order.customer.name).toMatch(/^(😀)+…$/u);
  });

  it('refuses more items than any order has, and amounts no money reaches', () => {
    const many = base();
    many.details = Array.from({ length: orderLimits.itemsPerOrder + 1 }, () => many.details[0]);
    expect(orderFromRecord.safeParse(many).error?.issues[0]?.path).toEqual(['details']);
    const rich = base();
    rich.order.totalCost = 1e15;
    expect(orderFromRecord.safeParse(rich).error?.issues[0]?.path).toEqual(['order', 'totalCost']);
  });

  it('caps the length of the lists in an answer', () => {
    const rows = Array.from({ length: answerLimits.batchRows + 1 }, () => ({ processed: '2022-09-02 16:11:21', totalLabels: 1, printStatus: 0 }));
    expect(processedListResponse.safeParse({ data: rows }).error?.issues[0]?.message).toContain(`more than ${answerLimits.batchRows} rows`);
  });

  it('a print_order answer with one unreadable order gives the others and names the bad one', () => {
    const bad = base();
    bad.order.invoice = 'INV-BAD';
    (bad.details[0] ?? {}).qty = 'satu';
    const read = printOrderResponse.parse({ data: { data: [base(), bad, base()], total: 3 } });
    expect(read.rows).toHaveLength(2);
    expect(read.skipped).toEqual([{ index: 1, field: 'data.data[1].details[0].qty', problem: expect.stringContaining('satu'), label: 'INV-BAD' }]);
  });

  it('a batch claiming more labels than any batch has is left out', () => {
    const read = processedListResponse.parse({ data: [{ processed: '2022-09-02 16:11:21', totalLabels: 1e9, printStatus: 0 }] });
    expect(read.rows).toEqual([]);
    expect(read.skipped[0]?.field).toBe('data[0].totalLabels');
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  batchCreateResponse,
  listResponse,
  orderRowsResponse,
  printOrderResponse,
  processedListResponse,
  smartOrderResponse,
  totalSummaryResponse,
} from '../../../electron/core/api/response-schemas.ts';

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../../fixtures/api/${name}.json`, import.meta.url), 'utf8'));

describe('the reference document’s example responses parse', () => {
  it('list: one order of 23645, numbers as numbers', () => {
    const { page, skipped } = listResponse.parse(fixture('list-response'));
    expect(skipped).toEqual([]);
    expect(page.total).toBe(23645);
    expect(page.orders).toHaveLength(1);
    expect(page.orders[0]?.shippingCost).toBe(0);
  });

  it('total_summary', () => {
    expect(totalSummaryResponse.parse(fixture('total-summary-response'))).toEqual({ NEW: 10, PROCESSED: 76, SENT: 18591, DRAFT: 15 });
  });

  it('create: flat row, PHP DateTime objects, first state, string-number products', () => {
    const details = orderRowsResponse.parse(fixture('create-response'));
    expect(details).toMatchObject({
      id: 'd8e9a7f7-f0f7-4fb9-af5b-c80841b068a4',
      invoice: 'ANDI2022101115075801',
      awb: null,
      status: 'NEW',
      printStatus: 0,
      created: '2022-10-11 15:08:14',
      processed: null,
      customerNote: '',
      products: [{ productId: '02ca87fa-069a-473f-88f9-daf04407398d', productPrice: 10000, qty: 1 }],
    });
    expect(details.firstState?.courierName).toBe('JNT Reguler');
    expect(details.firstState?.items[0]?.totalPrice).toBe(10000);
  });

  it('details: the same shape as create', () => {
    const details = orderRowsResponse.parse(fixture('details-response'));
    expect(details.id).toBe('c0aaa297-b030-4fd2-910b-4ada38c28ed0');
    expect(details.updated).toBe('2022-10-11 15:08:46');
    expect(details.firstState?.orderId).toBe('c0aaa297-b030-4fd2-910b-4ada38c28ed0');
  });

  it('batch_create: invoices with the total at the top level', () => {
    expect(batchCreateResponse.parse(fixture('batch-create-response'))).toEqual({
      invoices: ['e83ebf28-8999-4b83-a2c0-c5f1c0a35e97'],
      total: 1,
    });
  });

  it('smartorder/fetch: drafts keyed by invoice, Indonesian thousands', () => {
    const [draft] = smartOrderResponse.parse(fixture('smart-order-response'));
    expect(draft).toMatchObject({
      invoice: 'TESTCREATEDBY',
      awb: 'JP7638199648',
      shippingCost: 10000,
      note: 'Warna HITAM FULL',
      customerName: 'BASRYBABAS',
      cityName: 'KAB. KARAWANG',
      products: [{ product: '', qty: 1, price: 50000 }],
      courier: { courierId: '17cd69d0-0c3d-4886-9c93-7977000bade1', status: '1', text: 'Reguler (Cashless)-J&T Express' },
    });
  });

  it('processed_list: string counts become numbers', () => {
    const { rows: batches, skipped } = processedListResponse.parse(fixture('processed-list-response'));
    expect(skipped).toEqual([]);
    expect(batches).toHaveLength(20);
    expect(batches[0]).toEqual({ processed: '2022-09-02 16:11:21', totalLabels: 18, printStatus: 2 });
    expect(batches.reduce((sum, b) => sum + b.totalLabels, 0)).toBe(186);
  });

  it('print_order: the doubled data', () => {
    const { rows: orders } = printOrderResponse.parse(fixture('print-order-response'));
    expect(orders.map((o) => o.invoice)).toEqual(['INV20220714MPL2488808764']);
  });

  it('an empty smart-order answer, encoded by PHP as [], is no drafts', () => {
    expect(smartOrderResponse.parse({ message: 'ok', data: [] })).toEqual([]);
  });

  it('a batch with a malformed timestamp is left out, naming the row and the field; the others are read', () => {
    const good = { processed: '2022-09-02 16:11:21', totalLabels: '1', printStatus: '0' };
    const read = processedListResponse.parse({ data: [good, { processed: '02/09/2022', totalLabels: '1', printStatus: '0' }] });
    expect(read.rows).toEqual([{ processed: '2022-09-02 16:11:21', totalLabels: 1, printStatus: 0 }]);
    expect(read.skipped).toEqual([{ index: 1, field: 'data[1].processed', problem: expect.stringContaining('2022-09-02 16:11:21'), label: '02/09/2022' }]);
  });

  it('a details row survives a first state that is not JSON, date strings and missing products', () => {
    const response = fixture('details-response') as { data: { order: Record<string, unknown>[]; products?: unknown } };
    const row = response.data.order[0] ?? {};
    response.data.order[0] = { ...row, order_first_state: '{broken', processed: '2022-10-12 09:00:00', awb: 'JP0000000001' };
    delete response.data.products;
    expect(orderRowsResponse.parse(response)).toMatchObject({ firstState: null, processed: '2022-10-12 09:00:00', awb: 'JP0000000001', products: [] });
  });

  it('an answer without an order row is refused at data.order[0]', () => {
    const result = orderRowsResponse.safeParse({ data: { order: [], products: [] } });
    expect(result.error?.issues[0]?.path).toEqual(['data', 'order', 0]);
  });
});

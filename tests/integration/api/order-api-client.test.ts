import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ApiNotFoundError } from '../../../electron/core/api/api-errors.ts';
import type { OrderInput } from '../../../electron/core/api/order-api.ts';
import { createOrderApiClient } from '../../../electron/core/api/order-api-client.ts';
import { createSimulator } from '../../../electron/simulator/create-simulator.ts';
import type { Simulator } from '../../../electron/simulator/simulator-types.ts';

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../../fixtures/api/${name}.json`, import.meta.url), 'utf8'));

let sim: Simulator;
const client = () => createOrderApiClient({ baseUrl: sim.baseUrl, userId: sim.userId, token: sim.token });

beforeAll(async () => {
  sim = await createSimulator({ seed: 42 });
});
afterAll(() => sim.close());
beforeEach(() => sim.reset());

describe('the order-API client against the simulator, over HTTP', () => {
  it('pages through orders, with the total of every match', async () => {
    const api = client();
    const first = await api.listOrders(0, 10);
    const second = await api.listOrders(10, 10);
    expect(first.orders).toHaveLength(10);
    expect(first.total).toBe(second.total);
    const ids = new Set([...first.orders, ...second.orders].map((o) => o.orderId));
    expect(ids.size).toBe(20);
  });

  it('filters by status and searches by text', async () => {
    const api = client();
    const processed = await api.listOrders(0, 500, { status: 'PROCESSED' });
    expect(processed.orders.length).toBeGreaterThan(0);
    expect(processed.orders.every((o) => o.status === 'PROCESSED' && o.processedAt !== null)).toBe(true);
    const target = processed.orders[3];
    if (!target) throw new Error('seed gives too few processed orders');
    const found = await api.listOrders(0, 10, { q: target.invoice });
    expect(found.orders.map((o) => o.orderId)).toContain(target.orderId);
    expect(found.total).toBeLessThan(processed.total);
  });

  it('counts orders per status, consistent with list', async () => {
    const api = client();
    const summary = await api.totalSummary();
    for (const status of ['NEW', 'PROCESSED', 'SENT', 'DRAFT'] as const) {
      expect((await api.listOrders(0, 1, { status })).total).toBe(summary[status]);
    }
  });

  it('lists print batches, and a batch’s orders are the PROCESSED orders at its timestamp', async () => {
    const api = client();
    const batches = await api.processedList();
    expect(new Set(batches.map((b) => b.printStatus))).toEqual(new Set([0, 1, 2]));
    const batch = batches[0];
    if (!batch) throw new Error('no batches');
    const processed = await api.listOrders(0, 1000, { status: 'PROCESSED' });
    expect(processed.orders.filter((o) => o.processedAt === batch.processed)).toHaveLength(batch.totalLabels);
  });

  it('lists exactly one batch’s orders by searching PROCESSED orders for its timestamp', async () => {
    const { processed, orderIds } = sim.addBatch(3);
    const page = await client().listOrders(0, 100, { status: 'PROCESSED', q: processed });
    expect(page.orders.map((o) => o.orderId).sort()).toEqual([...orderIds].sort());
  });

  it('searches batches by an invoice of one of their orders', async () => {
    const api = client();
    const { processed, orderIds } = sim.addBatch(2);
    const details = await api.orderDetails(orderIds[1] ?? '');
    const found = await api.processedList({ q: details.invoice });
    expect(found.map((b) => b.processed)).toEqual([processed]);
  });

  it('prints a batch: answers its orders, records the count, and a repeat is idempotent', async () => {
    const api = client();
    const { processed, orderIds } = sim.addBatch(3);
    const orders = await api.printOrder(processed, 1);
    expect(orders.map((o) => o.orderId).sort()).toEqual([...orderIds].sort());
    expect((await api.processedList()).find((b) => b.processed === processed)?.printStatus).toBe(1);
    await api.printOrder(processed, 1);
    expect((await api.processedList()).find((b) => b.processed === processed)?.printStatus).toBe(1);
    await api.printOrder(processed, 2);
    expect(sim.batches().find((b) => b.processed === processed)?.printStatus).toBe(2);
  });

  it('percent-encodes the batch timestamp in the path', async () => {
    const { processed } = sim.addBatch(1);
    await client().printOrder(processed, 1);
    const call = sim.calls().find((c) => c.call === 'print_order');
    expect(call?.path).toBe(`/public/order/orders/print_order/${sim.userId}/${processed.replace(' ', '%20').replaceAll(':', '%3A')}/1`);
  });

  it('an unknown batch is a not-found error naming print_order', async () => {
    const error = await client().printOrder('2001-01-01 00:00:00', 1).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiNotFoundError);
    expect((error as ApiNotFoundError).call).toBe('print_order');
    expect((error as ApiNotFoundError).status).toBe(404);
    expect((error as Error).message).toContain('No processed batch at 2001-01-01 00:00:00');
  });

  it('creates an order from the reference example, then reads it back in detail', async () => {
    const api = client();
    const input = fixture('create-request') as OrderInput;
    const created = await api.createOrder(input);
    expect(created).toMatchObject({ invoice: 'ANDI2022101112595401', awb: 'ABC-DE0001', status: 'NEW', printStatus: 0, customerName: 'Order Test #1' });
    expect(created.created).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    expect(created.firstState?.customer.postCode).toBe('33365');
    const details = await api.orderDetails(created.id);
    expect(details).toEqual(created);
    expect((await api.totalSummary()).NEW).toBe((await client().listOrders(0, 1, { status: 'NEW' })).total);
  });

  it('creates orders in a batch from the reference example', async () => {
    const api = client();
    const before = (await api.totalSummary()).NEW;
    const result = await api.batchCreate(fixture('batch-create-request') as OrderInput[]);
    expect(result.total).toBe(1);
    expect(result.invoices).toHaveLength(1);
    expect((await api.orderDetails(result.invoices[0] ?? '')).invoice).toBe('TESTCREATEDBY');
    expect((await api.totalSummary()).NEW).toBe(before + 1);
  });

  it('parses the reference marketplace export row as the reference answers it', async () => {
    const rows = fixture('smart-order-request') as (string | number)[][];
    const drafts = await client().smartOrderFetch({ rows, marketplace: 'shopee', shop: 'shop-1', excel: true, header: false });
    const expected = (fixture('smart-order-response') as { data: Record<string, Record<string, unknown>> }).data.TESTCREATEDBY;
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatchObject({
      invoice: expected?.invoice,
      awb: expected?.awb,
      shippingCost: 10000,
      note: expected?.note,
      customerName: expected?.customer_name,
      customerAddress: expected?.customer_address,
      rawText: expected?.rawText,
      products: [{ product: '', qty: 1, price: 50000, text: 'Samsung Galaxy A53 5G GKK Armor 360 Full Protective Slim Back Matte Cover Case Casing' }],
      courier: { courierId: '17cd69d0-0c3d-4886-9c93-7977000bade1', status: '1', text: 'Reguler (Cashless)-J&T Express' },
    });
  });

  it('sends POST fields form-encoded, each holding JSON', async () => {
    const input = fixture('create-request') as OrderInput;
    const sent: { type: string | null; body: string }[] = [];
    const recording: typeof fetch = async (url, init) => {
      sent.push({ type: new Headers(init?.headers).get('content-type'), body: String(init?.body) });
      return fetch(url, init);
    };
    await createOrderApiClient({ baseUrl: sim.baseUrl, userId: sim.userId, token: sim.token, fetch: recording }).createOrder(input);
    expect(sent[0]?.type).toBe('application/x-www-form-urlencoded');
    expect(JSON.parse(new URLSearchParams(sent[0]?.body).get('data') ?? '')).toEqual(input);
  });

  it('accepts a base URL with a trailing slash', async () => {
    const api = createOrderApiClient({ baseUrl: `${sim.baseUrl}/`, userId: sim.userId, token: sim.token });
    expect((await api.totalSummary()).DRAFT).toBeGreaterThan(0);
  });
});

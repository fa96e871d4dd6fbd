import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { rawRequest } from '../../support/raw-http.ts';
import { createSimulator } from '../../../electron/simulator/create-simulator.ts';
import type { Simulator } from '../../../electron/simulator/simulator-types.ts';

let sim: Simulator;

async function control(method: 'GET' | 'POST', action: string, body?: unknown): Promise<{ status: number; json: unknown }> {
  const response = await fetch(`${sim.adminUrl}/${action}`, { method, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: response.status, json: await response.json() };
}

async function api(method: 'GET' | 'POST', path: string, init: { token?: string | null; body?: string; type?: string } = {}) {
  const headers: Record<string, string> = {};
  const token = init.token === undefined ? sim.token : init.token;
  if (token !== null) headers.Authorization = `Bearer ${token}`;
  if (init.type) headers['Content-Type'] = init.type;
  const response = await fetch(`${sim.baseUrl}/${path}`, { method, headers, body: init.body });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

beforeAll(async () => {
  sim = await createSimulator({ seed: 8 });
});
afterAll(() => sim.close());
beforeEach(() => sim.reset());

describe('the simulator’s /__sim control surface, over HTTP', () => {
  it('adds a batch of new orders, never printed, that the API then lists', async () => {
    const added = await control('POST', 'batches', { orders: 4 });
    expect(added.status).toBe(201);
    const { processed, orderIds } = added.json as { processed: string; orderIds: string[] };
    expect(orderIds).toHaveLength(4);
    const batches = (await control('GET', 'batches')).json as { processed: string; totalLabels: number; printStatus: number }[];
    expect(batches[0]).toMatchObject({ processed, totalLabels: 4, printStatus: 0 });
    const listed = await api('GET', `order/orders/processed_list/${sim.userId}`);
    expect((listed.json.data as unknown[])[0]).toEqual({ totalLabels: '4', printStatus: '0', processed });
  });

  it('records every API call in order, print_status included', async () => {
    const { processed } = sim.addBatch(1);
    await api('POST', `order/orders/print_order/${sim.userId}/${encodeURIComponent(processed)}/1`);
    await api('GET', `order/orders/total_summary/${sim.userId}`, { token: null });
    const calls = (await control('GET', 'calls')).json as { method: string; path: string; status: number; call: string; at: string }[];
    expect(calls.map((c) => [c.method, c.call, c.status])).toEqual([
      ['POST', 'print_order', 200],
      ['GET', 'total_summary', 401],
    ]);
    expect(calls[0]?.path).toMatch(/\/1$/);
    expect(Date.parse(calls[1]?.at ?? '')).not.toBeNaN();
  });

  it('arms faults for a route, for the given number of calls', async () => {
    expect((await control('POST', 'faults', { route: 'total_summary', mode: '500', times: 2 })).status).toBe(201);
    const path = `order/orders/total_summary/${sim.userId}`;
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await fetch(`${sim.baseUrl}/${path}`, { headers: { Authorization: `Bearer ${sim.token}` } })).status);
    expect(statuses).toEqual([500, 500, 200]);
  });

  it('refuses a fault it does not know, saying what it accepts', async () => {
    const refused = await control('POST', 'faults', { route: 'print', mode: 'explode' });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.json)).toContain('route must be one of list, total_summary');
  });

  it('resets to the seeded data', async () => {
    const before = (await control('GET', 'batches')).json;
    await control('POST', 'batches', { orders: 2 });
    expect((await control('POST', 'reset')).status).toBe(200);
    expect((await control('GET', 'batches')).json).toEqual(before);
    expect((await control('GET', 'calls')).json).toEqual([]);
  });
});

describe('the simulated API over HTTP', () => {
  it('answers 401 with a JSON message without the token, and with a wrong one', async () => {
    const path = `order/orders/processed_list/${sim.userId}`;
    for (const token of [null, 'nope']) {
      const answer = await api('GET', path, { token });
      expect(answer.status).toBe(401);
      expect(answer.json.message).toEqual(expect.any(String));
    }
  });

  it('accepts create as a form with a JSON field and as a JSON body alike', async () => {
    const input = {
      customer: { name: 'Siti Rahayu', phone: '6281234567890', address: 'Jl. Kenanga No. 3' },
      sender: { name: 'Toko Maju', phone: '6281111111111' },
      order: { invoice: 'INV-FORM-1', courierName: 'JNE(OKE)', shippingCost: '9000', shopName: 'Toko Maju', totalCost: 20000 },
      details: [{ qty: 1, productPrice: 20000, totalPrice: 20000, productName: 'Ring Holder Magnetic Hitam' }],
    };
    const path = `order/orders/create/${sim.userId}`;
    const form = await api('POST', path, { body: new URLSearchParams({ data: JSON.stringify(input) }).toString(), type: 'application/x-www-form-urlencoded' });
    const json = await api('POST', path, { body: JSON.stringify({ data: { ...input, order: { ...input.order, invoice: 'INV-JSON-1' } } }), type: 'application/json' });
    expect([form.status, json.status]).toEqual([200, 200]);
    const invoiceOf = (answer: { json: Record<string, unknown> }) => ((answer.json.data as { order: { invoice: string }[] }).order[0]?.invoice);
    expect([invoiceOf(form), invoiceOf(json)]).toEqual(['INV-FORM-1', 'INV-JSON-1']);
  });

  it('refuses an order without a customer name, saying which field', async () => {
    const answer = await api('POST', `order/orders/create/${sim.userId}`, {
      body: JSON.stringify({ data: { customer: { name: '', phone: '', address: 'x' }, sender: {}, order: {}, details: [] } }),
      type: 'application/json',
    });
    expect(answer.status).toBe(400);
    expect(answer.json.message).toContain('customer.name');
  });

  it('answers an unknown route with 404 JSON', async () => {
    const answer = await api('GET', 'order/orders/nothing_here');
    expect(answer.status).toBe(404);
    expect(answer.json.message).toContain('Route not found');
  });
});

describe('a malformed path', () => {
  it('is a 400 with a message, not a crash', async () => {
    const response = await fetch(`${sim.baseUrl}/order/orders/print_order/${sim.userId}/%E0%A4%A/1`, { method: 'POST' });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { message: string }).message).toContain('percent-encoding');
  });
});

describe('an unparsable request target', () => {
  it('is a 400, and the simulator goes on serving', async () => {
    const port = Number(new URL(sim.baseUrl).port);
    const answer = await rawRequest(port, 'http://[', {});
    expect(answer.status).toBe(400);
    expect((await api('GET', `order/orders/total_summary/${sim.userId}`)).status).toBe(200);
  });
});

import { createServer } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  ApiAuthError,
  ApiError,
  ApiNetworkError,
  ApiProtocolError,
  ApiServerError,
  ApiTimeoutError,
} from '../../../electron/core/api/api-errors.ts';
import { createOrderApiClient, type OrderApiClientOptions } from '../../../electron/core/api/order-api-client.ts';
import { createSimulator } from '../../../electron/simulator/create-simulator.ts';
import type { Simulator } from '../../../electron/simulator/simulator-types.ts';

let sim: Simulator;
let sleeps: number[];

/** A client whose backoff waits are recorded, not slept. */
function client(overrides: Partial<OrderApiClientOptions> = {}) {
  return createOrderApiClient({
    baseUrl: sim.baseUrl,
    userId: sim.userId,
    token: sim.token,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0.5,
    ...overrides,
  });
}

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(error)}`);
  return error;
}

function expectNoToken(error: Error, token: string): void {
  expect(error.message).not.toContain(token);
  expect(String(error)).not.toContain(token);
  expect(JSON.stringify(error)).not.toContain(token);
  expect(error.stack ?? '').not.toContain(token);
}

const callsOf = (call: string) => sim.calls().filter((c) => c.call === call);

beforeAll(async () => {
  sim = await createSimulator({ seed: 3 });
});
afterAll(() => sim.close());
beforeEach(() => {
  sim.reset();
  sleeps = [];
});

describe('every error class, through the simulator’s faults', () => {
  it('5xx: a GET is retried with growing backoff, then fails as a server error', async () => {
    sim.addFault({ route: 'processed_list', mode: '500', times: 10 });
    const error = await failure(client({ retries: 3 }).processedList());
    expect(error).toBeInstanceOf(ApiServerError);
    expect(error.status).toBe(500);
    expect(error.message).toContain('processed_list');
    expect(error.bodyExcerpt).toContain('500 Internal Server Error');
    expect(callsOf('processed_list')).toHaveLength(4);
    expect(sleeps).toEqual([500, 1000, 2000]);
  });

  it('a GET that fails transiently then succeeds answers normally', async () => {
    sim.addFault({ route: 'total_summary', mode: '500', times: 2 });
    const summary = await client().totalSummary();
    expect(summary.NEW).toBeGreaterThan(0);
    expect(callsOf('total_summary').map((c) => c.status)).toEqual([500, 500, 200]);
  });

  it('backoff is jittered by the injected randomness', async () => {
    sim.addFault({ route: 'list', mode: '500', times: 2 });
    await client({ random: () => 0 }).listOrders(0, 5);
    expect(sleeps).toEqual([250, 500]);
  });

  it('a POST is never retried, even on a 5xx', async () => {
    const { processed } = sim.addBatch(2);
    sim.addFault({ route: 'print_order', mode: '500', times: 5 });
    const error = await failure(client().printOrder(processed, 1));
    expect(error).toBeInstanceOf(ApiServerError);
    expect(callsOf('print_order')).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it('hang: the request times out, and a GET tries again', async () => {
    sim.addFault({ route: 'processed_list', mode: 'hang', times: 2 });
    const error = await failure(client({ timeoutMs: 150, retries: 1 }).processedList());
    expect(error).toBeInstanceOf(ApiTimeoutError);
    expect(error.status).toBeNull();
    expect(error.message).toContain('150 ms');
    expect(callsOf('processed_list')).toHaveLength(2);
  });

  it('malformed JSON is a protocol error, not retried', async () => {
    sim.addFault({ route: 'processed_list', mode: 'malformed', times: 1 });
    const error = await failure(client().processedList());
    expect(error).toBeInstanceOf(ApiProtocolError);
    expect(error.message).toContain('not JSON');
    expect(error.status).toBe(200);
    expect(callsOf('processed_list')).toHaveLength(1);
  });

  it('JSON of the wrong shape is a protocol error naming the field', async () => {
    const wrongShape: typeof fetch = async () => new Response(JSON.stringify({ data: { processed: '2022-09-02 16:11:21', totalLabels: 'many' } }));
    const error = await failure(client({ fetch: wrongShape }).processedList());
    expect(error).toBeInstanceOf(ApiProtocolError);
    expect((error as ApiProtocolError).field).toBe('data');
    expect(error.message).toContain('data: expected array');
  });

  it('one malformed row is left out and reported with its field; the rest of the answer is read', async () => {
    const rows = [
      { processed: '2022-09-02 16:11:21', totalLabels: 'many', printStatus: '0' },
      { processed: '2022-09-02 16:12:00', totalLabels: '3', printStatus: '0' },
    ];
    const reports: unknown[] = [];
    const oneBadRow: typeof fetch = async () => new Response(JSON.stringify({ data: rows }));
    const batches = await client({ fetch: oneBadRow, onSkippedRows: (report) => reports.push(report) }).processedList();
    expect(batches).toEqual([{ processed: '2022-09-02 16:12:00', totalLabels: 3, printStatus: 0 }]);
    expect(reports).toEqual([
      {
        call: 'processed_list',
        processed: null,
        printStatus: null,
        rows: [{ index: 0, field: 'data[0].totalLabels', problem: expect.stringContaining('expected a number'), label: '2022-09-02 16:11:21' }],
      },
    ]);
  });

  it('401 injected: an auth error telling the operator to paste a new token', async () => {
    sim.addFault({ route: '*', mode: '401', times: 1 });
    const error = await failure(client().processedList());
    expect(error).toBeInstanceOf(ApiAuthError);
    expect(error.status).toBe(401);
    expect(error.message).toContain('paste a new token in Settings');
    expect(callsOf('processed_list')).toHaveLength(1);
  });

  it('a wrong token, or a token for another user, is refused without retry', async () => {
    const wrongToken = 'sim-wrong-token-0123456789';
    const error = await failure(client({ token: wrongToken }).listOrders(0, 1));
    expect(error).toBeInstanceOf(ApiAuthError);
    expect(error.status).toBe(401);
    expectNoToken(error, wrongToken);
    const otherUser = await failure(client({ userId: '00000000-0000-4000-8000-000000000000' }).listOrders(0, 1));
    expect(otherUser).toBeInstanceOf(ApiAuthError);
    expect(otherUser.status).toBe(403);
  });

  it('reset on print_order: the print count is committed, the client sees a network error', async () => {
    const { processed } = sim.addBatch(2);
    sim.addFault({ route: 'print_order', mode: 'reset', times: 1 });
    const error = await failure(client().printOrder(processed, 1));
    expect(error).toBeInstanceOf(ApiNetworkError);
    expect(error.status).toBeNull();
    expect(sim.batches().find((b) => b.processed === processed)?.printStatus).toBe(1);
    // The station's retry with the same target is idempotent.
    expect(await client().printOrder(processed, 1)).toHaveLength(2);
    expect(sim.batches().find((b) => b.processed === processed)?.printStatus).toBe(1);
  });

  it('nothing listening: a network error that says what to check', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as { port: number };
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const error = await failure(client({ baseUrl: `http://127.0.0.1:${port}/public`, retries: 2 }).totalSummary());
    expect(error).toBeInstanceOf(ApiNetworkError);
    expect(error.message).toContain('ECONNREFUSED');
    expect(error.message).toContain('server address in Settings');
    expect(sleeps).toHaveLength(2);
  });

  it('no error ever carries the token, even when the server echoes it', async () => {
    const token = sim.token;
    const echo: typeof fetch = async (_url, init) =>
      new Response(`bad gateway for ${new Headers(init?.headers).get('authorization') ?? ''}`, { status: 502 });
    const errors: ApiError[] = [await failure(client({ fetch: echo, retries: 0 }).totalSummary())];
    for (const mode of ['500', 'malformed', '401', 'reset', 'hang'] as const) {
      sim.addFault({ route: 'total_summary', mode, times: 1 });
      errors.push(await failure(client({ retries: 0, timeoutMs: 100 }).totalSummary()));
    }
    expect(errors.map((e) => e.name)).toEqual(['ApiServerError', 'ApiServerError', 'ApiProtocolError', 'ApiAuthError', 'ApiNetworkError', 'ApiTimeoutError']);
    expect(errors[0]?.bodyExcerpt).toContain('[token]');
    for (const error of errors) {
      expectNoToken(error, token);
      expect(error.path).toContain(sim.userId);
      expect(error.bodyExcerpt.length).toBeLessThanOrEqual(200);
    }
  });
});

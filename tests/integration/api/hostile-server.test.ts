import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ApiError, ApiRedirectError, ApiTooLargeError } from '../../../electron/core/api/api-errors.ts';
import { createOrderApiClient, defaultMaxResponseBytes, type OrderApiClientOptions } from '../../../electron/core/api/order-api-client.ts';
import { createSimulator } from '../../../electron/simulator/create-simulator.ts';
import type { Simulator } from '../../../electron/simulator/simulator-types.ts';
import { startRewritingProxy, type RewritingProxy } from '../../support/rewriting-proxy.ts';

let sim: Simulator;
let proxy: RewritingProxy;
/** A second server where a followed redirect would land, with the token. */
let trap: Server;
let trapRequests: { url: string; authorization: string | undefined }[];
let trapOrigin: string;

const client = (overrides: Partial<OrderApiClientOptions> = {}) =>
  createOrderApiClient({ baseUrl: proxy.baseUrl, userId: sim.userId, token: sim.token, sleep: async () => undefined, ...overrides });

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(error)}`);
  return error;
}

/** `total` bytes of a JSON-looking body, made as it is read: the test never holds it. */
function hugeBody(total: number): () => Readable {
  const chunk = Buffer.alloc(64 * 1024, 'a');
  return () =>
    Readable.from(
      (function* () {
        yield Buffer.from('{"data":"');
        for (let sent = 0; sent < total; sent += chunk.length) yield chunk;
        yield Buffer.from('"}');
      })(),
    );
}

beforeAll(async () => {
  sim = await createSimulator({ seed: 5 });
  proxy = await startRewritingProxy(sim.baseUrl);
  trap = createServer((req, res) => {
    trapRequests.push({ url: req.url ?? '', authorization: req.headers.authorization });
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"data":[]}');
  });
  await new Promise<void>((resolve) => trap.listen(0, '127.0.0.1', resolve));
  trapOrigin = `http://127.0.0.1:${(trap.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await proxy.close();
  await sim.close();
  await new Promise<void>((resolve) => trap.close(() => resolve()));
});
beforeEach(() => {
  sim.reset();
  proxy.clear();
  trapRequests = [];
});

describe('a server that redirects', () => {
  it.each([301, 302, 307, 308])('%i on a poll: refused as a wrong address, never followed, the token stays here', async (status) => {
    proxy.rewrite('processed_list', () => ({ status, headers: { location: `${trapOrigin}/public/order/orders/processed_list/${sim.userId}` }, text: '' }));
    const error = await failure(client({ retries: 3 }).processedList());
    expect(error).toBeInstanceOf(ApiRedirectError);
    expect(error.status).toBe(status);
    expect(error.transient).toBe(false);
    expect(error.message).toContain('server address in Settings is wrong');
    expect(error.message).toContain(trapOrigin);
    expect(error.message).not.toContain(sim.token);
    expect(trapRequests).toEqual([]);
    expect(proxy.calls().filter((c) => c.call === 'processed_list')).toHaveLength(1);
  });

  it('a redirect on print_order: refused, and the batch is not claimed elsewhere', async () => {
    const { processed } = sim.addBatch(2);
    proxy.rewrite('print_order', () => ({ status: 302, headers: { location: `${trapOrigin}/steal` }, text: '' }));
    const error = await failure(client().printOrder(processed, 1));
    expect(error).toBeInstanceOf(ApiRedirectError);
    expect(trapRequests).toEqual([]);
  });
});

describe('a server that answers far too much', () => {
  it('a Content-Length past the cap is refused before the body is read', async () => {
    const size = 300 * 1024 * 1024;
    proxy.rewrite('processed_list', () => ({ headers: { 'content-length': String(size + 11) }, stream: hugeBody(size) }));
    const error = await failure(client().processedList());
    expect(error).toBeInstanceOf(ApiTooLargeError);
    expect(error.message).toContain('larger than 32 MB');
    expect((error as ApiTooLargeError).limitBytes).toBe(defaultMaxResponseBytes);
    // What left the server is what sat in socket buffers, not the 300 MB.
    expect(proxy.calls().find((c) => c.call === 'processed_list')?.bytesSent).toBeLessThan(defaultMaxResponseBytes);
  });

  it('a body with no length that grows past the cap is cut off while reading, not retried', async () => {
    const size = 300 * 1024 * 1024;
    proxy.rewrite('processed_list', () => ({ stream: hugeBody(size) }));
    const error = await failure(client({ retries: 3 }).processedList());
    expect(error).toBeInstanceOf(ApiTooLargeError);
    const sent = proxy.calls().filter((c) => c.call === 'processed_list');
    expect(sent).toHaveLength(1);
    expect(sent[0]?.bytesSent).toBeLessThan(defaultMaxResponseBytes + 16 * 1024 * 1024);
  });

  it('a smaller cap applies the same way to print_order, whose answer is the commit point', async () => {
    const { processed } = sim.addBatch(3);
    proxy.rewrite('print_order', () => ({ stream: hugeBody(8 * 1024 * 1024) }));
    const error = await failure(client({ maxResponseBytes: 1024 * 1024 }).printOrder(processed, 1));
    expect(error).toBeInstanceOf(ApiTooLargeError);
    expect(error.message).toContain('larger than 1 MB');
  });

  it('an answer under the cap reads as before', async () => {
    const batches = await client({ maxResponseBytes: 64 * 1024 }).processedList();
    expect(batches.length).toBeGreaterThan(0);
  });
});

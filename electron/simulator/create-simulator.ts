import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { handleAdmin } from './admin-routes.ts';
import { matchApiRoute, type MatchedRoute } from './api-routes.ts';
import { createFaultBook, type FaultMode } from './sim-faults.ts';
import { HttpError, isLoopback, readFields, sendJson } from './sim-http.ts';
import { createSimStore, type SimStore } from './sim-store.ts';
import type { SimCall, Simulator } from './simulator-types.ts';
import { createSuppliedLabelBook, labelPathPrefix, type SuppliedLabelBook } from './labels/supplied-label-route.ts';

export interface SimulatorOptions {
  /** Same seed, same data (and the same user id and token). Default 1. */
  seed?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Epoch milliseconds; batch timestamps and call times come from it. */
  clock?: () => number;
  /**
   * The share (0–1) of seeded orders that carry a supplied label (`labelImage`); 0, the default,
   * keeps the seeded data as it always was. Which orders is drawn from their ids: same seed, same share.
   */
  suppliedShare?: number;
}

const apiPrefix = '/public/';
const adminPrefix = '/__sim';

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new HttpError(400, `Bad percent-encoding in the path: ${segment.slice(0, 40)}`);
  }
}

/** The fault's answer, for the modes that answer without running the call. */
function faultAnswer(mode: FaultMode): { status: number; text: string } | undefined {
  if (mode === '500') return { status: 500, text: '<html><body><h1>500 Internal Server Error</h1></body></html>' };
  if (mode === '401') return { status: 401, text: '{"message":"Unauthenticated."}' };
  if (mode === 'malformed') return { status: 200, text: '{"message":"data retrieved successfully","data":[{"totalLab' };
  return undefined;
}

/** A list answer with one unreadable row added at its end; other answers as they are. */
function withBadRow(body: unknown): unknown {
  if (typeof body !== 'object' || body === null || !('data' in body) || !Array.isArray(body.data)) return body;
  return { ...body, data: [...(body.data as unknown[]), { unreadable: 'this row has none of the fields' }] };
}

/** Starts a faithful order-API simulator on node:http (see `Simulator`). */
export async function createSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const seed = options.seed ?? 1;
  const now = options.clock ?? Date.now;
  let store: SimStore = createSimStore(seed, now);
  const faults = createFaultBook();
  let calls: SimCall[] = [];
  let labels: SuppliedLabelBook | undefined;
  const labelOrders = (origin: string): SuppliedLabelBook => {
    const book = createSuppliedLabelBook(origin);
    const share = options.suppliedShare ?? 0;
    if (share > 0) for (const order of store.list(0, Number.MAX_SAFE_INTEGER, {}).orders) book.assign(order, { share });
    return book;
  };

  async function serveApi(
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    matched: MatchedRoute | undefined,
    call: SimCall,
  ): Promise<number | null> {
    if (!matched) throw new HttpError(404, `Route not found: ${url.pathname}`);
    const { route, params } = matched;
    if (req.method !== route.method) throw new HttpError(405, `Method not allowed: ${route.call} takes ${route.method}`);
    const mode = faults.take(route.call);
    call.fault = mode ?? null;
    if (mode === 'hang') return null;
    const injected = mode && faultAnswer(mode);
    if (injected) {
      res.writeHead(injected.status, { 'Content-Type': mode === '500' ? 'text/html' : 'application/json' }).end(injected.text);
      return injected.status;
    }
    const auth = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '');
    if (auth?.[1] !== store.token) throw new HttpError(401, 'Unauthenticated.');
    if (params[0] !== store.userId) throw new HttpError(403, 'This token does not belong to that user.');
    const answer = await route.handle(store, { params, query: url.searchParams, fields: () => readFields(req) });
    if (mode === 'reset') {
      // The work is done (committed); the client never hears of it.
      req.socket.destroy();
      return null;
    }
    sendJson(res, answer.status, mode === 'bad-row' ? withBadRow(answer.body) : answer.body);
    return answer.status;
  }

  const server = createServer((req, res) => {
    // `new URL` throws on targets such as `http://[`: outside the async body that would end the process.
    const url = URL.parse(req.url ?? '/', 'http://simulator');
    if (!url) {
      sendJson(res, 400, { message: 'The request target is not a valid URL' });
      return;
    }
    void (async () => {
      if (url.pathname === adminPrefix || url.pathname.startsWith(`${adminPrefix}/`)) {
        if (!isLoopback(req.socket.remoteAddress)) throw new HttpError(403, 'The control surface answers loopback only');
        await handleAdmin(sim, req, res, url.pathname.slice(adminPrefix.length + 1));
        return;
      }
      if (url.pathname.startsWith(labelPathPrefix) && labels) {
        const call: SimCall = { method: req.method ?? '', path: req.url ?? '', call: null, status: null, fault: null, at: new Date(now()).toISOString() };
        calls.push(call);
        const mode = faults.take('label');
        call.fault = mode ?? null;
        call.status = await labels.serve(req, res, url.pathname.slice(labelPathPrefix.length), mode);
        return;
      }
      const segments = url.pathname.startsWith(apiPrefix) ? url.pathname.slice(apiPrefix.length).split('/').map(decodeSegment) : [];
      const matched = matchApiRoute(segments);
      const call: SimCall = { method: req.method ?? '', path: req.url ?? '', call: matched?.route.call ?? null, status: null, fault: null, at: new Date(now()).toISOString() };
      calls.push(call);
      try {
        call.status = await serveApi(req, res, url, matched, call);
      } catch (error) {
        call.status = error instanceof HttpError ? error.status : 500;
        throw error;
      }
    })().catch((error: unknown) => {
      if (res.headersSent || res.destroyed) return;
      if (error instanceof HttpError) sendJson(res, error.status, { message: error.message });
      else sendJson(res, 500, { message: `Simulator error: ${error instanceof Error ? error.message : String(error)}` });
    });
  });

  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const reachableHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  const origin = `http://${reachableHost}:${port}`;
  labels = labelOrders(origin);
  const book = (): SuppliedLabelBook => labels ?? labelOrders(origin);

  const sim: Simulator = {
    baseUrl: `${origin}/public`,
    adminUrl: `${origin}${adminPrefix}`,
    port,
    userId: store.userId,
    token: store.token,
    addBatch(orders, batchOptions) {
      const added = store.addBatch(orders);
      const kinds = batchOptions?.supplied ?? [];
      added.orderIds.forEach((id, i) => {
        const kind = kinds.length > 0 ? kinds[i % kinds.length] : null;
        const order = store.find(id);
        if (kind && order) book().assign(order, { kind });
      });
      return added;
    },
    suppliedLabel: (orderId) => book().plan(orderId),
    batches: () =>
      store.batches().map((b) => ({ processed: b.processed, totalLabels: b.orderIds.length, printStatus: b.printStatus, orderIds: b.orderIds })),
    calls: () => calls.map((c) => ({ ...c })),
    addFault: (fault) => faults.add(fault),
    faults: () => faults.pending(),
    reset() {
      store = createSimStore(seed, now);
      labels = labelOrders(origin);
      calls = [];
      faults.clear();
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Hanging requests and idle keep-alive sockets would hold close() open.
        server.closeAllConnections();
      }),
  };
  return sim;
}

import { createServer, request as httpRequest, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Readable } from 'node:stream';
import type { ApiCallName } from '../../electron/core/api/api-errors.ts';
import { matchApiRoute } from '../../electron/simulator/api-routes.ts';

/**
 * A loopback HTTP proxy in front of the simulator that lets a test play a broken or hostile
 * backend: it forwards every request and hands chosen routes' answers to a rewriter first
 * (fewer or repeated orders, a bad value, a huge body, a redirect, a shifted clock).
 */

export interface ProxiedAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  /** The body parsed, or undefined when it is not JSON. */
  json: unknown;
}

/** What goes back to the client instead: JSON, raw text, or a stream (for bodies too big to hold). */
export type Replacement =
  | { status?: number; headers?: Record<string, string>; json: unknown }
  | { status?: number; headers?: Record<string, string>; text: string }
  | { status?: number; headers?: Record<string, string>; stream: () => Readable };

export type Rewriter = (answer: ProxiedAnswer, path: string) => Replacement;

export interface ProxyCall {
  call: ApiCallName | null;
  path: string;
  status: number | null;
  /** Body bytes the proxy managed to hand to the client's socket before it closed. */
  bytesSent: number;
}

export interface RewritingProxy {
  /** Use as the API address: `http://127.0.0.1:PORT/public`. */
  baseUrl: string;
  origin: string;
  /** Rewrites the answers of `route`, the next `times` ones (default: until `clear`). */
  rewrite(route: ApiCallName, rewriter: Rewriter, times?: number): void;
  /** Rewrites the path of requests to `route` before forwarding (a clock shift maps them back). */
  rewritePath(route: ApiCallName, rewriter: (path: string) => string): void;
  /** Forgets the rewrites and the calls seen. */
  clear(): void;
  calls(): ProxyCall[];
  close(): Promise<void>;
}

function callOf(path: string): ApiCallName | null {
  const pathname = path.split('?')[0] ?? '';
  if (!pathname.startsWith('/public/')) return null;
  const segments = pathname.slice('/public/'.length).split('/').map((s) => {
    try {
      return decodeURIComponent(s);
    } catch {
      return s;
    }
  });
  return matchApiRoute(segments)?.route.call ?? null;
}

function readAll(stream: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Writes a stream to the client honouring backpressure, counting what the socket took. */
function pipeCounting(source: Readable, res: ServerResponse, call: ProxyCall): void {
  source.on('data', (chunk: Buffer) => {
    if (res.destroyed) {
      source.destroy();
      return;
    }
    call.bytesSent += chunk.length;
    if (!res.write(chunk)) source.pause();
  });
  res.on('drain', () => source.resume());
  res.on('close', () => source.destroy());
  source.on('end', () => res.end());
}

export async function startRewritingProxy(target: string): Promise<RewritingProxy> {
  const upstream = new URL(target);
  const rewriters = new Map<ApiCallName, { rewriter: Rewriter; times: number }>();
  const pathRewriters = new Map<ApiCallName, (path: string) => string>();
  const calls: ProxyCall[] = [];

  const forward = (req: IncomingMessage, path: string, body: Buffer): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> =>
    new Promise((resolve, reject) => {
      const out = httpRequest(
        { host: upstream.hostname, port: upstream.port, method: req.method, path, headers: { ...req.headers, host: upstream.host } },
        (answer) => {
          readAll(answer).then((bytes) => resolve({ status: answer.statusCode ?? 502, headers: answer.headers, body: bytes }), reject);
        },
      );
      out.on('error', reject);
      out.end(body);
    });

  const server = createServer((req, res) => {
    const path = req.url ?? '/';
    const call: ProxyCall = { call: callOf(path), path, status: null, bytesSent: 0 };
    calls.push(call);
    void (async () => {
      const body = await readAll(req);
      const pathRewriter = call.call ? pathRewriters.get(call.call) : undefined;
      const answer = await forward(req, pathRewriter ? pathRewriter(path) : path, body);
      const entry = call.call ? rewriters.get(call.call) : undefined;
      if (!entry) {
        call.status = answer.status;
        call.bytesSent = answer.body.length;
        res.writeHead(answer.status, { 'content-type': answer.headers['content-type'] ?? 'application/json' }).end(answer.body);
        return;
      }
      entry.times -= 1;
      if (entry.times <= 0 && call.call) rewriters.delete(call.call);
      const text = answer.body.toString('utf8');
      const replacement = entry.rewriter({ status: answer.status, headers: answer.headers, text, json: parseJson(text) }, path);
      call.status = replacement.status ?? answer.status;
      if ('stream' in replacement) {
        res.writeHead(call.status, { 'content-type': 'application/json', ...replacement.headers });
        pipeCounting(replacement.stream(), res, call);
        return;
      }
      const out = 'json' in replacement ? JSON.stringify(replacement.json) : replacement.text;
      call.bytesSent = Buffer.byteLength(out);
      res.writeHead(call.status, { 'content-type': 'application/json', ...replacement.headers }).end(out);
    })().catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(502).end(`proxy error: ${error instanceof Error ? error.message : String(error)}`);
      else res.destroy();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    baseUrl: `${origin}/public`,
    origin,
    rewrite: (route, rewriter, times = Number.POSITIVE_INFINITY) => void rewriters.set(route, { rewriter, times }),
    rewritePath: (route, rewriter) => void pathRewriters.set(route, rewriter),
    clear: () => {
      rewriters.clear();
      pathRewriters.clear();
      calls.length = 0;
    },
    calls: () => calls.map((c) => ({ ...c })),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type JsonObject = { [key: string]: unknown };

function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Where the rows sit in an answer: print_order's `data.data`, or `data` for list and processed_list. */
function rowsOf(json: unknown): { holder: JsonObject; key: string } | undefined {
  if (!isObject(json)) return undefined;
  if (isObject(json.data) && Array.isArray(json.data.data)) return { holder: json.data, key: 'data' };
  if (Array.isArray(json.data)) return { holder: json, key: 'data' };
  return undefined;
}

/** Rewrites the rows of an answer (order records, or processed_list's batches), keeping the rest. */
export function editRows(edit: (rows: JsonObject[]) => unknown[]): Rewriter {
  return (answer) => {
    const json: unknown = structuredClone(answer.json);
    const found = rowsOf(json);
    if (!found) return { status: answer.status, text: answer.text };
    const rows = found.holder[found.key] as JsonObject[];
    found.holder[found.key] = edit(rows);
    return { status: answer.status, json };
  };
}

/** The `order` part of an order record, for edits. */
export function orderPart(record: JsonObject): JsonObject {
  if (!isObject(record.order)) throw new Error('not an order record');
  return record.order;
}

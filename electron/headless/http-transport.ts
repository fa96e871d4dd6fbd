import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import { stationEventNames, type StationApi } from '../shared/station-api.ts';
import { callStationMethod, StationCallError, toStationError } from '../shared/station-transport.ts';
import { bearer, hostAllowed, loopbackHost as host, offeredProtocolToken, originAllowed, refuseSocket, requestPath } from './http-request-guards.ts';

/**
 * The headless transport: the StationApi over loopback HTTP (`POST /api/<method>`, JSON in and
 * out) and one WebSocket (`/events`) carrying every event, plus the built renderer as static
 * files. Calls and events need the access token; the static files do not (they hold no data,
 * and the page reads the token from its URL fragment, which browsers never send).
 */

export interface HttpTransportOptions {
  api: StationApi;
  /** Where the built renderer lives (`dist/renderer`). */
  staticDir: string;
  /** 0 picks a free port. */
  port?: number;
  /** Given by tests; otherwise 32 random bytes. */
  token?: string;
  logger?: { info(message: string): void; warn(message: string): void };
  /** Pings idle WebSockets so a vanished browser is noticed (ms). */
  heartbeatMs?: number;
}

export interface HttpTransport {
  port: number;
  token: string;
  /** The address to open: the token rides in the fragment. */
  url: string;
  close(): Promise<void>;
}

const maxBodyBytes = 2 * 1024 * 1024;
const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
};

export function contentSecurityPolicy(port: number): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self' ws://${host}:${port} ws://localhost:${port}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

/** Constant-time comparison: hashing first makes the lengths equal and hides the real one. */
export function tokenMatches(expected: string, offered: string | undefined): boolean {
  return offered !== undefined && timingSafeEqual(digest(expected), digest(offered));
}

/** Errors a caller caused with what it sent (a refused argument, a job in the wrong state): 400, not 500. */
const callerErrorNames = new Set(['StationCallError', 'StationInputError', 'BatchStateError', 'JobTransitionError', 'OperatorError']);

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  if (response.headersSent || response.destroyed) return;
  let text: string;
  try {
    text = JSON.stringify(body);
  } catch (error) {
    status = 500;
    text = JSON.stringify(toStationError(error));
  }
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  response.end(text);
}

/** The client went away mid-body: there is no one to answer. */
class RequestAbortedError extends Error {}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  if (Number(request.headers['content-length'] ?? 0) > maxBodyBytes) throw new StationCallError('the request body is larger than 2 MB');
  try {
    for await (const chunk of request as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > maxBodyBytes) throw new StationCallError('the request body is larger than 2 MB');
      chunks.push(chunk);
    }
  } catch (error) {
    if (error instanceof StationCallError) throw error;
    throw new RequestAbortedError('the client closed the request', { cause: error });
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new StationCallError('the request body is not JSON');
  }
}

/** `path` is already decoded (see `requestPath`). */
async function serveStatic(staticDir: string, path: string, response: ServerResponse): Promise<void> {
  const relative = normalize(path === '/' ? '/index.html' : path).replace(/^([/\\])+/, '');
  const file = join(staticDir, relative);
  if (!file.startsWith(staticDir + sep)) return sendJson(response, 404, { name: 'NotFound', message: 'no such file' });
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) return sendJson(response, 404, { name: 'NotFound', message: 'no such file' });
  response.writeHead(200, {
    'content-type': contentTypes[extname(file)] ?? 'application/octet-stream',
    'content-length': info.size,
    'cache-control': relative.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  // The file can vanish between stat and read: end this answer, not the process.
  createReadStream(file).on('error', () => response.destroy()).pipe(response);
}

export async function startHttpTransport(options: HttpTransportOptions): Promise<HttpTransport> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  const staticDir = resolve(options.staticDir);
  let port = 0;

  const server = createServer((request, response) => {
    response.setHeader('content-security-policy', contentSecurityPolicy(port));
    response.setHeader('x-content-type-options', 'nosniff');
    response.setHeader('referrer-policy', 'no-referrer');
    response.setHeader('x-frame-options', 'DENY');
    if (!hostAllowed(request, port)) return sendJson(response, 421, { name: 'MisdirectedRequest', message: 'wrong host' });
    const path = requestPath(request);
    if (path === null) return sendJson(response, 400, { name: 'BadRequest', message: 'the request target is not a path this server can read' });
    if (path.startsWith('/api/')) {
      if (request.method !== 'POST') return sendJson(response, 405, { name: 'MethodNotAllowed', message: 'calls are POST' });
      if (!originAllowed(request, port)) return sendJson(response, 403, { name: 'Forbidden', message: 'calls come only from the station\'s own page' });
      if (!tokenMatches(token, bearer(request))) {
        return sendJson(response, 401, { name: 'Unauthorized', message: 'open the address `label-station serve` printed: it carries the access token' });
      }
      const method = path.slice('/api/'.length);
      readJson(request)
        .then((input) => callStationMethod(options.api, method, input))
        .then(
          (output) => sendJson(response, 200, output ?? null),
          (error: unknown) => {
            if (error instanceof RequestAbortedError) return void response.destroy();
            const wire = toStationError(error);
            sendJson(response, callerErrorNames.has(wire.name) ? 400 : 500, wire);
          },
        );
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') return sendJson(response, 405, { name: 'MethodNotAllowed', message: 'read only' });
    serveStatic(staticDir, path, response).catch((error: unknown) => sendJson(response, 500, toStationError(error)));
  });
  // A request the HTTP parser refuses (a bad header, a broken chunk) is answered, never thrown.
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    refuseSocket(socket, error.code === 'HPE_HEADER_OVERFLOW' ? 431 : 400);
  });

  const sockets = new WebSocketServer({
    noServer: true,
    // The page never sends anything on the event socket: a big frame is not a client of ours.
    maxPayload: 4096,
    handleProtocols: (protocols) => (protocols.has('label-station') ? 'label-station' : false),
  });
  server.on('upgrade', (request, socket, head) => {
    // Nothing else listens on an upgraded socket: a reset by the peer must not become an uncaught error.
    socket.on('error', () => socket.destroy());
    const path = requestPath(request);
    if (path === null) return refuseSocket(socket, 400);
    if (!hostAllowed(request, port)) return refuseSocket(socket, 421);
    if (!originAllowed(request, port)) return refuseSocket(socket, 403);
    if (path !== '/events' || !tokenMatches(token, offeredProtocolToken(request))) return refuseSocket(socket, 401);
    sockets.handleUpgrade(request, socket, head, (ws) => sockets.emit('connection', ws));
  });

  const alive = new WeakSet<WebSocket>();
  sockets.on('connection', (ws: WebSocket) => {
    alive.add(ws);
    // A malformed frame makes the socket emit 'error': without a listener it would end the process.
    ws.on('error', () => ws.terminate());
    ws.on('pong', () => alive.add(ws));
    const unsubscribe = stationEventNames.map((event) =>
      options.api.on(event, (payload) => {
        if (ws.readyState !== ws.OPEN) return;
        try {
          ws.send(JSON.stringify({ event, payload }));
        } catch (error) {
          options.logger?.warn(`event ${event} could not be sent: ${error instanceof Error ? error.message : String(error)}`);
        }
      }),
    );
    ws.on('close', () => unsubscribe.forEach((off) => off()));
  });
  const heartbeat = setInterval(() => {
    for (const ws of sockets.clients) {
      if (!alive.has(ws)) {
        ws.terminate();
        continue;
      }
      alive.delete(ws);
      ws.ping();
    }
  }, options.heartbeatMs ?? 30_000);
  heartbeat.unref();

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  options.logger?.info(`web UI listening on http://${host}:${port}/`);

  return {
    port,
    token,
    url: `http://${host}:${port}/#token=${token}`,
    close: async () => {
      clearInterval(heartbeat);
      for (const ws of sockets.clients) ws.terminate();
      sockets.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

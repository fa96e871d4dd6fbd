import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';

/**
 * What `serve` checks on every request before it looks at it further: a target it can read,
 * a Host that is this loopback server, an Origin (when a browser sends one) that is the page's
 * own. Anything a client can type is parsed here without throwing: bad input is a 400, never a
 * crash and never a 500.
 */

export const loopbackHost = '127.0.0.1';

/** The request target as a decoded path, or null when it is not one (`http://[`, `/%zz`, a NUL). */
export function requestPath(request: IncomingMessage): string | null {
  const target = request.url ?? '';
  // Origin-form only: a browser talking to this server never sends an absolute or `*` target.
  if (!target.startsWith('/') || target.startsWith('//')) return null;
  const raw = target.split(/[?#]/, 1)[0] ?? '';
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return null;
  }
  return decoded.includes('\0') ? null : decoded;
}

/** The origins the built page is served from: only its own may open the event socket or call. */
export function ownOrigins(port: number): string[] {
  return [`http://${loopbackHost}:${port}`, `http://localhost:${port}`];
}

/** Refuses requests whose Host is not this loopback server: a DNS-rebinding page cannot pose as it. */
export function hostAllowed(request: IncomingMessage, port: number): boolean {
  return request.headers.host === `${loopbackHost}:${port}` || request.headers.host === `localhost:${port}`;
}

/**
 * A browser always sends Origin on a WebSocket and on a cross-site POST: it must be this page's.
 * No Origin at all is a program, not a page, and still needs the access token.
 */
export function originAllowed(request: IncomingMessage, port: number): boolean {
  const origin = request.headers.origin;
  return origin === undefined || ownOrigins(port).includes(origin);
}

export function bearer(request: IncomingMessage): string | undefined {
  const header = request.headers.authorization;
  return header?.startsWith('Bearer ') ? header.slice(7) : undefined;
}

export function offeredProtocolToken(request: IncomingMessage): string | undefined {
  const protocols = (request.headers['sec-websocket-protocol'] ?? '').split(',').map((p) => p.trim());
  return protocols.find((p) => p.startsWith('token.'))?.slice(6);
}

const reasons: Record<number, string> = { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 421: 'Misdirected Request', 431: 'Request Header Fields Too Large' };

/** Answers a raw socket (an upgrade or a request the parser refused) and closes it. */
export function refuseSocket(socket: Duplex, status: number): void {
  if (socket.writable) socket.end(`HTTP/1.1 ${status} ${reasons[status] ?? 'Error'}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  else socket.destroy();
}

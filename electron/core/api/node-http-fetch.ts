import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { Readable } from 'node:stream';
import type { ReadableStream } from 'node:stream/web';

/** What the transport reads of an answer; a WHATWG `Response` has it too. */
export interface ApiResponse {
  status: number;
  headers: { get(name: string): string | null };
  body: ReadableStream<Uint8Array> | globalThis.ReadableStream<Uint8Array> | null;
}

export interface ApiFetchInit {
  method: string;
  headers: Record<string, string>;
  body?: string;
  signal: AbortSignal;
  redirect: 'manual';
}

/** The one request the transport makes; `fetch` fits, tests pass fakes. */
export type ApiFetch = (url: string, init: ApiFetchInit) => Promise<ApiResponse>;

function headerOf(response: IncomingMessage, name: string): string | null {
  const value = response.headers[name.toLowerCase()];
  return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
}

/**
 * `fetch` on node:http: Node's global fetch loads undici, which costs a station about 15 MB of
 * RSS for the one request it makes every poll. Redirects are never followed (as
 * `redirect: 'manual'`); a connection that fails rejects with the system error as `cause`.
 */
export const nodeHttpFetch: ApiFetch = (url, init) =>
  new Promise((resolve, reject) => {
    const target = new URL(url);
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    const headers = init.body === undefined ? init.headers : { ...init.headers, 'Content-Length': String(Buffer.byteLength(init.body)) };
    const req = send(target, { method: init.method, headers, signal: init.signal }, (response) => {
      resolve({
        status: response.statusCode ?? 0,
        headers: { get: (name) => headerOf(response, name) },
        body: Readable.toWeb(response) as ReadableStream<Uint8Array>,
      });
    });
    req.on('error', (error) => reject(new TypeError('the request failed', { cause: error })));
    req.end(init.body);
  });

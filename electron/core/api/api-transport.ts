import type { z } from 'zod';
import {
  ApiAuthError,
  ApiNetworkError,
  ApiNotFoundError,
  ApiProtocolError,
  ApiRedirectError,
  ApiRejectedError,
  ApiServerError,
  ApiTimeoutError,
  ApiTooLargeError,
  bodyExcerpt,
  ApiError,
  type ApiCallName,
  type ApiErrorDetails,
} from './api-errors.ts';
import type { ApiFetch } from './node-http-fetch.ts';
import { BodyTooLargeError, readCappedText } from './read-capped-body.ts';
import { firstIssue } from './zod-issue.ts';

/** Where warnings about retried requests go; never given the token. */
export interface ApiLogger {
  warn(message: string, fields?: Record<string, unknown>): void;
}

export interface ApiTransportOptions {
  baseUrl: string;
  token: string;
  timeoutMs: number;
  /** The largest answer read, in bytes; a bigger one fails as `ApiTooLargeError`. */
  maxResponseBytes: number;
  /** Extra attempts for a GET after a transient failure. */
  retries: number;
  /** The first backoff; each further one doubles, jittered by ±50 %. */
  retryBaseMs: number;
  retryMaxMs: number;
  fetch: ApiFetch;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  logger?: ApiLogger;
}

export interface ApiRequest {
  call: ApiCallName;
  method: 'GET' | 'POST';
  /** Path segments after the base URL; each is percent-encoded. */
  segments: (string | number)[];
  query?: Record<string, string | undefined>;
  /** POST fields, sent form-encoded. */
  form?: Record<string, string>;
  /** Aborts the request and any retry still to come; the call rejects with the signal's reason. */
  signal?: AbortSignal;
}

/** Builds the path (and query) below the base URL, every segment percent-encoded. */
export function requestPath(request: ApiRequest): string {
  const path = request.segments.map((s) => encodeURIComponent(String(s))).join('/');
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(request.query ?? {})) {
    if (value !== undefined && value !== '') query.set(key, value);
  }
  const search = query.toString();
  return search ? `${path}?${search}` : path;
}

/** Backoff before retry number `attempt` (0-based): base·2^attempt, jittered ±50 %, capped. */
export function backoffMs(attempt: number, options: Pick<ApiTransportOptions, 'retryBaseMs' | 'retryMaxMs' | 'random'>): number {
  const exponential = Math.min(options.retryMaxMs, options.retryBaseMs * 2 ** attempt);
  return Math.round(exponential * (0.5 + options.random()));
}

function networkReason(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  const code = cause !== null && typeof cause === 'object' && 'code' in cause ? String(cause.code) : '';
  const message = cause instanceof Error ? cause.message : String(cause);
  const reason = code && !message.includes(code) ? `${code} ${message}` : message;
  return reason.replace(/[.\s]+$/, '');
}

function statusError(details: ApiErrorDetails & { status: number }): ApiError {
  if (details.status === 401 || details.status === 403) return new ApiAuthError(details);
  if (details.status === 404) return new ApiNotFoundError(details);
  if (details.status >= 500) return new ApiServerError(details);
  return new ApiRejectedError(details);
}

/** A backoff wait that ends early, rejecting, when the caller aborts. */
function abortableSleep(sleeping: Promise<void>, signal: AbortSignal | undefined): Promise<void> {
  if (!signal) return sleeping;
  return new Promise((resolve, reject) => {
    const abort = (): void => reject(signal.reason as Error);
    if (signal.aborted) return abort();
    signal.addEventListener('abort', abort, { once: true });
    void sleeping.then(() => {
      signal.removeEventListener('abort', abort);
      resolve();
    });
  });
}

/** Sends requests to the order API: auth header, timeout, typed errors, GET retries. */
export function createApiTransport(options: ApiTransportOptions) {
  const base = options.baseUrl.replace(/\/+$/, '');
  const basePath = new URL(base).pathname.replace(/\/+$/, '');

  async function attempt<T>(request: ApiRequest, schema: z.ZodType<T>): Promise<T> {
    const relative = requestPath(request);
    const details = { call: request.call, method: request.method, path: `${basePath}/${relative}`, status: null };
    const headers: Record<string, string> = { Authorization: `Bearer ${options.token}`, Accept: 'application/json' };
    let body: string | undefined;
    if (request.form) {
      headers['Content-Type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(request.form).toString();
    }
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), options.timeoutMs);
    const cancel = (): void => controller.abort();
    request.signal?.addEventListener('abort', cancel, { once: true });
    let status: number | null = null;
    let text: string;
    try {
      // A redirect is never followed: it would carry the token to wherever the server points.
      const response = await options.fetch(`${base}/${relative}`, { method: request.method, headers, body, signal: controller.signal, redirect: 'manual' });
      status = response.status;
      if (status >= 300 && status <= 399) {
        await response.body?.cancel().catch(() => undefined);
        throw new ApiRedirectError({ ...details, status, location: bodyExcerpt(response.headers.get('location') ?? '', options.token) });
      }
      text = await readCappedText(response, options.maxResponseBytes);
    } catch (error) {
      request.signal?.throwIfAborted();
      if (error instanceof ApiRedirectError) throw error;
      if (error instanceof BodyTooLargeError) {
        controller.abort();
        throw new ApiTooLargeError({ ...details, status, limitBytes: options.maxResponseBytes });
      }
      if (controller.signal.aborted) throw new ApiTimeoutError({ ...details, timeoutMs: options.timeoutMs });
      throw new ApiNetworkError({ ...details, reason: bodyExcerpt(networkReason(error), options.token) });
    } finally {
      clearTimeout(timer);
      request.signal?.removeEventListener('abort', cancel);
    }
    const answered = { ...details, status, bodyExcerpt: bodyExcerpt(text, options.token) };
    if (status < 200 || status > 299) throw statusError(answered);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new ApiProtocolError({ ...answered, problem: 'the answer is not JSON', field: null });
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      const issue = firstIssue(parsed.error);
      throw new ApiProtocolError({ ...answered, problem: `${issue.field || 'the answer'}: ${issue.problem}`, field: issue.field });
    }
    return parsed.data;
  }

  return {
    /** GETs are retried on transient failures; POSTs never (the caller decides). */
    async send<T>(request: ApiRequest, schema: z.ZodType<T>): Promise<T> {
      const retries = request.method === 'GET' ? options.retries : 0;
      for (let n = 0; ; n++) {
        request.signal?.throwIfAborted();
        try {
          return await attempt(request, schema);
        } catch (error) {
          if (!(error instanceof ApiError) || !error.transient || n >= retries) throw error;
          const delay = backoffMs(n, options);
          options.logger?.warn(`order API ${request.call} failed, retrying in ${delay} ms`, {
            attempt: n + 1,
            error: error.message,
          });
          await abortableSleep(options.sleep(delay), request.signal);
        }
      }
    },
  };
}
export type ApiTransport = ReturnType<typeof createApiTransport>;

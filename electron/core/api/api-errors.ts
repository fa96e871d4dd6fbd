import { operatorMessage, type OperatorMessage } from '../../shared/operator-message.ts';

/**
 * Everything that can go wrong talking to the order API, as typed errors: `text` is what the
 * operator reads (a code and its parameters), `message` the English line for the log. They carry
 * the call, method, path (which holds the user id, never the token) and a short excerpt of the
 * body; the token is redacted from anything that could echo it.
 */

/** The calls of the order API, named as their URLs spell them. */
export const apiCallNames = [
  'list',
  'total_summary',
  'create',
  'batch_create',
  'details',
  'fetch',
  'processed_list',
  'print_order',
] as const;
export type ApiCallName = (typeof apiCallNames)[number];

export interface ApiErrorDetails {
  call: ApiCallName;
  method: 'GET' | 'POST';
  /** The URL path (and query), as sent: contains the user id, never the token. */
  path: string;
  /** The HTTP status, or null when no answer came. */
  status: number | null;
  /** At most 200 characters of the body, redacted. */
  bodyExcerpt?: string;
}

const excerptLength = 200;

// The seller's user id is a 36-character path segment: the operator's detail never shows it.
const userIdSegment = /(?<=\/)[0-9A-Za-z-]{36}(?=[/?]|$)/g;

/** The technical line behind the "Detail" toggle: method, path without the user id, status, body excerpt. */
export function apiDetail(d: { method: string; path: string; status: number | null; bodyExcerpt?: string }, extra = ''): string {
  const status = d.status === null ? 'no answer' : String(d.status);
  const said = d.bodyExcerpt ? ` — ${d.bodyExcerpt}` : '';
  return `${d.method} ${d.path.replace(userIdSegment, '…')} → ${status}${extra ? ` (${extra})` : ''}${said}`;
}

/** Cuts a body down to an excerpt and removes the token if the server echoed it. */
export function bodyExcerpt(body: string, token: string): string {
  const redacted = token.length > 0 ? body.split(token).join('[token]') : body;
  const oneLine = redacted.replace(/\s+/g, ' ').trim();
  return oneLine.length > excerptLength ? `${oneLine.slice(0, excerptLength - 1)}…` : oneLine;
}

export abstract class ApiError extends Error {
  readonly call: ApiCallName;
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly status: number | null;
  readonly bodyExcerpt: string;
  /** Whether trying the same request again later may succeed. */
  abstract readonly transient: boolean;
  /** What the operator reads. */
  abstract get text(): OperatorMessage;

  constructor(message: string, details: ApiErrorDetails) {
    super(message);
    this.call = details.call;
    this.method = details.method;
    this.path = details.path;
    this.status = details.status;
    this.bodyExcerpt = details.bodyExcerpt ?? '';
  }

  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      message: this.message,
      call: this.call,
      method: this.method,
      path: this.path,
      status: this.status,
      bodyExcerpt: this.bodyExcerpt,
    };
  }
}

function where(d: ApiErrorDetails): string {
  return `${d.call} (${d.method} ${d.path})`;
}

function withExcerpt(message: string, d: ApiErrorDetails): string {
  return d.bodyExcerpt ? `${message}. The server said: ${d.bodyExcerpt}` : message;
}

/** 401/403: the token is wrong, expired, or not for this user. */
export class ApiAuthError extends ApiError {
  override name = 'ApiAuthError';
  readonly transient = false;
  constructor(details: ApiErrorDetails) {
    super(
      `The order server rejected the API token (${details.status ?? '?'}) on ${where(details)}: ` +
        'paste a new token in Settings, and check the user id belongs to it',
      details,
    );
  }

  get text(): OperatorMessage {
    return operatorMessage('token-rejected', { status: this.status ?? '?' }, apiDetail(this));
  }
}

/** 404: for print_order, the batch no longer exists; for details, the order. */
export class ApiNotFoundError extends ApiError {
  override name = 'ApiNotFoundError';
  readonly transient = false;
  constructor(details: ApiErrorDetails) {
    super(
      withExcerpt(
        `The order server does not know what ${where(details)} asked for (404): ` +
          'refresh the list; if it persists, check the server address and user id in Settings',
        details,
      ),
      details,
    );
  }

  get text(): OperatorMessage {
    return operatorMessage('api-not-found', { call: this.call }, apiDetail(this));
  }
}

/** Another 4xx: the server refused the request as sent. */
export class ApiRejectedError extends ApiError {
  override name = 'ApiRejectedError';
  readonly transient = false;
  constructor(details: ApiErrorDetails) {
    super(withExcerpt(`The order server refused ${where(details)} (${details.status ?? '?'})`, details), details);
  }

  get text(): OperatorMessage {
    return operatorMessage('api-refused', { call: this.call, status: this.status ?? '?' }, apiDetail(this));
  }
}

/** 5xx: the server failed; worth retrying later. */
export class ApiServerError extends ApiError {
  override name = 'ApiServerError';
  readonly transient = true;
  constructor(details: ApiErrorDetails) {
    super(
      withExcerpt(
        `The order server failed on ${where(details)} (${details.status ?? '?'}): ` +
          'it is the server\'s fault, the station tries again later',
        details,
      ),
      details,
    );
  }

  get text(): OperatorMessage {
    return operatorMessage('api-server-error', { call: this.call, status: this.status ?? '?' }, apiDetail(this));
  }
}

/** The answer was not JSON, or its JSON did not have the documented shape. */
export class ApiProtocolError extends ApiError {
  override name = 'ApiProtocolError';
  readonly transient = false;
  /** The first field that did not match (e.g. `data[3].order.totalCost`), or null when not JSON. */
  readonly field: string | null;
  readonly problem: string;
  constructor(details: ApiErrorDetails & { problem: string; field: string | null }) {
    super(
      withExcerpt(
        `The order server answered ${where(details)} with something this app cannot read ` +
          `(${details.problem}): check the server address in Settings points at the order API`,
        details,
      ),
      details,
    );
    this.field = details.field;
    this.problem = details.problem;
  }

  get text(): OperatorMessage {
    return operatorMessage('api-bad-answer', { call: this.call }, apiDetail(this, this.problem));
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), field: this.field };
  }
}

/** No answer: DNS, refused connection, reset. */
export class ApiNetworkError extends ApiError {
  override name = 'ApiNetworkError';
  readonly transient = true;
  /** What the network said, e.g. `ECONNREFUSED connect ECONNREFUSED 127.0.0.1:80`. */
  readonly reason: string;
  constructor(details: ApiErrorDetails & { reason: string }) {
    super(
      `Could not reach the order server for ${where(details)}: ${details.reason}. ` +
        'Check the network and the server address in Settings',
      details,
    );
    this.reason = details.reason;
  }

  get text(): OperatorMessage {
    return operatorMessage('api-unreachable', { call: this.call }, apiDetail(this, this.reason));
  }
}

/** No answer within the timeout. */
export class ApiTimeoutError extends ApiError {
  override name = 'ApiTimeoutError';
  readonly transient = true;
  readonly timeoutMs: number;
  constructor(details: ApiErrorDetails & { timeoutMs: number }) {
    super(
      `The order server did not answer ${where(details)} within ${details.timeoutMs} ms: ` +
        'the network or the server is slow, the station tries again later',
      details,
    );
    this.timeoutMs = details.timeoutMs;
  }

  get text(): OperatorMessage {
    return operatorMessage('api-timeout', { call: this.call, seconds: Math.round(this.timeoutMs / 1000) }, apiDetail(this, `${this.timeoutMs} ms`));
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), timeoutMs: this.timeoutMs };
  }
}

/** A 3xx: the address in Settings is not the API's own. Redirects are never followed: one could carry the token elsewhere. */
export class ApiRedirectError extends ApiError {
  override name = 'ApiRedirectError';
  readonly transient = false;
  /** Where the server pointed, as it said (redacted, cut short); "" when it did not say. */
  readonly location: string;
  constructor(details: ApiErrorDetails & { location: string }) {
    const where_ = details.location ? ` to ${details.location}` : '';
    super(
      `The order server answered ${where(details)} with a redirect (${details.status ?? '?'})${where_}: ` +
        'the station does not follow redirects; the server address in Settings is wrong, enter the API\'s own address (up to /public)',
      details,
    );
    this.location = details.location;
  }

  get text(): OperatorMessage {
    return operatorMessage('api-redirect', { call: this.call }, apiDetail(this, this.location ? `to ${this.location}` : ''));
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), location: this.location };
  }
}

/** The answer is bigger than any real answer of that call: refused before it fills the memory. */
export class ApiTooLargeError extends ApiError {
  override name = 'ApiTooLargeError';
  readonly transient = false;
  readonly limitBytes: number;
  constructor(details: ApiErrorDetails & { limitBytes: number }) {
    super(
      `The order server's answer to ${where(details)} is larger than ${Math.round(details.limitBytes / 1_048_576)} MB, ` +
        'far more than the API ever sends: it was cut off and not read. Check the server address in Settings points at the order API',
      details,
    );
    this.limitBytes = details.limitBytes;
  }

  get text(): OperatorMessage {
    return operatorMessage('api-too-large', { call: this.call, megabytes: Math.round(this.limitBytes / 1_048_576) }, apiDetail(this));
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), limitBytes: this.limitBytes };
  }
}

/** Order data (from the API or a file) that does not have the order-record shape. */
export class OrderDataError extends Error {
  override name = 'OrderDataError';
  /** The first field that did not match, e.g. `data[3].order.totalCost`. */
  readonly field: string;
  readonly problem: string;
  constructor(field: string, problem: string) {
    super(`The order data does not have the expected shape: ${field ? `${field}: ` : ''}${problem}`);
    this.field = field;
    this.problem = problem;
  }

  get text(): OperatorMessage {
    return operatorMessage('order-data-bad', { field: this.field || '—' }, this.problem);
  }
}

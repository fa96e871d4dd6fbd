import { z } from 'zod';

/**
 * What a valid order-API address is, owned here and used by the settings schema, the core and
 * the Settings form alike. The token rides along with every call to it, so an address that
 * would send it readable over a network, or to a server with a user name in its URL, is refused.
 */

/** The backend's own documented address is plain http; it stays usable as documented. */
export const documentedPlainHttpOrigin = 'http://apiv2.mitrabunso.com';

export type ApiBaseUrlProblem = 'not-a-url' | 'plain-http' | 'credentials' | 'query';

export const apiBaseUrlMessages: Record<ApiBaseUrlProblem, string> = {
  'not-a-url': 'the API address must start with http:// or https://',
  'plain-http': 'the API address must use https:// (plain http:// would send the token unencrypted; it is allowed only for this computer and the documented backend address)',
  credentials: 'the API address must not contain a user name or password',
  query: 'the API address ends at /public: no ?query or #fragment',
};

function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}

function parse(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

/** Why `value` cannot be the API address, or null when it can. */
export function apiBaseUrlProblem(value: string): ApiBaseUrlProblem | null {
  const url = parse(value);
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.hostname === '') return 'not-a-url';
  if (url.username !== '' || url.password !== '') return 'credentials';
  if (url.search !== '' || url.hash !== '' || value.includes('?') || value.includes('#')) return 'query';
  if (url.protocol === 'http:' && !isLoopback(url.hostname) && url.origin !== documentedPlainHttpOrigin) return 'plain-http';
  return null;
}

/** Scheme, host and port: where the token goes. Null for an address that is not a URL (or empty). */
export function apiOrigin(value: string): string | null {
  return parse(value)?.origin ?? null;
}

export const apiBaseUrlSchema = z.string().superRefine((value, context) => {
  const problem = apiBaseUrlProblem(value);
  if (problem) context.addIssue({ code: 'custom', message: apiBaseUrlMessages[problem], params: { problem } });
});

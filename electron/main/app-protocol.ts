import type { Net, Protocol } from 'electron';
import { join, normalize, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * The renderer is served from `app://label-station/`, a private standard scheme: it gives the
 * page a real origin to check IPC senders against, and a CSP header, which `file://` gives neither.
 */
export const appScheme = 'app';
const appHost = 'label-station';
export const appOrigin = `${appScheme}://${appHost}`;

export const shellCsp = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Node's URL gives custom schemes a `null` origin, so scheme and host are compared instead. */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${appScheme}:` && parsed.host === appHost;
  } catch {
    return false;
  }
}

/** Must run before `app` is ready. */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([{ scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

/** Maps `app://label-station/<path>` to a file under `rendererDir`, refusing anything outside it. */
export function appFilePath(rendererDir: string, url: string): string | null {
  if (!isAppUrl(url)) return null;
  const parsed = new URL(url);
  const root = resolve(rendererDir);
  const path = decodeURIComponent(parsed.pathname === '/' ? '/index.html' : parsed.pathname);
  const file = join(root, normalize(path));
  return file.startsWith(root + sep) ? file : null;
}

export function serveAppScheme(protocol: Pick<Protocol, 'handle'>, net: Pick<Net, 'fetch'>, rendererDir: string): void {
  protocol.handle(appScheme, async (request) => {
    const file = appFilePath(rendererDir, request.url);
    if (!file) return new Response('not found', { status: 404 });
    const response = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(response.headers);
    headers.set('content-security-policy', shellCsp);
    headers.set('x-content-type-options', 'nosniff');
    return new Response(response.body, { status: response.status, headers });
  });
}

import { parseLabelImage, sniffMediaType, type SuppliedMediaType } from './supplied-source.ts';

export interface SuppliedFetchOptions {
  fetch: typeof fetch;
  /** The order API's base URL: only a label on the same origin gets the bearer token. */
  apiBaseUrl: string | null;
  token: string | null;
  maxBytes: number;
  timeoutMs: number;
}

export const defaultSuppliedLimits = { maxBytes: 5_000_000, timeoutMs: 15_000 } as const;

export type SuppliedFetchResult = { ok: true; bytes: Buffer; mediaType: SuppliedMediaType } | { ok: false; reason: string };

const maxRedirects = 3;

async function readCapped(response: Response, maxBytes: number): Promise<Buffer | undefined> {
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > maxBytes) {
    await response.body?.cancel();
    return undefined;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  if (!response.body) return Buffer.alloc(0);
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return Buffer.concat(chunks);
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(Buffer.from(value));
  }
}

function originOf(text: string | null): string | undefined {
  if (!text) return undefined;
  try {
    return new URL(text).origin;
  } catch {
    return undefined;
  }
}

/**
 * Gets one supplied label: inline `data:` bytes, or an http(s) fetch. The bearer token goes only
 * to the API's own origin; a redirect may not leave the origin it started on (it could carry the
 * token, or a private network address, elsewhere). Never throws: a label that cannot be had
 * answers with the reason, in words for the operator, without the URL's query.
 */
export async function fetchSuppliedLabel(labelImage: string | null, options: SuppliedFetchOptions): Promise<SuppliedFetchResult> {
  const source = parseLabelImage(labelImage, options.maxBytes);
  if (source === null) return { ok: false, reason: 'the order carries no label' };
  if (source.kind === 'invalid') return { ok: false, reason: source.reason };
  if (source.kind === 'inline') return { ok: true, bytes: source.bytes, mediaType: source.mediaType };
  const start = source.url;
  const withToken = options.token !== null && originOf(options.apiBaseUrl) === start.origin;
  const timeout = AbortSignal.timeout(options.timeoutMs);
  let url = start;
  try {
    for (let hop = 0; ; hop++) {
      const response = await options.fetch(url, {
        redirect: 'manual',
        signal: timeout,
        headers: withToken ? { authorization: `Bearer ${options.token ?? ''}`, accept: 'application/pdf,image/*' } : { accept: 'application/pdf,image/*' },
        credentials: 'omit',
      });
      if (response.status >= 300 && response.status < 400) {
        await response.body?.cancel();
        const location = response.headers.get('location');
        const next = location ? new URL(location, url) : undefined;
        if (!next || next.origin !== start.origin) return { ok: false, reason: `the label server redirected to another address (${next?.host ?? 'none'}): refused` };
        if (hop >= maxRedirects) return { ok: false, reason: 'the label server redirected too often' };
        url = next;
        continue;
      }
      if (!response.ok) {
        await response.body?.cancel();
        return { ok: false, reason: `the label server answered HTTP ${response.status}` };
      }
      const bytes = await readCapped(response, options.maxBytes);
      if (!bytes) return { ok: false, reason: `the label is over ${Math.round(options.maxBytes / 1e6)} MB` };
      const mediaType = sniffMediaType(bytes);
      if (!mediaType) return { ok: false, reason: `the label server sent ${bytes.length} bytes that are not a PDF, PNG or JPEG` };
      return { ok: true, bytes, mediaType };
    }
  } catch (error) {
    if (timeout.aborted) return { ok: false, reason: `the label server did not answer within ${Math.round(options.timeoutMs / 1000)} s` };
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : error instanceof Error ? error.message : String(error);
    return { ok: false, reason: `the label could not be fetched (${cause})` };
  }
}

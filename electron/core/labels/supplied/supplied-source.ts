/** The formats a supplied label may come in; anything else is refused before it is stored. */
export type SuppliedMediaType = 'application/pdf' | 'image/png' | 'image/jpeg';

/** A supplied label's first bytes tell its format; a server's Content-Type is not trusted. */
export function sniffMediaType(bytes: Uint8Array): SuppliedMediaType | undefined {
  const starts = (...magic: number[]): boolean => magic.every((b, i) => bytes[i] === b);
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return 'application/pdf';
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  return undefined;
}

/** Where an order's `labelImage` points: a URL to fetch, bytes inline, or something unusable. */
export type SuppliedSource =
  | { kind: 'url'; url: URL }
  | { kind: 'inline'; bytes: Buffer; mediaType: SuppliedMediaType }
  | { kind: 'invalid'; reason: string };

const dataUri = /^data:([^;,]*)((?:;[^;,]*)*),(.*)$/s;

/**
 * Reads `order.labelImage`. Null (no supplied label, print ours) for null, "" or whitespace;
 * otherwise an http(s) URL, a `data:` URI of a PDF, PNG or JPEG, or `invalid` with the reason.
 * The size cap applies to inline bytes as to fetched ones.
 */
export function parseLabelImage(value: string | null, maxBytes: number): SuppliedSource | null {
  const text = value?.trim() ?? '';
  if (text === '') return null;
  if (/^data:/i.test(text)) {
    const match = dataUri.exec(text);
    if (!match) return { kind: 'invalid', reason: 'the data: URI is malformed' };
    const base64 = (match[2] ?? '').toLowerCase().includes(';base64');
    const body = match[3] ?? '';
    if ((base64 ? (body.length * 3) / 4 : body.length) > maxBytes * 1.01) return { kind: 'invalid', reason: `the inline label is over ${Math.round(maxBytes / 1e6)} MB` };
    const bytes = base64 ? Buffer.from(body.replace(/\s+/g, ''), 'base64') : Buffer.from(decodeURIComponent(body), 'latin1');
    if (bytes.length > maxBytes) return { kind: 'invalid', reason: `the inline label is over ${Math.round(maxBytes / 1e6)} MB` };
    const mediaType = sniffMediaType(bytes);
    if (!mediaType) return { kind: 'invalid', reason: 'the inline label is not a PDF, PNG or JPEG' };
    return { kind: 'inline', bytes, mediaType };
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { kind: 'invalid', reason: 'the label address is not a URL' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { kind: 'invalid', reason: `the label address uses ${url.protocol} (only http and https are fetched)` };
  if (url.username || url.password) return { kind: 'invalid', reason: 'the label address carries a user name or password' };
  return { kind: 'url', url };
}

/** The source as shown to the operator: host and path, never a query (it may hold a signature). */
export function describeSource(value: string | null): string {
  const text = value?.trim() ?? '';
  if (/^data:/i.test(text)) return 'an inline data: label';
  try {
    const url = new URL(text);
    return `${url.host}${url.pathname}`;
  } catch {
    return 'an unreadable label address';
  }
}

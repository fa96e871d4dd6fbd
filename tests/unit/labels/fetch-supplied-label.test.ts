import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchSuppliedLabel } from '../../../electron/core/labels/supplied/fetch-supplied-label.ts';
import { parseLabelImage } from '../../../electron/core/labels/supplied/supplied-source.ts';

const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64)]);
const pdf = Buffer.from('%PDF-1.4\n%%EOF\n');

interface Site {
  origin: string;
  seen: IncomingHttpHeaders[];
  close(): Promise<void>;
}

/** A loopback server: `/ok.png`, `/big`, `/html`, `/hang`, `/to?url=` (a 302 to url). */
async function site(): Promise<Site> {
  const seen: IncomingHttpHeaders[] = [];
  const server: Server = createServer((req, res) => {
    seen.push(req.headers);
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/ok.png') res.end(png);
    else if (url.pathname === '/ok.pdf') res.end(pdf);
    else if (url.pathname === '/big') res.end(Buffer.concat([pdf, Buffer.alloc(5000)]));
    else if (url.pathname === '/html') res.end('<html>login</html>');
    else if (url.pathname === '/to') res.writeHead(302, { location: url.searchParams.get('url') ?? '/' }).end();
    else if (url.pathname === '/hang') return;
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

describe('fetching a supplied label', () => {
  let api: Site;
  let other: Site;
  beforeAll(async () => {
    [api, other] = await Promise.all([site(), site()]);
  });
  afterAll(async () => {
    await Promise.all([api.close(), other.close()]);
  });
  const options = () => ({ fetch, apiBaseUrl: `${api.origin}/public`, token: 'secret-token', maxBytes: 1000, timeoutMs: 400 });

  it('sends the bearer token to the API origin only, and none elsewhere', async () => {
    expect(await fetchSuppliedLabel(`${api.origin}/ok.png`, options())).toMatchObject({ ok: true, mediaType: 'image/png' });
    expect(api.seen.at(-1)?.authorization).toBe('Bearer secret-token');
    expect(await fetchSuppliedLabel(`${other.origin}/ok.pdf`, options())).toMatchObject({ ok: true, mediaType: 'application/pdf' });
    expect(other.seen.at(-1)?.authorization).toBeUndefined();
    expect(other.seen.at(-1)?.cookie).toBeUndefined();
  });

  it('refuses a redirect to another origin, so the token never follows it', async () => {
    const seenBefore = other.seen.length;
    const result = await fetchSuppliedLabel(`${api.origin}/to?url=${encodeURIComponent(`${other.origin}/ok.png`)}`, options());
    expect(result).toMatchObject({ ok: false });
    expect(result.ok ? '' : result.reason).toContain('redirected to another address');
    expect(other.seen.length).toBe(seenBefore);
    expect(await fetchSuppliedLabel(`${api.origin}/to?url=/ok.png`, options())).toMatchObject({ ok: true });
  });

  it('answers a reason for 404, a page that is not a label, a label over the cap and a server that never answers', async () => {
    const reason = async (url: string) => {
      const result = await fetchSuppliedLabel(url, options());
      return result.ok ? 'fetched' : result.reason;
    };
    expect(await reason(`${api.origin}/gone`)).toContain('HTTP 404');
    expect(await reason(`${api.origin}/html`)).toContain('not a PDF, PNG or JPEG');
    expect(await reason(`${api.origin}/big`)).toContain('over');
    expect(await reason(`${api.origin}/hang`)).toContain('did not answer within');
    expect(await reason('http://127.0.0.1:1/nothing-listens')).toContain('could not be fetched');
  });

  it('reads data: URIs of a PDF or picture, and refuses other schemes, credentials in the URL and other formats', async () => {
    expect(await fetchSuppliedLabel(`data:image/png;base64,${png.toString('base64')}`, options())).toMatchObject({ ok: true, mediaType: 'image/png' });
    expect(parseLabelImage('data:text/plain,hello', 1000)).toMatchObject({ kind: 'invalid' });
    expect(parseLabelImage('file:///etc/passwd', 1000)).toMatchObject({ kind: 'invalid' });
    expect(parseLabelImage('https://user:pw@example.com/l.pdf', 1000)).toMatchObject({ kind: 'invalid' });
    expect(parseLabelImage(`data:application/pdf;base64,${Buffer.alloc(3000).toString('base64')}`, 1000)).toMatchObject({ kind: 'invalid' });
    expect(parseLabelImage('   ', 1000)).toBeNull();
    expect(parseLabelImage(null, 1000)).toBeNull();
  });
});

import { connect } from 'node:net';

export interface RawHttpAnswer {
  /** 0 when the server closed without a status line. */
  status: number;
  head: string;
  body: string;
}

function unchunk(body: string): string {
  let out = '';
  let rest = body;
  for (;;) {
    const eol = rest.indexOf('\r\n');
    const size = Number.parseInt(rest.slice(0, eol), 16);
    if (eol === -1 || !(size > 0)) return out;
    out += rest.slice(eol + 2, eol + 2 + size);
    rest = rest.slice(eol + 2 + size + 2);
  }
}

/**
 * Sends bytes exactly as given to a loopback server and reads until it closes the connection:
 * for requests `fetch` and `http.request` refuse to send (a broken target, a bad header, a
 * truncated body, a hand-made WebSocket upgrade).
 */
export function rawHttp(port: number, bytes: string | Buffer, options: { endAfterWrite?: boolean } = {}): Promise<RawHttpAnswer> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const split = text.indexOf('\r\n\r\n');
      const head = split === -1 ? text : text.slice(0, split);
      const body = split === -1 ? '' : text.slice(split + 4);
      resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0), head, body: /^transfer-encoding: chunked$/im.test(head) ? unchunk(body) : body });
    });
    socket.write(bytes, () => {
      if (options.endAfterWrite) socket.end();
    });
  });
}

/** A request with the Host the server expects and (unless told otherwise) `Connection: close`. */
export function rawRequest(port: number, target: string, headers: Record<string, string> = {}, method = 'GET', body = ''): Promise<RawHttpAnswer> {
  const lines = [`${method} ${target} HTTP/1.1`, `Host: 127.0.0.1:${port}`];
  if (!('Connection' in headers)) lines.push('Connection: close');
  for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`);
  if (body !== '' || method === 'POST') lines.push(`Content-Length: ${Buffer.byteLength(body)}`);
  return rawHttp(port, `${lines.join('\r\n')}\r\n\r\n${body}`);
}

/** The handshake a WebSocket client sends, by hand, so each header can be wrong on purpose. */
export function rawUpgrade(port: number, target: string, headers: Record<string, string> = {}): Promise<RawHttpAnswer> {
  return rawRequest(port, target, {
    Upgrade: 'websocket',
    Connection: 'Upgrade',
    'Sec-WebSocket-Version': '13',
    'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==',
    ...headers,
  });
}

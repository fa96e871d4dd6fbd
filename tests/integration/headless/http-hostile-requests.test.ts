import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startHttpTransport, type HttpTransport } from '../../../electron/headless/http-transport.ts';
import { eventProtocols } from '../../../renderer/src/transport/http-station.ts';
import { createFakeStation, type FakeStation } from '../../support/fake-station.ts';
import { rawHttp, rawRequest, rawUpgrade } from '../../support/raw-http.ts';

let station: FakeStation;
let transport: HttpTransport;
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ls-hostile-'));
  await mkdir(join(dir, 'static'), { recursive: true });
  await writeFile(join(dir, 'static', 'index.html'), '<!doctype html><title>Label Station</title>');
  station = createFakeStation();
  transport = await startHttpTransport({ api: station, staticDir: join(dir, 'static'), port: 0 });
});

afterEach(async () => {
  await transport.close();
  await rm(dir, { recursive: true, force: true });
});

const auth = () => ({ Authorization: `Bearer ${transport.token}` });

/** The server is still there and still serves calls: the bad request before it crashed nothing. */
async function stillServes(): Promise<void> {
  const answer = await rawRequest(transport.port, '/api/getState', auth(), 'POST', '{}');
  expect(answer.status).toBe(200);
}

function openSocket(headers: Record<string, string>): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${transport.port}/events`, eventProtocols(transport.token), { headers });
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
  });
}

describe('serve against malformed requests', () => {
  it.each([
    ['an unparsable absolute target', 'http://['],
    ['a broken percent escape', '/%E0%A4%A'],
    ['a lone percent sign', '/index%.html'],
    ['an escaped NUL', '/index.html%00.js'],
    ['an asterisk target', '*'],
    ['a call name with a broken escape', '/api/getState%zz'],
  ])('answers 400 to %s and keeps serving', async (_what, target) => {
    const answer = await rawRequest(transport.port, target, auth());
    expect(answer.status).toBe(400);
    await stillServes();
  });

  it('answers 400 to a call with a broken escape, never running anything', async () => {
    expect((await rawRequest(transport.port, '/api/printBatch%', auth(), 'POST', '{}')).status).toBe(400);
    expect(station.calls.filter((c) => c.method === 'printBatch')).toEqual([]);
  });

  it.each([
    ['a header line without a colon', `GET / HTTP/1.1\r\nHost: 127.0.0.1:PORT\r\nthis is not a header\r\n\r\n`],
    ['a Content-Length that is not a number', `POST /api/getState HTTP/1.1\r\nHost: 127.0.0.1:PORT\r\nAuthorization: TOKEN\r\nContent-Length: ten\r\n\r\n{}`],
    ['a broken chunked body', `POST /api/getState HTTP/1.1\r\nHost: 127.0.0.1:PORT\r\nAuthorization: TOKEN\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n`],
    ['a request line of garbage', '\u0001\u0002\u0003 nonsense\r\n\r\n'],
  ])('answers 400 to %s and keeps serving', async (_what, request) => {
    const answer = await rawHttp(transport.port, request.replaceAll('PORT', String(transport.port)).replace('TOKEN', auth().Authorization));
    expect(answer.status).toBe(400);
    await stillServes();
  });

  it('answers 431 to headers larger than the parser takes', async () => {
    const answer = await rawRequest(transport.port, '/', { 'X-Filler': 'a'.repeat(20_000) });
    expect(answer.status).toBe(431);
    await stillServes();
  });

  it('answers 400 to bodies that are not JSON, deeply nested or not what the call takes', async () => {
    const post = (body: string) => rawRequest(transport.port, '/api/printBatch', auth(), 'POST', body);
    expect(JSON.parse((await post('{"processed": ')).body)).toEqual({
      name: 'StationCallError',
      message: 'the request body is not JSON',
      text: { code: 'bad-request', params: {}, detail: 'the request body is not JSON' },
    });
    expect((await post('\u0000\u00ff')).status).toBe(400);
    expect((await post(`${'['.repeat(200_000)}${']'.repeat(200_000)}`)).status).toBe(400);
    expect((await post(JSON.stringify({ processed: { nested: [[[{}]]] } }))).status).toBe(400);
    expect((await post('"just a string"')).status).toBe(400);
    expect(station.calls.filter((c) => c.method === 'printBatch')).toEqual([]);
    await stillServes();
  });

  it('answers 400, not 500, when the core refuses what the caller asked (a job in the wrong state)', async () => {
    const refusing = await startHttpTransport({
      api: { ...station, cancelJob: async () => Promise.reject(Object.assign(new Error('job j-1 is printing now: wait for it to finish or fail, then cancel it'), { name: 'BatchStateError' })) },
      staticDir: join(dir, 'static'),
      port: 0,
    });
    try {
      const answer = await rawRequest(refusing.port, '/api/cancelJob', { Authorization: `Bearer ${refusing.token}` }, 'POST', '{"jobId":"j-1"}');
      expect(answer.status).toBe(400);
      expect(JSON.parse(answer.body)).toEqual({ name: 'BatchStateError', message: 'job j-1 is printing now: wait for it to finish or fail, then cancel it' });
    } finally {
      await refusing.close();
    }
  });

  it('refuses a body over 2 MB by its announced length without reading it', async () => {
    const answer = await rawHttp(
      transport.port,
      `POST /api/getState HTTP/1.1\r\nHost: 127.0.0.1:${transport.port}\r\nConnection: close\r\n${Object.entries(auth()).map(([k, v]) => `${k}: ${v}`).join('')}\r\nContent-Length: 99999999\r\n\r\n{`,
    );
    expect(answer.status).toBe(400);
    expect(answer.body).toContain('larger than 2 MB');
    await stillServes();
  });

  it('answers 400 to a client that announces a body and hangs up half-way', async () => {
    const answer = await rawHttp(
      transport.port,
      `POST /api/getState HTTP/1.1\r\nHost: 127.0.0.1:${transport.port}\r\nAuthorization: Bearer ${transport.token}\r\nContent-Length: 100\r\n\r\n{"a":`,
      { endAfterWrite: true },
    );
    expect(answer.status).toBe(400);
    expect(station.calls.filter((c) => c.method === 'getState')).toEqual([]);
    await stillServes();
  });
});

describe('the event socket against malformed upgrades', () => {
  const withToken = () => ({ 'Sec-WebSocket-Protocol': eventProtocols(transport.token).join(', ') });

  it.each([
    ['an unparsable absolute target', 400, 'http://['],
    ['a broken percent escape', 400, '/events%'],
    ['another path', 401, '/not-events'],
  ])('answers an upgrade with %s as %i and keeps serving', async (_what, status, target) => {
    const answer = await rawUpgrade(transport.port, target, withToken());
    expect(answer.status).toBe(status);
    await stillServes();
  });

  it('answers 400 to a handshake without a valid key, even with the token', async () => {
    expect((await rawUpgrade(transport.port, '/events', { ...withToken(), 'Sec-WebSocket-Key': 'short' })).status).toBe(400);
    await stillServes();
  });

  it('survives a client that resets the connection right after the upgrade request', async () => {
    await new Promise<void>((resolve) => {
      const socket = connect(transport.port, '127.0.0.1', () => {
        socket.write(`GET http://[ HTTP/1.1\r\nHost: 127.0.0.1:${transport.port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n`, () => {
          socket.resetAndDestroy();
          resolve();
        });
      });
      socket.on('error', () => undefined);
    });
    await stillServes();
  });

  it('closes a socket that sends a malformed frame and keeps serving the others', async () => {
    const good = await openSocket({});
    const bad = await openSocket({});
    const closed = new Promise<number>((resolve) => bad.once('close', (code) => resolve(code)));
    // An opcode no WebSocket has (0x3), unmasked: both are protocol errors from a client.
    (bad as unknown as { _socket: { write(bytes: Buffer): void } })._socket.write(Buffer.from([0x83, 0x00]));
    expect(await closed).toBeGreaterThan(0);
    expect(good.readyState).toBe(WebSocket.OPEN);
    good.close();
    await stillServes();
  });
});

describe('the event socket and calls against foreign pages', () => {
  it("refuses an upgrade from another page's Origin even with the token", async () => {
    await expect(openSocket({ Origin: 'http://evil.example' })).rejects.toThrow('403');
    await expect(openSocket({ Origin: `http://127.0.0.1:${transport.port + 1}` })).rejects.toThrow('403');
    await expect(openSocket({ Origin: 'null' })).rejects.toThrow('403');
  });

  it("opens for the page's own origin, by either loopback name, and for a program that sends none", async () => {
    const origins: Array<Record<string, string>> = [{ Origin: `http://127.0.0.1:${transport.port}` }, { Origin: `http://localhost:${transport.port}` }, {}];
    for (const headers of origins) {
      const ws = await openSocket(headers);
      expect(ws.protocol).toBe('label-station');
      ws.close();
    }
  });

  it("refuses a call from another page's Origin even with the token, and runs nothing", async () => {
    const answer = await rawRequest(transport.port, '/api/printBatch', { ...auth(), Origin: 'http://evil.example' }, 'POST', '{"processed":"2022-09-02 16:11:21"}');
    expect(answer.status).toBe(403);
    expect(station.calls.filter((c) => c.method === 'printBatch')).toEqual([]);
  });
});

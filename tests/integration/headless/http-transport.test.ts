import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { startHttpTransport, type HttpTransport } from '../../../electron/headless/http-transport.ts';
import { connectHttpStation, eventProtocols } from '../../../renderer/src/transport/http-station.ts';
import { stationEventNames } from '../../../electron/shared/station-api.ts';
import { createFakeStation, sampleJob, type FakeStation } from '../../support/fake-station.ts';

let station: FakeStation;
let transport: HttpTransport;
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ls-http-'));
  await mkdir(join(dir, 'static', 'assets'), { recursive: true });
  await writeFile(join(dir, 'static', 'index.html'), '<!doctype html><title>Label Station</title>');
  await writeFile(join(dir, 'static', 'assets', 'app.js'), 'console.log(1)');
  await writeFile(join(dir, 'secret.txt'), 'secret');
  station = createFakeStation();
  transport = await startHttpTransport({ api: station, staticDir: join(dir, 'static'), port: 0 });
});

afterEach(async () => {
  await transport.close();
  await rm(dir, { recursive: true, force: true });
});

const base = () => `http://127.0.0.1:${transport.port}`;
const call = (method: string, body: unknown, token: string | null = transport.token) =>
  fetch(`${base()}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });

/** A raw GET, because fetch will not send a path that climbs out of the root or a foreign Host. */
function rawGet(path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: transport.port, path, headers }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

function openSocket(protocols: string[]): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${transport.port}/events`, protocols);
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
  });
}

describe('headless HTTP transport', () => {
  it('listens on loopback only and prints an address carrying the token', () => {
    expect(transport.url).toBe(`http://127.0.0.1:${transport.port}/#token=${transport.token}`);
    expect(transport.token.length).toBeGreaterThanOrEqual(40);
  });

  it('answers 401 to calls without the token or with a wrong one, and never runs them', async () => {
    expect((await call('printBatch', { processed: '2022-09-02 16:11:21' }, null)).status).toBe(401);
    expect((await call('printBatch', { processed: '2022-09-02 16:11:21' }, `${transport.token}x`)).status).toBe(401);
    expect(station.calls.filter((c) => c.method === 'printBatch')).toEqual([]);
  });

  it('refuses the event socket without the token', async () => {
    await expect(openSocket(['label-station'])).rejects.toThrow('401');
    await expect(openSocket(eventProtocols('wrong'))).rejects.toThrow('401');
  });

  it('runs a call with the contract validating its input', async () => {
    const ok = await call('printBatch', { processed: '2022-09-02 16:11:21' });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ processed: '2022-09-02 16:11:21', state: 'queued', targetPrintStatus: 1 });

    const bad = await call('reprintBatch', { processed: '2022-09-02 16:11:21' });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ name: 'StationCallError', message: expect.stringContaining('confirmed') });
    expect(station.calls.filter((c) => c.method === 'reprintBatch')).toEqual([]);

    const unknown = await call('dropTables', {});
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toEqual({
      name: 'StationCallError',
      message: 'unknown station method "dropTables"',
      text: { code: 'bad-request', params: {}, detail: 'unknown station method "dropTables"' },
    });
  });

  it("passes the core's error through as name and message only", async () => {
    const response = await call('getOrderDetails', { id: 'nope' });
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ name: 'ApiNotFoundError', message: 'order nope not found' });
  });

  it('serves the renderer with a strict CSP and nothing outside its folder', async () => {
    const page = await fetch(`${base()}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>Label Station</title>');
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe');
    expect((await fetch(`${base()}/assets/app.js`)).headers.get('content-type')).toContain('javascript');
    expect((await rawGet('/../secret.txt')).status).toBe(404);
    expect((await rawGet('/%2e%2e/secret.txt')).status).toBe(404);
  });

  it('refuses a request addressed to another host name (DNS rebinding)', async () => {
    expect((await rawGet('/', { host: `evil.example:${transport.port}` })).status).toBe(421);
  });

  it('gives the browser client validated answers and live events', async () => {
    const { api, link, close } = connectHttpStation({
      origin: base(),
      token: transport.token,
      WebSocket: WebSocket as unknown as typeof globalThis.WebSocket,
    });
    await new Promise<void>((resolve) => (link.get() === 'up' ? resolve() : link.on((s) => s === 'up' && resolve())));
    const batches = await api.listBatches({});
    expect(batches.map((b) => b.processed)).toEqual(['2022-09-02 16:11:21', '2022-09-01 09:00:00']);
    await expect(api.reprintBatch({ processed: 'yesterday', confirmed: true })).rejects.toMatchObject({ name: 'StationCallError' });

    const seen = new Promise((resolve) => api.on('job', resolve));
    station.emit('job', sampleJob({ state: 'printing', confirmedLabels: 2 }));
    expect(await seen).toMatchObject({ state: 'printing', confirmedLabels: 2 });
    close();
  });

  it('unsubscribes from the station when a browser goes away', async () => {
    const before = station.listenerCount();
    const ws = await openSocket(eventProtocols(transport.token));
    expect(station.listenerCount()).toBe(before + stationEventNames.length);
    await new Promise<void>((resolve) => {
      ws.once('close', () => resolve());
      ws.close();
    });
    await vi.waitFor(() => expect(station.listenerCount()).toBe(before));
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../../../electron/core/station/station-options.ts';
import { fileURLToPath } from 'node:url';
import type { AppStation as HeadlessStation } from '../../../electron/app/start-station.ts';
import { startHeadlessStation } from '../../../electron/headless/headless-station.ts';
import { createSimulator } from '../../../electron/simulator/create-simulator.ts';
import type { Simulator } from '../../../electron/simulator/simulator-types.ts';

/** A server of someone else's: it records every Authorization header it is sent. */
async function startRecordingServer(): Promise<{ baseUrl: string; authorizations: string[]; close(): Promise<void> }> {
  const authorizations: string[] = [];
  const server: Server = createServer((request, response) => {
    authorizations.push(request.headers.authorization ?? '');
    response.writeHead(401, { 'content-type': 'application/json' }).end('{"message":"no"}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/public`,
    authorizations,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

let sim: Simulator;
let dataDir: string;
let headless: HeadlessStation | undefined;

beforeEach(async () => {
  sim = await createSimulator({ seed: 3, port: 0 });
  dataDir = mkdtempSync(join(tmpdir(), 'ls-origin-'));
});

afterEach(async () => {
  await headless?.stop();
  headless = undefined;
  await sim.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const start = (options: { apiBaseUrl?: string; token?: string } = {}) =>
  startHeadlessStation({
    dataDir,
    apiBaseUrl: options.apiBaseUrl ?? sim.baseUrl,
    userId: sim.userId,
    pollSeconds: 2,
    logger: silentLogger,
    env: options.token === undefined ? {} : { LABEL_STATION_TOKEN: options.token },
  }, fileURLToPath(new URL('../../../assets/', import.meta.url)));

describe('the stored token and the server address', () => {
  it('forgets the token when the address moves to another server, so that server never receives it', async () => {
    headless = await start({ token: sim.token });
    const { station } = headless;
    await vi.waitFor(async () => expect((await station.getState({})).connection).toBe('ok'));
    const rogue = await startRecordingServer();
    try {
      const saved = await station.updateSettings({ apiBaseUrl: rogue.baseUrl });
      expect(saved.hasToken).toBe(false);
      expect((await station.getState({})).connection).toBe('not-configured');

      // Once it has a token of its own, the new server gets that one, and never the old one.
      await station.updateSettings({ token: 'token-for-the-new-server' });
      await vi.waitFor(() => expect(rogue.authorizations.length).toBeGreaterThan(0));
      expect(new Set(rogue.authorizations)).toEqual(new Set(['Bearer token-for-the-new-server']));
    } finally {
      await rogue.close();
    }
  });

  it('keeps the token for another path on the same server, and takes a new one given in the same save', async () => {
    headless = await start({ token: sim.token });
    const { station } = headless;
    expect((await station.updateSettings({ apiBaseUrl: `${sim.baseUrl}/` })).hasToken).toBe(true);

    const other = await createSimulator({ seed: 4, port: 0 });
    try {
      const saved = await station.updateSettings({ apiBaseUrl: other.baseUrl, userId: other.userId, token: other.token });
      expect(saved).toMatchObject({ apiBaseUrl: other.baseUrl, hasToken: true });
      await vi.waitFor(async () => expect((await station.getState({})).connection).toBe('ok'));
    } finally {
      await headless.stop();
      headless = undefined;
      await other.close();
    }
  });

  it('forgets the token when a restart points the kiosk at another server without giving one', async () => {
    headless = await start({ token: sim.token });
    await headless.stop();
    const rogue = await startRecordingServer();
    try {
      headless = await start({ apiBaseUrl: rogue.baseUrl });
      expect((await headless.station.getSettings({})).hasToken).toBe(false);
      expect(rogue.authorizations).toEqual([]);
    } finally {
      await rogue.close();
    }
  });

  it('refuses plain http to a server on the network, and changes nothing', async () => {
    headless = await start({ token: sim.token });
    const { station } = headless;
    await expect(station.updateSettings({ apiBaseUrl: 'http://192.168.1.20/public' })).rejects.toThrow('https://');
    expect(await station.getSettings({})).toMatchObject({ apiBaseUrl: sim.baseUrl, hasToken: true });
    await headless.stop();
    headless = undefined;
    await expect(start({ apiBaseUrl: 'http://orders.example.com/public', token: 'x' })).rejects.toThrow('https://');
  });
});

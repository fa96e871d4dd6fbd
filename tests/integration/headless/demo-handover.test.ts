import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../../../electron/core/station/station-options.ts';
import { startDemoStation, startStationOrDemo, type RunningStation } from '../../../electron/app/demo-station.ts';
import type { StationShell } from '../../../electron/app/start-station.ts';
import { createKeyFileSecretStore } from '../../../electron/core/station/key-file-secret-store.ts';
import { createSimulator } from '../../../electron/simulator/create-simulator.ts';
import type { Simulator } from '../../../electron/simulator/simulator-types.ts';
import type { ServerConnection, StationState } from '../../../electron/shared/station-api.ts';

let running: RunningStation | undefined;
const assetsDir = fileURLToPath(new URL('../../../assets/', import.meta.url));
/** The desktop app's shell on a data folder: nothing asked at start, the token sealed by a key file. */
const shellOn = (dataDir: string): StationShell => ({ dataDir, assetsDir, logger: silentLogger, secretStore: createKeyFileSecretStore });
let server: Simulator | undefined;
let dataDir: string | undefined;
let other: Server | undefined;

afterEach(async () => {
  await running?.stop();
  await server?.close();
  await new Promise((resolve) => (other?.listening ? other.close(resolve) : resolve(undefined)));
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  running = undefined;
  other = undefined;
});

const connectionTo = (sim: Simulator, overrides: Partial<ServerConnection> = {}): ServerConnection => ({ apiBaseUrl: sim.baseUrl, userId: sim.userId, token: sim.token, ...overrides });

async function startDemo(): Promise<RunningStation> {
  dataDir = mkdtempSync(join(tmpdir(), 'ls-demo-'));
  server = await createSimulator({ seed: 7 });
  running = await startStationOrDemo(shellOn(dataDir));
  return running;
}

/** A web server on loopback that answers every request the way `answer` does: not the order API. */
async function otherServer(answer: (res: ServerResponse) => void): Promise<string> {
  other = createServer((_req, res) => answer(res));
  await new Promise<void>((resolve) => other?.listen(0, '127.0.0.1', resolve));
  const address = other.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return `http://127.0.0.1:${address.port}/public`;
}

describe('demo mode', () => {
  it('starts on the simulator with batches to print when nothing is configured, and keeps its simulator when Settings names a server', async () => {
    const demo = await startDemo();
    expect((await demo.station.getState({})).demo).toBe(true);
    expect(demo.labelsDir).toBe(join(dataDir ?? '', 'demo', 'labels'));
    const settings = await demo.station.getSettings({});
    expect(settings.printers.map((p) => p.uri)).toEqual([`pdf-dir:${join(dataDir ?? '', 'demo', 'labels')}`]);

    await demo.station.updateSettings({ pollSeconds: 30 });
    // Today's trap: a token alone, saved against the simulator's address, switched to a dead "real" mode.
    await expect(demo.station.updateSettings({ token: 'pasted-token' })).rejects.toMatchObject({ name: 'OperatorError', text: { code: 'demo-server-through-setup' } });
    await expect(demo.station.updateSettings({ apiBaseUrl: server?.baseUrl })).rejects.toMatchObject({ name: 'OperatorError' });
    expect((await demo.station.getState({})).demo).toBe(true);
    expect((await demo.station.getSettings({})).pollSeconds).toBe(30);
  });

  it('as `serve --demo`, stays the demo: it tests a server but will not connect one', async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'ls-demo-'));
    server = await createSimulator({ seed: 7 });
    const demo = await startDemoStation({ ...shellOn(dataDir), autoStart: false });
    running = demo;
    expect(await demo.station.testConnection(connectionTo(server))).toMatchObject({ ok: true });
    await expect(demo.station.connectServer(connectionTo(server))).rejects.toMatchObject({ name: 'OperatorError', text: { code: 'demo-only-station' } });
    await expect(demo.station.updateSettings({ userId: server.userId })).rejects.toMatchObject({ text: { code: 'demo-server-through-setup' } });
    expect((await demo.station.getSettings({})).apiBaseUrl).not.toBe(server.baseUrl);
  });
});

describe('connecting a server from the demo', () => {
  it('tests with exactly the values given and stores nothing: a wrong token, a wrong user id, a dead address', async () => {
    const demo = await startDemo();
    const sim = server as Simulator;
    const calls = () => sim.calls().filter((c) => c.call === 'total_summary');

    const wrongToken = await demo.station.testConnection(connectionTo(sim, { token: 'not-the-token' }));
    expect(wrongToken).toMatchObject({ ok: false, problem: { code: 'connect-token-rejected' } });
    expect(calls()).toHaveLength(1);
    expect(calls()[0]?.status).toBe(401);

    const wrongUser = await demo.station.connectServer(connectionTo(sim, { userId: '00000000-0000-4000-8000-000000000000' }));
    expect(wrongUser.test.ok).toBe(false);
    const deadUrl = await otherServer((res) => res.end());
    await new Promise((resolve) => other?.close(resolve));
    const dead = await demo.station.connectServer(connectionTo(sim, { apiBaseUrl: deadUrl }));
    expect(dead.test).toMatchObject({ ok: false, problem: { code: 'connect-unreachable', params: { host: new URL(deadUrl).host } } });
    if (!dead.test.ok) expect(dead.test.problem.detail).toMatch(/ECONNREFUSED/);

    expect((await demo.station.getState({})).demo).toBe(true);
    expect(dead.settings.apiBaseUrl).not.toBe(deadUrl);
    // The real journal stayed unconfigured: a restart is the demo again.
    await demo.stop();
    running = await startStationOrDemo(shellOn(dataDir ?? ''));
    expect((await running.station.getState({})).demo).toBe(true);
  });

  it('says what is wrong when the address answers garbage, a redirect, JSON that is not the API, a dropped connection or an error page, and never shows the user id or token', async () => {
    const demo = await startDemo();
    const sim = server as Simulator;
    const garbage = await otherServer((res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<html>Welcome to nginx</html>'));
    const test = await demo.station.testConnection(connectionTo(sim, { apiBaseUrl: garbage }));
    expect(test).toMatchObject({ ok: false, problem: { code: 'connect-not-the-api' } });
    if (!test.ok) {
      expect(test.problem.detail).toContain('{id_user}');
      expect(test.problem.detail).not.toContain(sim.userId);
      expect(test.problem.detail).not.toContain(sim.token);
    }
    await new Promise((resolve) => other?.close(resolve));

    const moved = await otherServer((res) => res.writeHead(302, { location: 'https://elsewhere.example/' }).end());
    expect(await demo.station.testConnection(connectionTo(sim, { apiBaseUrl: moved }))).toMatchObject({ ok: false, problem: { code: 'connect-redirect' } });

    // A server that says it worked, in JSON, but not the API's answer.
    const liar = await otherServer((res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":true,"message":"OK","data":[]}'));
    expect(await demo.station.testConnection(connectionTo(sim, { apiBaseUrl: liar }))).toMatchObject({ ok: false, problem: { code: 'connect-not-the-api' } });
    await new Promise((resolve) => other?.close(resolve));

    sim.addFault({ route: 'total_summary', mode: 'reset', times: 1 });
    expect(await demo.station.testConnection(connectionTo(sim))).toMatchObject({ ok: false, problem: { code: 'connect-unreachable' } });
    sim.addFault({ route: 'total_summary', mode: '500', times: 1 });
    expect(await demo.station.testConnection(connectionTo(sim))).toMatchObject({ ok: false, problem: { code: 'connect-server-error', params: { status: 500 } } });
    // One try each, no retries: the operator is waiting at the dialog.
    expect(sim.calls().filter((c) => c.call === 'total_summary')).toHaveLength(2);
    sim.addFault({ route: 'total_summary', mode: 'malformed', times: 1 });
    expect(await demo.station.testConnection(connectionTo(sim))).toMatchObject({ ok: false, problem: { code: 'connect-not-the-api' } });
    expect((await demo.station.getState({})).demo).toBe(true);
  });

  it('hands over only after a passed test, to its own journal without the demo printers or alerts, and remembers it', async () => {
    const demo = await startDemo();
    const sim = server as Simulator;
    await demo.station.updateSettings({ language: 'en' });
    // The demo's own simulator starts refusing its token: the demo raises its alert.
    const simulatorAt = new URL((await demo.station.getSettings({})).apiBaseUrl).origin;
    await fetch(`${simulatorAt}/__sim/faults`, { method: 'POST', body: JSON.stringify({ route: '*', mode: '401', times: 1000 }) });
    await vi.waitFor(async () => expect((await demo.station.listAlerts({})).map((a) => a.kind)).toContain('token-rejected'), { timeout: 20_000, interval: 200 });
    const states: StationState[] = [];
    demo.station.on('state', (state) => states.push(state));

    const connected = await demo.station.connectServer(connectionTo(sim));
    expect(connected.test).toMatchObject({ ok: true, summary: { NEW: expect.any(Number) } });
    expect(connected.settings).toMatchObject({ apiBaseUrl: sim.baseUrl, userId: sim.userId, hasToken: true, printers: [], defaultPrinterId: null, language: 'en' });
    expect((await demo.station.getState({})).demo).toBe(false);
    expect(states.at(-1)?.demo).toBe(false);
    expect(demo.labelsDir).toBeUndefined();
    expect(await demo.station.listAlerts({})).toEqual([]);
    expect((await demo.station.getState({})).connection).not.toBe('token-rejected');
    const expected = sim.batches().map((b) => b.processed);
    await vi.waitFor(async () => expect((await demo.station.listBatches({})).map((b) => b.processed)).toEqual(expected));

    await demo.stop();
    running = await startStationOrDemo(shellOn(dataDir ?? ''));
    expect((await running.station.getState({})).demo).toBe(false);
    expect((await running.station.getSettings({})).apiBaseUrl).toBe(sim.baseUrl);
  });

  it('takes a double click on "use this server" as one move, not two stations on one journal', async () => {
    const demo = await startDemo();
    const sim = server as Simulator;
    const [first, second] = await Promise.all([demo.station.connectServer(connectionTo(sim)), demo.station.connectServer(connectionTo(sim))]);
    expect([first.test.ok, second.test.ok]).toEqual([true, true]);
    expect((await demo.station.getState({})).demo).toBe(false);
    const [back] = await Promise.all([demo.station.disconnectServer({}), demo.station.disconnectServer({})]);
    expect(back.apiBaseUrl).not.toBe(sim.baseUrl);
    expect((await demo.station.getState({})).demo).toBe(true);
  });

  it('goes back to the demo when the server is removed, and stays there after a restart', async () => {
    const demo = await startDemo();
    const sim = server as Simulator;
    await demo.station.connectServer(connectionTo(sim));
    await demo.station.savePrinter({ name: 'Meja 1', uri: `pdf-dir:${join(dataDir ?? '', 'real-labels')}` });

    const back = await demo.station.disconnectServer({});
    expect((await demo.station.getState({})).demo).toBe(true);
    expect(back.printers.map((p) => p.name)).not.toContain('Meja 1');
    expect(demo.labelsDir).toBe(join(dataDir ?? '', 'demo', 'labels'));

    await demo.stop();
    running = await startStationOrDemo(shellOn(dataDir ?? ''));
    expect((await running.station.getState({})).demo).toBe(true);
    // Connecting again finds the real printers where they were.
    const again = await running.station.connectServer(connectionTo(sim));
    expect(again.settings.printers.map((p) => p.name)).toEqual(['Meja 1']);
  });
});

import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { describe, expect, it } from 'vitest';
import { registerStationIpc } from '../../../electron/main/ipc-station.ts';
import { isAppUrl } from '../../../electron/main/app-protocol.ts';
import { stationMethodNames } from '../../../electron/shared/station-api.ts';
import { createFakeStation, sampleJob } from '../../support/fake-station.ts';

type Handler = (event: IpcMainInvokeEvent, input: unknown) => Promise<unknown>;

function setup() {
  const handlers = new Map<string, Handler>();
  const ipcMain = {
    handle: (channel: string, handler: Handler) => void handlers.set(channel, handler),
    removeHandler: (channel: string) => void handlers.delete(channel),
  };
  const sent: Array<[string, string, unknown]> = [];
  const contents = (url: string) => ({ isDestroyed: () => false, getURL: () => url, send: (channel: string, payload: unknown) => sent.push([url, channel, payload]) }) as unknown as WebContents;
  const station = createFakeStation();
  const dispose = registerStationIpc({
    ipcMain: ipcMain as never,
    api: station,
    isTrustedUrl: isAppUrl,
    targets: () => [contents('app://label-station/index.html'), contents('https://evil.example/')],
  });
  const call = (method: string, input: unknown, url = 'app://label-station/index.html') =>
    handlers.get(`station:${method}`)?.({ senderFrame: { url } } as unknown as IpcMainInvokeEvent, input);
  return { handlers, station, sent, dispose, call };
}

describe('IPC main side', () => {
  it('registers one handler per contract method, by loop', () => {
    const { handlers } = setup();
    expect([...handlers.keys()].sort()).toEqual(stationMethodNames.map((m) => `station:${m}`).sort());
  });

  it('runs a call from the app page with its input validated', async () => {
    const { call, station } = setup();
    expect(await call('printBatch', { processed: '2022-09-02 16:11:21' })).toMatchObject({ ok: true, value: { state: 'queued' } });
    expect(await call('reprintBatch', { processed: '2022-09-02 16:11:21' })).toMatchObject({ ok: false, error: { name: 'StationCallError' } });
    expect(station.calls.map((c) => c.method)).toEqual(['printBatch']);
  });

  it('refuses a sender that is not the app page', async () => {
    const { call, station } = setup();
    for (const url of ['https://evil.example/', 'file:///tmp/x.html', '']) {
      expect(await call('printBatch', { processed: '2022-09-02 16:11:21' }, url)).toEqual({
        ok: false,
        error: { name: 'ForbiddenSenderError', message: 'this page may not drive the station' },
      });
    }
    expect(station.calls).toEqual([]);
  });

  it("returns the core's errors as name and message", async () => {
    const { call } = setup();
    expect(await call('getOrderDetails', { id: 'missing' })).toEqual({ ok: false, error: { name: 'ApiNotFoundError', message: 'order missing not found' } });
  });

  it('forwards events to app windows only, and undoes everything on dispose', () => {
    const { station, sent, dispose, handlers } = setup();
    station.emit('job', sampleJob());
    expect(sent).toEqual([['app://label-station/index.html', 'station-event:job', sampleJob()]]);
    dispose();
    expect(handlers.size).toBe(0);
    expect(station.listenerCount()).toBe(0);
  });
});

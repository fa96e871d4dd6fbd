import { beforeEach, describe, expect, it, vi } from 'vitest';
import { stationEventNames, stationMethodNames } from '../../../electron/shared/station-api.ts';
import type { StationBridge } from '../../../electron/shared/station-bridge.ts';

type Listener = (event: unknown, payload: unknown) => void;
const exposed = new Map<string, unknown>();
const listeners = new Map<string, Set<Listener>>();
const invoked: Array<[string, unknown]> = [];

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => exposed.set(key, value) },
  ipcRenderer: {
    invoke: async (channel: string, input: unknown) => {
      invoked.push([channel, input]);
      return { ok: true, value: { echoed: input } };
    },
    on: (channel: string, listener: Listener) => listeners.set(channel, (listeners.get(channel) ?? new Set()).add(listener)),
    removeListener: (channel: string, listener: Listener) => listeners.get(channel)?.delete(listener),
    send: () => {
      throw new Error('the bridge must not send');
    },
  },
}));

beforeEach(async () => {
  exposed.clear();
  vi.resetModules();
  await import('../../../electron/preload/preload.ts');
});

function bridge(): StationBridge {
  return exposed.get('labelStation') as StationBridge;
}

describe('preload bridge', () => {
  it('exposes exactly one function per contract method and event, and nothing of ipcRenderer', () => {
    expect([...exposed.keys()]).toEqual(['labelStation']);
    const keys = Object.keys(bridge()).sort();
    const expected = [...stationMethodNames, ...stationEventNames.map((e) => `on${e[0]?.toUpperCase()}${e.slice(1)}`)].sort();
    expect(keys).toEqual(expected);
    expect(Object.values(bridge()).every((v) => typeof v === 'function')).toBe(true);
    expect(keys).not.toContain('invoke');
    expect(keys).not.toContain('send');
  });

  it('sends each call on its own channel', async () => {
    expect(await bridge().printBatch({ processed: '2022-09-02 16:11:21' })).toEqual({ ok: true, value: { echoed: { processed: '2022-09-02 16:11:21' } } });
    expect(invoked.at(-1)).toEqual(['station:printBatch', { processed: '2022-09-02 16:11:21' }]);
  });

  it('hands event listeners the payload only, never the IPC event, and unsubscribes', () => {
    const got: unknown[][] = [];
    const off = bridge().onJob((...args: unknown[]) => got.push(args));
    const [forward] = listeners.get('station-event:job') ?? [];
    forward?.({ sender: 'the ipcRenderer' }, { id: 'job-1' });
    expect(got).toEqual([[{ id: 'job-1' }]]);
    off();
    expect(listeners.get('station-event:job')?.size).toBe(0);
  });
});

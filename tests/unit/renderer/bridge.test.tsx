import { describe, expect, it, vi } from 'vitest';
import { connectStation, MissingAccessTokenError } from '../../../renderer/src/bridge.ts';
import type { StationBridge } from '../../../electron/shared/station-bridge.ts';
import { stationEventNames, stationMethodNames } from '../../../electron/shared/station-api.ts';
import { sampleJob } from '../../support/fake-station.ts';

/** A preload bridge as the Electron preload builds it, answering from a table. */
function fakeBridge(answers: Record<string, unknown>) {
  const calls: Array<[string, unknown]> = [];
  const listeners = new Map<string, (payload: unknown) => void>();
  const bridge: Record<string, unknown> = {};
  for (const method of stationMethodNames) {
    bridge[method] = async (input: unknown) => {
      calls.push([method, input]);
      return answers[method] ?? { ok: false, error: { name: 'ApiAuthError', message: 'the server refused the token' } };
    };
  }
  for (const event of stationEventNames) {
    bridge[`on${event[0]?.toUpperCase()}${event.slice(1)}`] = (listener: (payload: unknown) => void) => {
      listeners.set(event, listener);
      return () => listeners.delete(event);
    };
  }
  return { bridge: bridge as StationBridge, calls, listeners };
}

describe('bridge', () => {
  it('uses the Electron preload when present, validating answers and events', async () => {
    const summary = { NEW: 1, PROCESSED: 2, SENT: 3, DRAFT: 4 };
    const { bridge, calls, listeners } = fakeBridge({ getSummary: { ok: true, value: summary }, listAlerts: { ok: true, value: [{ wrong: true }] } });
    const { api, link } = connectStation(Object.assign(window, { labelStation: bridge }));
    expect(link.get()).toBe('up');
    expect(await api.getSummary({})).toEqual(summary);
    expect(calls).toEqual([['getSummary', {}]]);
    await expect(api.getState({})).rejects.toMatchObject({ name: 'ApiAuthError', message: 'the server refused the token' });
    await expect(api.listAlerts({})).rejects.toMatchObject({ name: 'StationCallError' });

    const jobs: unknown[] = [];
    const off = api.on('job', (job) => jobs.push(job.id));
    listeners.get('job')?.(sampleJob());
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    listeners.get('job')?.({ id: 'half a job' });
    expect(jobs).toEqual(['job-1']);
    expect(logged).toHaveBeenCalledOnce();
    logged.mockRestore();
    off();
    expect(listeners.has('job')).toBe(false);
    delete (window as { labelStation?: unknown }).labelStation;
  });

  it('in a browser takes the token from the URL fragment, keeps it for the session and clears it from the address bar', () => {
    window.history.replaceState(null, '', '/#token=s3cret');
    const connection = connectStation(window);
    connection.close();
    expect(window.location.hash).toBe('');
    expect(window.sessionStorage.getItem('label-station-token')).toBe('s3cret');
    connectStation(window).close();
  });

  it('without a token says how to get one', () => {
    window.sessionStorage.clear();
    window.history.replaceState(null, '', '/');
    expect(() => connectStation(window)).toThrow(MissingAccessTokenError);
    expect(() => connectStation(window)).toThrow('open the address that `label-station serve` printed');
  });
});

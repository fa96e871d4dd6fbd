import { afterEach, describe, expect, it } from 'vitest';
import { ApiServerError } from '../../../electron/core/api/api-errors.ts';
import type { Alert } from '../../../electron/shared/station-api.ts';
import { startStationOnFakes, type StationOnFakes } from '../../support/fakes/station-on-fakes.ts';

/** What the UI hears: alerts raised or updated, and the ids the core cleared. */
function listen(h: StationOnFakes) {
  const raised: Alert[] = [];
  const cleared: string[] = [];
  h.station.on('alert', (alert) => raised.push(alert));
  h.station.on('alertsCleared', ({ ids }) => cleared.push(...ids));
  return { raised, cleared };
}

describe('alerts belong to a cause and go when it does', () => {
  let h: StationOnFakes;
  afterEach(async () => h.close());

  it('printer offline: one alert naming the printer once, updated on each retry, cleared when the job prints', async () => {
    h = await startStationOnFakes({ printers: [{ id: 'bench', labelsPerJob: 3 }], pollSeconds: 600 });
    const heard = listen(h);
    const { processed } = h.server.addBatch(2);
    h.printer().online = false;
    await h.station.printBatch({ processed });
    await h.clock.flush();
    for (const ms of [2000, 4000, 8000]) await h.clock.advance(ms);
    const [alert, ...more] = await h.station.listAlerts({});
    expect(more).toEqual([]);
    expect(alert).toMatchObject({ kind: 'printer-offline', count: 4, text: { code: 'printer-offline', params: { printer: 'Printer bench' } } });
    expect(alert?.text.detail).toContain('switched off');
    expect(alert?.retryAt).toBe(new Date(h.clock.now() + 16_000).toISOString());
    expect(new Set(heard.raised.map((a) => a.id))).toEqual(new Set([alert?.id]));

    h.printer().online = true;
    await h.clock.advance(16_000);
    await h.clock.flush();
    expect((await h.jobOf(processed))?.state).toBe('done');
    expect(await h.station.listAlerts({})).toEqual([]);
    expect(heard.cleared).toEqual([alert?.id]);
  });

  it('server errors: one api-unreachable alert from the third failure, with the code and status; a clean poll clears it', async () => {
    h = await startStationOnFakes();
    const heard = listen(h);
    const call = { call: 'processed_list' as const, method: 'GET' as const, path: '/public/order/orders/processed_list/c0ffee00-0000-4000-8000-000000000001', status: 500 };
    h.server.fail('processed_list', { kind: 'fail', error: new ApiServerError({ ...call, bodyExcerpt: '<h1>Internal Server Error</h1>' }) }, 4);
    for (const ms of [10_000, 2000, 4000, 8000]) await h.clock.advance(ms);
    const alerts = await h.station.listAlerts({});
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ kind: 'api-unreachable', count: 2, text: { code: 'api-server-error', params: { call: 'processed_list', status: 500 } } });
    // The detail names the call's path without the seller's user id.
    expect(alerts[0]?.text.detail).toBe('GET /public/order/orders/processed_list/… → 500 — <h1>Internal Server Error</h1>');
    expect((await h.station.getState({})).lastErrorText).toMatchObject({ code: 'api-server-error' });

    await h.clock.advance(16_000);
    expect(await h.station.getState({})).toMatchObject({ connection: 'ok', lastErrorText: null });
    expect(await h.station.listAlerts({})).toEqual([]);
    expect(heard.cleared).toEqual([alerts[0]?.id]);
  });

  it('token rejected: the alert stays while the token is refused and goes when a new one is accepted', async () => {
    h = await startStationOnFakes();
    const heard = listen(h);
    const newToken = h.server.revokeToken();
    await h.clock.advance(10_000);
    const [alert] = await h.station.listAlerts({});
    expect(alert).toMatchObject({ kind: 'token-rejected', text: { code: 'token-rejected', params: { status: 401 } } });
    await h.station.updateSettings({ token: newToken });
    await h.clock.flush();
    expect(await h.station.listAlerts({})).toEqual([]);
    expect(heard.cleared).toEqual([alert?.id]);
  });

  it('a cancelled job takes its alert with it', async () => {
    h = await startStationOnFakes({ printers: [{ id: 'bench', labelsPerJob: 3 }], pollSeconds: 600 });
    const heard = listen(h);
    const { processed } = h.server.addBatch(1);
    h.printer().online = false;
    const job = await h.station.printBatch({ processed });
    await h.clock.flush();
    const [alert] = await h.station.listAlerts({});
    await h.station.cancelJob({ jobId: job.id });
    expect(await h.station.listAlerts({})).toEqual([]);
    expect(heard.cleared).toContain(alert?.id);
  });

  it('journal events carry their code: History reads them in the operator language', async () => {
    h = await startStationOnFakes({ printers: [{ id: 'bench', labelsPerJob: 3 }], pollSeconds: 600 });
    const { processed } = h.server.addBatch(2);
    await h.station.printBatch({ processed });
    await h.clock.flush();
    const events = await h.station.listEvents({});
    expect(events.map((e) => e.text.code)).toEqual(expect.arrayContaining(['ev-job-created', 'ev-claimed', 'ev-job-done']));
    expect(events.find((e) => e.kind === 'job-done')?.text.params).toEqual({ labels: 2, printer: 'Printer bench' });
  });
});

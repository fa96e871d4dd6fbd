import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiNetworkError, ApiProtocolError, ApiServerError, ApiTimeoutError, type ApiErrorDetails } from '../../../electron/core/api/api-errors.ts';
import { fakeServerSettings, startStationOnFakes, type StationOnFakes } from '../../support/fakes/station-on-fakes.ts';

const listCall: ApiErrorDetails = { call: 'processed_list', method: 'GET', path: '/order/orders/processed_list/u', status: null };

describe('polling processed_list through the station', () => {
  let h: StationOnFakes;
  afterEach(async () => h.close());

  /** Time moves `ms`: the next poll comes exactly at its end, not a millisecond before. */
  async function nextPollAfter(ms: number): Promise<void> {
    const before = h.server.pollCount();
    await h.clock.advance(ms - 1);
    expect(h.server.pollCount(), `no poll before ${ms} ms`).toBe(before);
    await h.clock.advance(1);
    expect(h.server.pollCount(), `a poll at ${ms} ms`).toBe(before + 1);
  }

  it('polls at start and then at the poll interval, which a new setting changes at once', async () => {
    h = await startStationOnFakes();
    expect(h.server.pollCount()).toBe(1);
    expect(await h.station.getState({})).toMatchObject({ connection: 'ok', lastPollAt: new Date(h.clock.now()).toISOString(), lastError: null });
    await nextPollAfter(10_000);
    await nextPollAfter(10_000);
    await h.station.updateSettings({ pollSeconds: 30 });
    await h.clock.flush();
    expect(h.server.pollCount()).toBe(4);
    await nextPollAfter(30_000);
  });

  it('not set up yet: says so, calls nothing, alerts nothing; set up, it polls at once', async () => {
    h = await startStationOnFakes({ configure: false });
    await h.clock.advance(3_600_000);
    expect(await h.station.getState({})).toMatchObject({ connection: 'not-configured', lastPollAt: null });
    expect(h.server.calls).toEqual([]);
    expect(await h.station.listAlerts({})).toEqual([]);
    expect(await h.station.listEvents({ level: 'warn' })).toEqual([]);
    await h.station.updateSettings(fakeServerSettings(h.server));
    await h.clock.flush();
    expect(h.server.pollCount()).toBe(1);
    expect((await h.station.getState({})).connection).toBe('ok');
  });

  it('a new server address or user takes effect at once, through a new client', async () => {
    h = await startStationOnFakes();
    await h.station.updateSettings({ userId: 'c0ffee00-0000-4000-8000-000000000002' });
    await h.clock.flush();
    expect(h.server.calls.map((c) => c.client)).toEqual([1, 2]);
  });

  it('never starts a poll while one is unanswered, however long it takes', async () => {
    h = await startStationOnFakes();
    h.server.fail('processed_list', { kind: 'hang' });
    await h.clock.advance(10_000);
    expect(h.server.pollCount()).toBe(2);
    await h.clock.advance(3_600_000);
    expect(h.server.pollCount()).toBe(2);
    h.server.answerHeld();
    await nextPollAfter(10_000);
  });

  it('backs off on each kind of failure (2, 4, 8, 16 s), says so, raises one alert at the third, and recovers', async () => {
    h = await startStationOnFakes();
    const failures = [
      new ApiServerError({ ...listCall, status: 502 }),
      new ApiProtocolError({ ...listCall, status: 200, problem: 'not JSON', field: null }),
      new ApiNetworkError({ ...listCall, reason: 'ECONNRESET' }),
      new ApiTimeoutError({ ...listCall, timeoutMs: 15_000 }),
    ];
    for (const error of failures) h.server.fail('processed_list', { kind: 'fail', error });
    await nextPollAfter(10_000);
    expect(await h.station.getState({})).toMatchObject({ connection: 'unreachable', lastError: failures[0]?.message });
    await nextPollAfter(2_000);
    expect(await h.station.listAlerts({})).toEqual([]);
    await nextPollAfter(4_000);
    expect((await h.station.listAlerts({})).map((a) => [a.kind, a.message])).toEqual([['api-unreachable', failures[2]?.message]]);
    await nextPollAfter(8_000);
    await nextPollAfter(16_000);
    expect(await h.station.getState({})).toMatchObject({ connection: 'ok', lastError: null });
    expect(await h.station.listAlerts({})).toEqual([]);
    await nextPollAfter(10_000);
    const warnings = await h.station.listEvents({ level: 'warn' });
    expect(warnings.map((e) => e.message.replace(/^.*\(/, '(')).reverse()).toEqual([
      '(attempt 1, next in 2 s)',
      '(attempt 2, next in 4 s)',
      '(attempt 3, next in 8 s)',
      '(attempt 4, next in 16 s)',
    ]);
  });

  it('logs what changed between polls: a new batch, a print count moved elsewhere, a batch gone', async () => {
    h = await startStationOnFakes();
    const { processed } = h.server.addBatch(4);
    await h.clock.advance(10_000);
    h.server.addBatch(1, { processed, printStatus: 1 });
    await h.clock.advance(10_000);
    h.server.removeBatch(processed);
    await h.clock.advance(10_000);
    const changes = (await h.station.listEvents({})).filter((e) => e.processed === processed).reverse();
    expect(changes.map((e) => [e.kind, e.message])).toEqual([
      ['batch-new', 'new batch of 4 label(s)'],
      ['batch-print-count-changed', 'print count 0 → 1'],
      ['batch-gone', 'batch no longer listed'],
    ]);
    expect(await h.station.listBatches({})).toEqual([]);
  });
});

describe('a rejected token pauses polling and printing until a new token is saved', () => {
  let h: StationOnFakes;
  afterEach(async () => h.close());

  it('on processed_list: no call at all for an hour, no job claimed; a new token polls and prints at once', async () => {
    h = await startStationOnFakes();
    const { processed, orders } = h.server.addBatch(2);
    await h.clock.advance(10_000);
    const newToken = h.server.revokeToken();
    await h.clock.advance(10_000);
    expect(await h.station.getState({})).toMatchObject({ connection: 'token-rejected' });
    expect((await h.station.listAlerts({})).map((a) => a.kind)).toEqual(['token-rejected']);
    const polls = h.server.pollCount();

    const job = await h.station.printBatch({ processed });
    await h.clock.advance(3_600_000);
    expect(h.server.pollCount()).toBe(polls);
    expect(h.server.printOrderCalls(processed)).toEqual([]);
    expect((await h.jobOf(processed))?.state).toBe('queued');

    await h.station.updateSettings({ token: newToken });
    await h.clock.flush();
    expect(h.server.pollCount()).toBe(polls + 1);
    expect(await h.station.getState({})).toMatchObject({ connection: 'ok' });
    expect(await h.station.listAlerts({})).toEqual([]);
    expect((await h.station.getJob({ jobId: job.id })).job).toMatchObject({ state: 'done', confirmedLabels: 2 });
    expect(h.printer().invoices()).toEqual(orders.map((o) => o.invoice));
  });

  it('on print_order: the job waits claiming, polling stops; with a new token it claims with the same print_status', async () => {
    h = await startStationOnFakes();
    const { processed } = h.server.addBatch(3);
    await h.clock.advance(10_000);
    const newToken = h.server.revokeToken();
    const job = await h.station.printBatch({ processed });
    await h.clock.flush();
    expect((await h.jobOf(processed))?.state).toBe('claiming');
    expect((await h.station.getState({})).connection).toBe('token-rejected');
    const polls = h.server.pollCount();
    await h.clock.advance(3_600_000);
    expect(h.server.pollCount()).toBe(polls);
    expect(h.server.printOrderCalls(processed)).toEqual([1]);

    await h.station.updateSettings({ token: newToken });
    await h.clock.flush();
    expect((await h.station.getJob({ jobId: job.id })).job).toMatchObject({ state: 'done', confirmedLabels: 3 });
    expect(h.server.printOrderCalls(processed)).toEqual([1, 1]);
    expect(h.server.printStatusOf(processed)).toBe(1);
    expect(h.printer().paper).toHaveLength(3);
  });

  it('never shows either token in a log line, an event, an alert, an error or the journal files', async () => {
    h = await startStationOnFakes();
    const oldToken = h.server.token;
    const newToken = h.server.revokeToken();
    const { processed } = h.server.addBatch(1);
    await h.clock.advance(10_000);
    await h.station.updateSettings({ token: newToken });
    await h.station.printBatch({ processed });
    await h.clock.flush();
    const said = JSON.stringify([h.logs, await h.station.listEvents({}), await h.station.listAlerts({}), await h.station.getSettings({}), await h.station.getState({})]);
    expect(said).toContain('rejected the API token');
    const folder = dirname(h.journalPath);
    // Every file under the data folder, the journal's backups included.
    const files = readdirSync(folder, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => readFileSync(join(entry.parentPath, entry.name), 'latin1'))
      .join('');
    for (const token of [oldToken, newToken]) {
      expect(said).not.toContain(token);
      expect(files).not.toContain(token);
    }
  });

  it('the same old token saved again does not lift the pause by itself: the server refuses it again', async () => {
    h = await startStationOnFakes();
    const oldToken = h.server.token;
    h.server.revokeToken();
    await h.clock.advance(10_000);
    await h.station.updateSettings({ token: oldToken });
    await h.clock.flush();
    expect((await h.station.getState({})).connection).toBe('token-rejected');
    const polls = h.server.pollCount();
    await h.clock.advance(3_600_000);
    expect(h.server.pollCount()).toBe(polls);
  });
});

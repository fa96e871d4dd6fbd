import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fromServerTimestamp, toServerTimestamp } from '../../../electron/core/station/server-time.ts';
import { editRows, orderPart, type JsonObject, type Rewriter } from '../../support/rewriting-proxy.ts';
import { missingTools } from '../../support/system-tools.ts';
import { startProxiedRig, type ProxiedRig } from './proxied-rig.ts';
import { batchListed, firstPoll, jobIn, printOrderCalls, scanPrintedLabels, waitFor } from './station-rig.ts';

/** Rows whose `assign` is 20 000 arrays deep, written as text: not even the proxy could serialise it. */
function deepAssign(): Rewriter {
  const marker = '__deep_assign__';
  const deepText = `${'['.repeat(20_000)}"x"${']'.repeat(20_000)}`;
  const edit = editRows((rows) => rows.map((r) => ({ ...r, order: { ...orderPart(r), assign: marker } })));
  return (answer, path) => {
    const edited = edit(answer, path);
    return 'json' in edited ? { status: edited.status, text: JSON.stringify(edited.json).replaceAll(JSON.stringify(marker), deepText) } : edited;
  };
}

const details = (record: JsonObject): JsonObject[] => record.details as JsonObject[];

describe.skipIf(missingTools('zbarimg').length > 0)('the station against a broken or hostile backend', () => {
  let rig: ProxiedRig;
  beforeEach(async () => {
    rig = await startProxiedRig();
    rig.station.start();
    await firstPoll(rig.station);
    await rig.station.setAutoPrint({ enabled: true });
  });
  afterEach(async () => rig.close());

  it('a qty of "1.5" prints, and the stored orders read back (they used to fail the domain schema and stall the printer)', async () => {
    const { sim, proxy, station } = rig;
    proxy.rewrite('print_order', editRows((rows) => rows.map((r) => ({ ...r, details: details(r).map((d) => ({ ...d, qty: '1.5' })) }))), 1);
    const first = sim.addBatch(3);
    expect(await waitFor('printed', jobIn(station, first.processed, 'done'))).toMatchObject({ confirmedLabels: 3 });
    expect((await station.getBatchOrders({ processed: first.processed })).every((o) => o.items.every((i) => i.qty === 1.5))).toBe(true);
    const next = sim.addBatch(2);
    await waitFor('the next batch printed', jobIn(station, next.processed, 'done'));
    expect(scanPrintedLabels(rig.printer)).toHaveLength(5);
  });

  it('an assign 20 000 levels deep neither stalls printing nor breaks the Orders page', async () => {
    const { sim, proxy, station } = rig;
    proxy.rewrite('print_order', deepAssign(), 1);
    proxy.rewrite('list', deepAssign(), 1);
    const batch = sim.addBatch(2);
    await waitFor('printed', jobIn(station, batch.processed, 'done'));
    const page = await station.listOrders({ offset: 0, limit: 20 });
    expect(page.orders.length).toBeGreaterThan(0);
    expect(page.orders.every((o) => o.assign === null)).toBe(true);
    expect(() => JSON.stringify(page)).not.toThrow();
  });

  it('a 200 000-character AWB leaves that order out and holds the job naming it; Print what arrived prints the rest', async () => {
    const { sim, proxy, station } = rig;
    proxy.rewrite('print_order', editRows((rows) => rows.map((r, i) => (i === 1 ? { ...r, updatedAWB: 'JP'.repeat(100_000) } : r))), 1);
    const batch = sim.addBatch(4);
    const held = await waitFor('held', jobIn(station, batch.processed, 'failed'));
    expect(held.reason).toContain(`print_order sent 3 of the 4 orders of batch ${batch.processed}`);
    expect(held.reason).toContain('row 2');
    expect(held.reason).toContain('data.data[1].updatedAWB: longer than 64 characters');
    await station.printReceivedOrders({ jobId: held.id });
    await waitFor('printed', jobIn(station, batch.processed, 'done'));
    expect(scanPrintedLabels(rig.printer)).toHaveLength(3);
  });

  it('a poll answer announcing 300 MB fails that poll unread, and the next poll goes on', async () => {
    const { sim, proxy, station } = rig;
    const chunk = Buffer.alloc(64 * 1024, 'a');
    const huge = () =>
      Readable.from(
        (function* () {
          for (let sent = 0; sent < 300 * 1024 * 1024; sent += chunk.length) yield chunk;
        })(),
      );
    proxy.rewrite('processed_list', () => ({ headers: { 'content-length': String(300 * 1024 * 1024) }, stream: huge }), 1);
    await waitFor('the poll refused', async () => (await station.getState({})).lastError?.includes('larger than 32 MB'));
    const huger = proxy.calls().filter((c) => c.call === 'processed_list' && c.bytesSent > 1024 * 1024);
    expect(huger).toHaveLength(1);
    expect(huger[0]?.bytesSent).toBeLessThan(32 * 1024 * 1024);
    const batch = sim.addBatch(2);
    await waitFor('printed after', jobIn(station, batch.processed, 'done'));
  });

  it('one malformed batch row: skipped with an alert naming it, every other batch prints; the alert goes when the row reads again', async () => {
    const { sim, proxy, station } = rig;
    const fresh = sim.addBatch(2);
    const broken = sim.addBatch(3);
    proxy.rewrite('processed_list', editRows((rows) => rows.map((r) => (r.processed === broken.processed ? { ...r, totalLabels: 'tiga' } : r))));
    await waitFor('the good batch printed', jobIn(station, fresh.processed, 'done'));
    const alert = await waitFor('the alert', async () => (await station.listAlerts({})).find((a) => a.kind === 'bad-data'));
    expect(alert.message).toContain(`(${broken.processed}): data[`);
    expect(alert.message).toContain('totalLabels: expected a number');
    expect((await station.listBatches({})).some((b) => b.processed === broken.processed)).toBe(false);
    proxy.clear();
    await waitFor('the fixed batch printed', jobIn(station, broken.processed, 'done'));
    await waitFor('the alert gone', async () => !(await station.listAlerts({})).some((a) => a.kind === 'bad-data'));
    expect(printOrderCalls(sim, broken.processed)).toEqual([1]);
  });

  it('one malformed order row in the order list: the page shows the others, with an alert', async () => {
    const { proxy, station } = rig;
    proxy.rewrite('list', editRows((rows) => rows.map((r, i) => (i === 0 ? { ...r, customer: 'not a customer' } : r))), 1);
    const page = await station.listOrders({ offset: 0, limit: 10 });
    expect(page.orders).toHaveLength(9);
    const alert = (await station.listAlerts({})).find((a) => a.kind === 'bad-data');
    expect(alert?.message).toContain('the order list: row 1');
    expect(alert?.message).toContain('data[0].customer');
  });
});

describe.skipIf(missingTools('zbarimg').length > 0)('a server clock ten years ahead', () => {
  let rig: ProxiedRig;
  afterEach(async () => rig.close());

  it('auto-print switched on takes its cutoff from the server: the backlog is left alone, new batches print', async () => {
    rig = await startProxiedRig();
    const { sim, proxy } = rig;
    const ahead = 3653 * 86_400_000;
    const shift = (timestamp: unknown, by: number) => toServerTimestamp(fromServerTimestamp(String(timestamp)) + by);
    proxy.rewrite('processed_list', editRows((rows) => rows.map((r) => ({ ...r, processed: shift(r.processed, ahead) }))));
    proxy.rewritePath('print_order', (path) =>
      path
        .split('/')
        .map((segment) => {
          const text = decodeURIComponent(segment);
          return /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(text) ? encodeURIComponent(shift(text, -ahead)) : segment;
        })
        .join('/'),
    );
    const backlog = sim.batches().filter((b) => b.printStatus === 0);
    expect(backlog.length).toBeGreaterThan(0);
    const station = rig.station;
    station.start();
    await firstPoll(station);
    await station.setAutoPrint({ enabled: true });
    const { autoPrint } = await station.getState({});
    expect(autoPrint.cutoff?.slice(0, 4)).toBe(String(new Date().getUTCFullYear() + 10));

    const fresh = sim.addBatch(3);
    const shifted = shift(fresh.processed, ahead);
    await waitFor('the new batch listed', batchListed(station, shifted));
    expect(await waitFor('the new batch printed', jobIn(station, shifted, 'done'))).toMatchObject({ confirmedLabels: 3 });
    expect(printOrderCalls(sim, fresh.processed)).toEqual([1]);
    for (const b of backlog) expect(printOrderCalls(sim, b.processed)).toEqual([]);
    expect(sim.batches().filter((b) => b.printStatus === 0).map((b) => b.processed)).toEqual(backlog.map((b) => b.processed));
    expect(scanPrintedLabels(rig.printer)).toHaveLength(3);
  });
});

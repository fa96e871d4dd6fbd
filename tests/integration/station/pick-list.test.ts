import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { missingTools } from '../../support/system-tools.ts';
import { batchListed, startPolledRig, waitFor, type StationRig } from './station-rig.ts';

interface RawRecord {
  order: { order_id: string };
  details: { productName: string; qty: string | number }[];
}

/** The oracle: the server's own records of those orders, read past the station, summed by name. */
async function serverTotals(rig: StationRig, orderIds: string[]): Promise<Map<string, number>> {
  const { baseUrl, userId, token } = rig.sim;
  const page = (await (await fetch(`${baseUrl}/order/orders/list/${userId}/0/1000?status=PROCESSED`, { headers: { authorization: `Bearer ${token}` } })).json()) as { data: RawRecord[] };
  const totals = new Map<string, number>();
  for (const record of page.data.filter((r) => orderIds.includes(r.order.order_id))) {
    for (const item of record.details) totals.set(item.productName.trim(), (totals.get(item.productName.trim()) ?? 0) + Number(item.qty));
  }
  return totals;
}

describe('the pick list of batches', () => {
  let rig: StationRig;
  const dir = mkdtempSync(join(tmpdir(), 'pick-list-'));
  beforeEach(async () => {
    rig = await startPolledRig();
  });
  afterEach(async () => rig.close());
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('sums the products of two batches as the server holds them, before and after printing', async () => {
    const a = rig.sim.addBatch(6);
    const b = rig.sim.addBatch(5);
    await waitFor('both batches listed', async () => (await batchListed(rig.station, a.processed)()) && (await batchListed(rig.station, b.processed)()));
    const expected = await serverTotals(rig, [...a.orderIds, ...b.orderIds]);
    const summed = (list: Awaited<ReturnType<typeof rig.station.getPickList>>) => {
      const byName = new Map<string, number>();
      for (const line of list.lines) byName.set(line.productName, (byName.get(line.productName) ?? 0) + line.qty);
      return byName;
    };
    const before = await rig.station.getPickList({ processed: [a.processed, b.processed] });
    expect(summed(before)).toEqual(expected);
    expect(before.orders).toBe(11);
    expect(before.couriers.reduce((n, c) => n + c.parcels, 0)).toBe(11);

    await rig.station.printBatch({ processed: a.processed });
    await waitFor('printed', async () => (await rig.station.listBatches({})).find((x) => x.processed === a.processed)?.job?.state === 'done');
    // Now batch a's orders come from the journal's stored copy: the same totals.
    expect(summed(await rig.station.getPickList({ processed: [a.processed, b.processed] }))).toEqual(expected);
  });

  it.skipIf(missingTools('pdftotext').length > 0)('prints the same totals on the PDF', async () => {
    const a = rig.sim.addBatch(4);
    await waitFor('listed', batchListed(rig.station, a.processed));
    const list = await rig.station.getPickList({ processed: [a.processed] });
    const { pdfBase64 } = await rig.station.renderPickList({ processed: [a.processed], template: '100x150', language: 'id' });
    const file = join(dir, 'pick.pdf');
    writeFileSync(file, Buffer.from(pdfBase64, 'base64'));
    const text = execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(text).toContain('Daftarambil');
    for (const line of list.lines) expect(text).toContain(`${line.productName}${line.qty}${line.orders}`.replace(/\s+/g, ''));
  });
});

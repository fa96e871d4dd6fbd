import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPoolDatabase, type PoolDatabase } from '../../../electron/core/pool/pool-database.ts';
import { PoolStore } from '../../../electron/core/pool/pool-store.ts';
import { postgresPoolTargets, sqlitePoolTargets } from '../../support/pool-targets.ts';

const engines = [sqlitePoolTargets(), postgresPoolTargets()];

describe.each(engines)('the pool on $engine', (targets) => {
  const opened: PoolDatabase[] = [];
  beforeAll(async () => {
    if (targets.available) await targets.setUp();
  }, 60_000);
  afterAll(async () => {
    await Promise.all(opened.map((db) => db.close()));
    await targets.tearDown();
  });

  /** Two stations on one fresh database, on a clock the test moves. */
  const twoStations = async () => {
    const target = await targets.next();
    let now = 1_000_000;
    const a = await openPoolDatabase(target);
    const b = await openPoolDatabase(target);
    opened.push(a, b);
    const clock = () => now;
    return {
      a: new PoolStore(a, { station: 'desk-a', leaseMs: 10_000, now: clock }),
      b: new PoolStore(b, { station: 'desk-b', leaseMs: 10_000, now: clock }),
      advance: (ms: number) => {
        now += ms;
      },
    };
  };
  const job = (key: string, labels = 3) => ({
    key,
    localJob: key.split(':')[1] ?? key,
    processed: '2026-12-04 10:00:00',
    targetPrintStatus: 1,
    printer: 'Gudang TSPL',
    template: '100x150',
    batchLabels: labels,
    labels: Array.from({ length: labels }, (_, i) => ({ batchIndex: i + 1, orderJson: JSON.stringify({ n: i + 1 }) })),
  });

  it.runIf(targets.available)('gives a batch print to exactly one of many stations claiming it at once, and says who holds it', async () => {
    const { a, b } = await twoStations();
    const results = await Promise.all([a.claim('2026-12-04 10:00:00', 1), b.claim('2026-12-04 10:00:00', 1), a.claim('2026-12-04 10:00:00', 1), b.claim('2026-12-04 10:00:00', 1)]);
    const winner = results[0]?.ok ? 'desk-a' : 'desk-b';
    const loser = winner === 'desk-a' ? b : a;
    expect(await loser.claim('2026-12-04 10:00:00', 1)).toEqual({ ok: false, station: winner });
    expect(results.filter((r) => r.ok)).toHaveLength(2);
    // The next print of the same batch is a new claim.
    expect(await loser.claim('2026-12-04 10:00:00', 2)).toEqual({ ok: true });
  });

  it.runIf(targets.available)('renews only leases the station still holds, and lets nobody take a job before its lease runs out', async () => {
    const { a, b, advance } = await twoStations();
    await a.startJob(job('desk-a:1'));
    advance(9_000);
    expect(await b.takeOver(['100x150'], 'b-1')).toBeUndefined();
    expect(await a.renew(['desk-a:1'])).toEqual(new Set(['desk-a:1']));
    advance(9_000);
    expect(await b.takeOver(['100x150'], 'b-1')).toBeUndefined();
    expect(await b.renew(['desk-a:1'])).toEqual(new Set());
  });

  it.runIf(targets.available)('hands a dead station job to one taker with a printer for its template: confirmed labels stay done, in-flight ones come flagged', async () => {
    const { a, b, advance } = await twoStations();
    await a.startJob(job('desk-a:1', 4));
    expect(await a.pushLabels('desk-a:1', [{ batchIndex: 1, state: 'confirmed', possibleDuplicate: false }, { batchIndex: 2, state: 'sent', possibleDuplicate: false }])).toBe(true);
    advance(10_001);
    expect(await b.takeOver(['80mm'], 'b-1')).toBeUndefined();
    const [first, second] = await Promise.all([b.takeOver(['100x150'], 'b-1'), b.takeOver(['100x150'], 'b-2')]);
    const taken = first ?? second;
    expect([first, second].filter(Boolean)).toHaveLength(1);
    expect(taken?.job.station).toBe('desk-b');
    expect(taken?.labels.map((l) => l.state)).toEqual(['confirmed', 'sent', 'pending', 'pending']);
    // The dead station, back, holds nothing: its renewals and label updates are refused.
    expect(await a.renew(['desk-a:1'])).toEqual(new Set());
    expect(await a.pushLabels('desk-a:1', [{ batchIndex: 3, state: 'confirmed', possibleDuplicate: false }])).toBe(false);
    expect((await b.labels('desk-a:1')).map((l) => l.state)).toEqual(['confirmed', 'sent', 'pending', 'pending']);
  });

  it.runIf(targets.available)('keeps a confirmed label confirmed whatever a late update says, and lists other stations\u2019 jobs as one history', async () => {
    const { a, b } = await twoStations();
    await a.startJob(job('desk-a:1', 2));
    await a.startJob(job('desk-a:1', 2));
    await a.pushLabels('desk-a:1', [{ batchIndex: 1, state: 'confirmed', possibleDuplicate: false }]);
    await a.pushLabels('desk-a:1', [{ batchIndex: 1, state: 'sent', possibleDuplicate: true }, { batchIndex: 2, state: 'confirmed', possibleDuplicate: true }], 'done');
    const [seen] = await b.othersJobs(10);
    expect(seen).toMatchObject({ job_key: 'desk-a:1', station: 'desk-a', printer: 'Gudang TSPL', state: 'done', total: 2, confirmed: 2, duplicates: 1 });
    expect(await a.othersJobs(10)).toEqual([]);
  });
});

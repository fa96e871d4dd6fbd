import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Alert } from '../../../electron/shared/station-api.ts';
import { startStationOnFakes, type StationOnFakes } from '../../support/fakes/station-on-fakes.ts';
import { canMountSmallDisk, mountSmallDisk, type SmallDisk } from '../../support/small-disk.ts';

/**
 * The journal on a real, small disk that fills up: the journal cannot store the alert that says
 * so, yet the operator must see it, and see it go when there is room again.
 */
describe.skipIf(!canMountSmallDisk())('a station whose journal disk fills up', () => {
  let small: SmallDisk;
  let h: StationOnFakes | undefined;

  beforeAll(() => {
    small = mountSmallDisk(24);
  });
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });
  afterAll(() => small.unmount());

  it('raises one disk-full alert with the room it needs, and clears it once there is room', async () => {
    const journalDir = join(small.dir, 'journal');
    mkdirSync(journalDir);
    h = await startStationOnFakes({ journalDir, pollSeconds: 10 });
    const raised: Alert[] = [];
    const cleared: string[] = [];
    h.station.on('alert', (alert) => raised.push(alert));
    h.station.on('alertsCleared', ({ ids }) => cleared.push(...ids));

    small.fill();
    try {
      h.server.addBatch(3);
      await h.clock.advance(10_000);
      await h.clock.flush();
      const alerts = await h.station.listAlerts({});
      expect(alerts).toHaveLength(1);
      expect(alerts[0]).toMatchObject({ kind: 'disk-full', text: { code: 'disk-full', params: { needed: '8.0 MB' } } });
      expect(alerts[0]?.text.detail).toContain(journalDir);
      expect(raised.map((a) => a.id)).toEqual([alerts[0]?.id]);
      // Still full at the next poll: the same alert, not a second one.
      await h.clock.advance(10_000);
      expect(await h.station.listAlerts({})).toHaveLength(1);
    } finally {
      small.free();
    }
    await h.clock.advance(5_000);
    await h.clock.flush();
    expect(await h.station.listAlerts({})).toEqual([]);
    expect(cleared).toEqual([raised[0]?.id]);
    expect((await h.station.getState({})).lastErrorText).toBeNull();
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { startStationOnFakes, type StationOnFakes } from '../../support/fakes/station-on-fakes.ts';

describe('the alert repeat setting', () => {
  let h: StationOnFakes;
  afterEach(async () => h.close());

  it('repeats every 30 s unless told otherwise, keeps what it is told across a restart, and refuses a nagging interval', async () => {
    h = await startStationOnFakes();
    expect((await h.station.getSettings({})).alertRepeatSeconds).toBe(30);
    expect((await h.station.updateSettings({ alertRepeatSeconds: 0 })).alertRepeatSeconds).toBe(0);
    await expect(h.station.updateSettings({ alertRepeatSeconds: 5 })).rejects.toThrow(/10 seconds/);
    await h.station.updateSettings({ alertRepeatSeconds: 120 });
    h = await h.restart();
    expect((await h.station.getSettings({})).alertRepeatSeconds).toBe(120);
  });
});

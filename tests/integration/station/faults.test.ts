import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FaultMode } from '../../../electron/simulator/sim-faults.ts';
import { missingTools } from '../../support/system-tools.ts';
import { firstPoll, jobIn, printOrderCalls, scanPrintedLabels, startStationRig, waitFor, type StationRig } from './station-rig.ts';

const survivable: FaultMode[] = ['500', 'hang', 'malformed', 'reset'];

describe.skipIf(missingTools('zbarimg').length > 0)('the station survives what the server and the printer do', () => {
  let rig: StationRig;
  beforeEach(async () => {
    rig = await startStationRig();
    await rig.station.setAutoPrint({ enabled: true });
  });
  afterEach(async () => rig.close());

  describe.each(['processed_list', 'print_order'] as const)('faults on %s', (route) => {
    it.each(survivable)('%s: prints the batch without operator help, never a different print_status', async (mode) => {
      const { station, sim } = rig;
      station.start();
      await firstPoll(station);
      sim.addFault({ route, mode, times: 2 });
      const { processed } = sim.addBatch(4);
      const job = await waitFor(`the batch printed despite ${mode}`, jobIn(station, processed, 'done'));
      expect(job).toMatchObject({ totalLabels: 4, confirmedLabels: 4 });
      const calls = printOrderCalls(sim, processed);
      expect(new Set(calls)).toEqual(new Set([1]));
      expect(sim.batches().find((b) => b.processed === processed)?.printStatus).toBe(1);
      expect(scanPrintedLabels(rig.printer)).toHaveLength(4);
      expect(sim.faults()).toEqual([]);
      expect((await station.getState({})).connection).toBe('ok');
    });
  });

  it('pauses polling and printing on a rejected token, until a new token is given', async () => {
    const { station, sim } = rig;
    station.start();
    await firstPoll(station);
    sim.addFault({ route: 'processed_list', mode: '401', times: 1 });
    await waitFor('token-rejected', async () => (await station.getState({})).connection === 'token-rejected');
    expect((await station.listAlerts({})).map((a) => a.kind)).toContain('token-rejected');
    const before = sim.calls().length;
    const { processed } = sim.addBatch(2);
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(sim.calls().length).toBe(before);

    await station.updateSettings({ token: sim.token });
    await waitFor('the batch printed after the new token', jobIn(station, processed, 'done'));
    expect((await station.getState({})).connection).toBe('ok');
    expect((await station.listAlerts({})).map((a) => a.kind)).not.toContain('token-rejected');
  });

  it('a token rejected on print_order holds the job, which goes on with the same print_status once a token is given', async () => {
    const { station, sim } = rig;
    station.start();
    await firstPoll(station);
    sim.addFault({ route: 'print_order', mode: '401', times: 1 });
    const { processed } = sim.addBatch(2);
    await waitFor('token-rejected', async () => (await station.getState({})).connection === 'token-rejected');
    expect((await station.listJobs({})).find((j) => j.processed === processed)?.state).toBe('claiming');
    await station.updateSettings({ token: sim.token });
    await waitFor('printed after the new token', jobIn(station, processed, 'done'));
    expect(printOrderCalls(sim, processed)).toEqual([1, 1]);
  });

    it('waits while the printer is offline mid-batch, then completes when it returns', async () => {
    const { station, sim, printer } = rig;
    station.start();
    await firstPoll(station);
    let offline = false;
    station.on('job', (job) => {
      if (!offline && job.confirmedLabels >= 3) {
        offline = true;
        void printer.goOffline();
      }
    });
    const { processed } = sim.addBatch(9);
    const waiting = await waitFor('the job waiting for its printer', jobIn(station, processed, 'waiting'));
    expect(waiting.reason).toMatch(/./);
    expect(waiting.confirmedLabels).toBeLessThan(9);
    expect((await station.listAlerts({})).map((a) => a.kind)).toContain('printer-offline');
    await printer.comeBack();
    const done = await waitFor('the job done after the printer returned', jobIn(station, processed, 'done'));
    const scanned = scanPrintedLabels(printer);
    const { labels } = await station.getJob({ jobId: done.id });
    for (const label of labels) {
      const copies = scanned.filter((codes) => codes.includes(label.invoice)).length;
      expect(copies).toBeGreaterThanOrEqual(1);
      if (copies > 1) expect(label.possibleDuplicate).toBe(true);
    }
    expect(scanned.length).toBeLessThanOrEqual(9 + done.possibleDuplicates);
    expect(printOrderCalls(sim, processed)).toEqual([1]);
    expect((await station.listAlerts({})).map((a) => a.kind)).not.toContain('printer-offline');
  });
});

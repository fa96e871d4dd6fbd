import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Journal } from '../../../electron/core/station/journal.ts';
import { createSimulator } from '../../../electron/simulator/create-simulator.ts';
import type { Simulator } from '../../../electron/simulator/simulator-types.ts';
import { startRawPrinter, type RawPrinter } from '../../support/raw-printer.ts';
import { missingTools } from '../../support/system-tools.ts';
import { spawnHeadless, type HeadlessChild } from './headless-child.ts';
import { printOrderCalls, scanPrintedLabels } from './station-rig.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.skipIf(missingTools('zbarimg').length > 0)('a headless station killed at random points of a 50-label batch', () => {
  let sim: Simulator;
  let printer: RawPrinter;
  let dir: string;
  let args: string[];
  let env: Record<string, string>;

  beforeAll(async () => {
    sim = await createSimulator({ seed: 5, port: 0 });
    printer = await startRawPrinter();
    dir = mkdtempSync(join(tmpdir(), 'kill-'));
    const config = join(dir, 'station.json');
    // One label per printer job: a connection cut by the kill holds exactly the label in flight.
    writeFileSync(config, JSON.stringify({ printers: [{ id: 'bench', name: 'Bench', uri: `escpos://127.0.0.1:${printer.port}`, labelsPerJob: 1 }], defaultPrinterId: 'bench' }));
    args = ['--config', config, '--api', sim.baseUrl, '--user', sim.userId, '--data-dir', join(dir, 'data'), '--poll', '2', '--auto-print'];
    env = { LABEL_STATION_TOKEN: sim.token };
  });
  afterAll(async () => {
    await printer.stop();
    await sim.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints every label, repeats only flagged in-flight labels, and claims with print_status 1 only', { timeout: 120_000 }, async () => {
    const started = (child: HeadlessChild) => child.waitForLine('station-started', (l) => l.kind === 'station-started');
    const kills: string[] = [];

    // Run 1: print_order commits on the server and the answer is lost; the station dies before retrying.
    sim.addFault({ route: 'print_order', mode: 'reset', times: 1 });
    let child = spawnHeadless(args, env);
    await child.waitForLine('first poll', (l) => l.kind === 'batches-listed');
    const { processed } = sim.addBatch(50);
    for (let i = 0; i < 1500 && printOrderCalls(sim, processed).length === 0; i++) await sleep(10);
    expect(await child.kill('SIGKILL')).toBeNull();
    kills.push('after print_order committed, before its answer was stored');

    // Runs 2–6: killed a random while after start, or right after a random number of labels.
    for (let run = 2; run <= 6; run++) {
      child = spawnHeadless(args, env);
      await started(child);
      const seen = printer.received().length;
      if (run % 2 === 0) {
        const ms = 150 + Math.floor(Math.random() * 900);
        await sleep(ms);
        kills.push(`${ms} ms after start`);
      } else {
        const more = 1 + Math.floor(Math.random() * 6);
        for (let i = 0; i < 500 && printer.received().length < seen + more; i++) await sleep(5);
        kills.push(`after ${more} more label connection(s)`);
      }
      await child.kill('SIGKILL');
    }

    // Last run: to the end, then a graceful stop.
    child = spawnHeadless(args, env);
    await started(child);
    // The journal says when the job is done (it may have finished in an earlier run).
    const journalPath = join(dir, 'data', 'journal.db');
    const finished = () => {
      const journal = new Journal(journalPath, Date.now);
      try {
        return journal.latestJobFor(processed)?.snapshot.state === 'done';
      } finally {
        journal.close();
      }
    };
    for (let i = 0; i < 600 && !finished(); i++) await sleep(100);
    expect(await child.kill('SIGTERM')).toBe(0);

    const journal = new Journal(journalPath, Date.now);
    const job = journal.latestJobFor(processed);
    const labels = job ? journal.jobLabels(job.id) : [];
    journal.close();
    expect(job?.snapshot.state, kills.join('; ')).toBe('done');
    expect(labels).toHaveLength(50);

    const scanned = scanPrintedLabels(printer, { skipCut: true });
    for (const label of labels) {
      const copies = scanned.filter((codes) => codes.includes(label.invoice)).length;
      expect(copies, `label ${label.index} (${kills.join('; ')})`).toBeGreaterThanOrEqual(1);
      if (copies > 1) expect(label.possibleDuplicate, `label ${label.index} printed ${copies}×`).toBe(true);
      if (label.awb) expect(scanned.some((codes) => codes.includes(label.awb ?? ''))).toBe(true);
    }
    expect(new Set(printOrderCalls(sim, processed))).toEqual(new Set([1]));
    expect(sim.batches().find((b) => b.processed === processed)?.printStatus).toBe(1);
  });
});

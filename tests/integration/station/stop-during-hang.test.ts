import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Journal } from '../../../electron/core/station/journal.ts';
import { createSimulator } from '../../../electron/simulator/create-simulator.ts';
import type { Simulator } from '../../../electron/simulator/simulator-types.ts';
import { decodeEscPos } from '../../support/printer-decoders.ts';
import { startRawPrinter, type RawPrinter } from '../../support/raw-printer.ts';
import { scanLabels } from '../../support/label-scan.ts';
import { missingTools } from '../../support/system-tools.ts';
import { spawnHeadless } from './headless-child.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.skipIf(missingTools('zbarimg').length > 0)('SIGTERM while processed_list hangs and a batch is printing', () => {
  let sim: Simulator;
  let printer: RawPrinter;
  let dir: string;
  let args: string[];

  beforeAll(async () => {
    sim = await createSimulator({ seed: 11, port: 0 });
    printer = await startRawPrinter();
    dir = mkdtempSync(join(tmpdir(), 'stop-hang-'));
    const config = join(dir, 'station.json');
    writeFileSync(config, JSON.stringify({ printers: [{ id: 'desk', name: 'Desk', uri: `escpos://127.0.0.1:${printer.port}`, labelsPerJob: 1 }], defaultPrinterId: 'desk' }));
    args = ['--config', config, '--api', sim.baseUrl, '--user', sim.userId, '--data-dir', join(dir, 'data'), '--poll', '2', '--auto-print'];
  });
  afterAll(async () => {
    await printer.stop();
    await sim.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('exits 0 within 2 s, and the printer job in flight is finished and confirmed', { timeout: 90_000 }, async () => {
    const env = { LABEL_STATION_TOKEN: sim.token };
    // Run 1 leaves a half-printed batch in the journal.
    const first = spawnHeadless(args, env);
    await first.waitForLine('first poll', (l) => l.kind === 'batches-listed');
    sim.addBatch(30);
    for (let i = 0; i < 2000 && printer.received().length < 3; i++) await sleep(10);
    await first.kill('SIGKILL');

    // Run 2: every poll hangs (the server accepts and never answers); the resumed job prints.
    sim.addFault({ route: 'processed_list', mode: 'hang', times: 1000 });
    const before = printer.received().length;
    const child = spawnHeadless(args, env);
    await child.waitForLine('station-started', (l) => l.kind === 'station-started');
    for (let i = 0; i < 2000 && printer.received().length < before + 2; i++) await sleep(5);
    for (let i = 0; i < 2000 && !sim.calls().some((c) => c.call === 'processed_list' && c.fault === 'hang'); i++) await sleep(5);
    expect(sim.calls().some((c) => c.call === 'processed_list' && c.fault === 'hang')).toBe(true);

    const signalledAt = Date.now();
    const code = await child.kill('SIGTERM');
    const stopMs = Date.now() - signalledAt;
    expect(code).toBe(0);
    // It took 59 s: the poll's own timeout and retries ran out first.
    expect(stopMs, `stopped in ${stopMs} ms`).toBeLessThan(2000);

    const journal = new Journal(join(dir, 'data', 'journal.db'), Date.now);
    const job = journal.pendingJobs()[0];
    const labels = job ? journal.jobLabels(job.id) : [];
    journal.close();
    // Nothing left half-done: every label sent in run 2 was confirmed before the exit.
    expect(labels.filter((l) => l.state === 'sent')).toEqual([]);
    const confirmed = labels.filter((l) => l.state === 'confirmed');
    expect(confirmed.length).toBeGreaterThanOrEqual(2);
    // The last connection is a whole label, as scanned off the bytes the printer received.
    const last = printer.received().at(-1) ?? Buffer.alloc(0);
    const codes = scanLabels(decodeEscPos(last)).flat();
    expect(confirmed.some((l) => codes.includes(l.invoice))).toBe(true);
  });
});

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Journal } from '../../../electron/core/station/journal.ts';
import { createSimulator } from '../../../electron/simulator/create-simulator.ts';
import type { Simulator } from '../../../electron/simulator/simulator-types.ts';
import { cupsRawQueueTools, startCupsRawQueue, type CupsRawQueue } from '../../support/cups-raw-queue.ts';
import { scanLabels } from '../../support/label-scan.ts';
import { decodeTspl } from '../../support/printer-decoders.ts';
import { startRawPrinter, type RawPrinter } from '../../support/raw-printer.ts';
import { missingTools } from '../../support/system-tools.ts';
import { spawnHeadless } from './headless-child.ts';
import { waitFor } from './station-rig.ts';

/** Reads the journal as the child wrote it; a fresh handle each time, so nothing is cached. */
function inJournal<T>(path: string, read: (journal: Journal) => T): T {
  const journal = new Journal(path, Date.now);
  try {
    return read(journal);
  } finally {
    journal.close();
  }
}

describe.skipIf(missingTools('zbarimg', ...cupsRawQueueTools).length > 0)('a station killed while CUPS still holds its job', () => {
  let sim: Simulator;
  let printer: RawPrinter;
  let queue: CupsRawQueue;
  let dir: string;
  let args: string[];
  const env: Record<string, string> = {};

  beforeAll(async () => {
    sim = await createSimulator({ seed: 8, port: 0 });
    printer = await startRawPrinter({ answerStatus: false });
    queue = await startCupsRawQueue(printer.port, 'KillRaw');
    dir = mkdtempSync(join(tmpdir(), 'spool-kill-'));
    const config = join(dir, 'station.json');
    writeFileSync(config, JSON.stringify({ printers: [{ id: 'usb', name: 'USB TSPL', uri: `tspl+system:${queue.queue}`, labelsPerJob: 4 }], defaultPrinterId: 'usb' }));
    args = ['--config', config, '--api', sim.baseUrl, '--user', sim.userId, '--data-dir', join(dir, 'data'), '--poll', '2', '--auto-print'];
    env.LABEL_STATION_TOKEN = sim.token;
  });
  afterAll(async () => {
    queue.remove();
    await printer.stop();
    await sim.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('finds the recorded CUPS job completed after the restart and prints none of its labels twice', { timeout: 120_000 }, async () => {
    const journalPath = join(dir, 'data', 'journal.db');
    // The first label goes out alone and prints; then the printer is unplugged, so CUPS keeps
    // the second job (labels 2–5) processing: the window between `lp` answering and `completed`.
    printer.goOfflineAfter(1);
    let child = spawnHeadless(args, env);
    await child.waitForLine('first poll', (l) => l.kind === 'batches-listed');
    const { processed } = sim.addBatch(5);
    const held = await waitFor(
      'the second CUPS job recorded in the journal',
      () =>
        inJournal(journalPath, (journal) => {
          const job = journal.latestJobFor(processed);
          const spooled = job ? journal.spool.unconfirmed(job.id) : [];
          return spooled[0]?.indexes.length === 4 ? spooled[0] : undefined;
        }),
      30_000,
    );
    const heldJobId = Number(/-(\d+)$/.exec(held.spoolJob)?.[1]);
    expect(queue.jobState(heldJobId)).toMatch(/^(pending|processing)$/);
    expect(await child.kill('SIGKILL')).toBeNull();

    await printer.comeBack();
    await waitFor('CUPS to complete the held job', () => queue.jobState(heldJobId) === 'completed', 60_000);
    expect(printer.received()).toHaveLength(2);

    child = spawnHeadless(args, env);
    await child.waitForLine('station-started', (l) => l.kind === 'station-started');
    await waitFor('the job done', () => inJournal(journalPath, (journal) => journal.latestJobFor(processed)?.snapshot.state === 'done'), 30_000);
    expect(await child.kill('SIGTERM')).toBe(0);

    const { labels, events } = inJournal(journalPath, (journal) => {
      const job = journal.latestJobFor(processed);
      return { labels: job ? journal.jobLabels(job.id) : [], events: job ? journal.log.listEvents({ jobId: job.id, limit: 100 }) : [] };
    });
    expect(labels).toHaveLength(5);
    expect(labels.every((l) => l.state === 'confirmed' && !l.possibleDuplicate)).toBe(true);
    expect(events.some((e) => e.kind === 'spool-job-completed' && e.message.includes(held.spoolJob))).toBe(true);

    // On paper: two CUPS jobs, no third; every label exactly once.
    expect(printer.received()).toHaveLength(2);
    const scanned = scanLabels(printer.received().flatMap((bytes) => decodeTspl(bytes)));
    expect(scanned).toHaveLength(5);
    for (const label of labels) expect(scanned.filter((codes) => codes.includes(label.invoice)), `label ${label.index}`).toHaveLength(1);
  });
});

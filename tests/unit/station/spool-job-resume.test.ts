import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PrinterOfflineError, PrinterStoppedError } from '../../../electron/core/printers/printer-errors.ts';
import type { LabelToPrint, PrinterPort, SpoolJobOutcome } from '../../../electron/core/printers/printer-port.ts';
import { applyJobEvent } from '../../../electron/core/station/job-machine.ts';
import { runJob, type JobRunnerDeps } from '../../../electron/core/station/job-runner.ts';
import { Journal } from '../../../electron/core/station/journal.ts';
import type { PrinterProfile } from '../../../electron/shared/printer-profile.ts';
import { sampleOrder } from './sample-orders.ts';
import { createSuppliedLabels } from '../../../electron/core/station/supplied-labels.ts';

const profile: PrinterProfile = { id: 'usb', name: 'USB', uri: 'tspl+system:Desk', template: '100x150', dpi: 203, offsetXmm: 0, offsetYmm: 0, darkness: null, labelsPerJob: 5 };

/** A spooler printer port: answers about recorded jobs as told, prints by recording keys. */
function fakeSpoolerPort(answers: Record<string, SpoolJobOutcome | Error>): PrinterPort & { printed: string[][]; asked: string[] } {
  const printed: string[][] = [];
  const asked: string[] = [];
  let next = 100;
  return {
    profile,
    printed,
    asked,
    status: async () => ({ state: 'ready', message: 'ready' }),
    async print(labels: readonly LabelToPrint[], onProgress) {
      const name = `Desk-${next++}`;
      for (const label of labels) onProgress({ key: label.key, state: 'sent', spoolJob: name });
      printed.push(labels.map((l) => l.key));
      for (const label of labels) onProgress({ key: label.key, state: 'confirmed' });
    },
    printTestPage: async () => undefined,
    async followSpoolJob(spoolJob) {
      asked.push(spoolJob);
      const answer = answers[spoolJob] ?? 'not-printed';
      if (answer instanceof Error) throw answer;
      return answer;
    },
  };
}

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

/** A 5-label job as a crashed run left it: label 0 confirmed, labels 1–4 sent in spooler job `Desk-7`. */
function crashedJob(): { journal: Journal; jobId: string } {
  dir = mkdtempSync(join(tmpdir(), 'spool-resume-'));
  const journal = new Journal(join(dir, 'journal.db'), () => Date.parse('2026-12-01T03:00:00Z'));
  const orders = [1, 2, 3, 4, 5].map(sampleOrder);
  const job = journal.createJob({ processed: '2026-01-01 10:00:00', kind: 'reprint-labels', targetPrintStatus: null, printerId: 'usb', printerName: 'USB', expectedLabels: 5, orders });
  let snapshot = job.snapshot;
  const save = (event: Parameters<typeof applyJobEvent>[1]): void => {
    const next = applyJobEvent(snapshot, event);
    journal.saveJob(job.id, snapshot, next);
    snapshot = next;
  };
  save({ type: 'labels-sent', indexes: [0] });
  save({ type: 'label-confirmed', index: 0 });
  save({ type: 'labels-sent', indexes: [1, 2, 3, 4] });
  for (const index of [1, 2, 3, 4]) journal.spool.record(job.id, index, 'Desk-7');
  return { journal, jobId: job.id };
}

const deps = (journal: Journal, port: PrinterPort): JobRunnerDeps => ({
  journal,
  api: () => {
    throw new Error('no API call expected');
  },
  port: () => port,
  now: () => Date.parse('2026-12-01T03:00:00Z'),
  onJob: () => undefined,
  log: (event) => journal.log.addEvent(event),
  onAuthRejected: () => undefined,
  // These orders carry no marketplace label: nothing is ever fetched.
  supplied: createSuppliedLabels({ fetch: () => Promise.reject(new Error('no label fetch expected')), apiConfig: () => null }),
});

describe('resuming a job whose labels a spooler job holds', () => {
  it('the journal groups the sent labels by the spooler job that holds them', () => {
    const { journal, jobId } = crashedJob();
    expect(journal.spool.unconfirmed(jobId)).toEqual([{ spoolJob: 'Desk-7', indexes: [1, 2, 3, 4] }]);
    journal.close();
  });

  it('completed: its labels are confirmed and nothing prints again', async () => {
    const { journal, jobId } = crashedJob();
    const port = fakeSpoolerPort({ 'Desk-7': 'completed' });
    expect(await runJob(jobId, deps(journal, port), new AbortController().signal)).toBe('done');
    expect(port.asked).toEqual(['Desk-7']);
    expect(port.printed).toEqual([]);
    expect(journal.jobLabels(jobId).map((l) => [l.state, l.possibleDuplicate])).toEqual(Array(5).fill(['confirmed', false]));
    journal.close();
  });

  it('cancelled or gone: its labels print again, flagged, and their new job is recorded', async () => {
    const { journal, jobId } = crashedJob();
    const port = fakeSpoolerPort({ 'Desk-7': 'not-printed' });
    expect(await runJob(jobId, deps(journal, port), new AbortController().signal)).toBe('done');
    expect(port.printed).toEqual([['1', '2', '3', '4']]);
    expect(journal.jobLabels(jobId).filter((l) => l.possibleDuplicate).map((l) => l.index)).toEqual([2, 3, 4, 5]);
    journal.close();
  });

  it('still held by a paused queue: the job waits with the reason, nothing prints, and the record stays', async () => {
    const { journal, jobId } = crashedJob();
    const paused = new PrinterStoppedError('Desk', 'Queue Desk is paused: resume it with `cupsenable Desk`');
    const port = fakeSpoolerPort({ 'Desk-7': paused });
    expect(await runJob(jobId, deps(journal, port), new AbortController().signal)).toBe('waiting');
    expect(port.printed).toEqual([]);
    expect(journal.requireJob(jobId).snapshot.reason).toContain('cupsenable Desk');
    expect(journal.spool.unconfirmed(jobId)).toEqual([{ spoolJob: 'Desk-7', indexes: [1, 2, 3, 4] }]);

    // Once the queue runs again the same job is asked about again, and found printed.
    const resumed = fakeSpoolerPort({ 'Desk-7': 'completed' });
    expect(await runJob(jobId, deps(journal, resumed), new AbortController().signal)).toBe('done');
    expect(resumed.printed).toEqual([]);
    journal.close();
  });

  it('a spooler that cannot answer at all (not a printer state) prints the labels again rather than lose them', async () => {
    const { journal, jobId } = crashedJob();
    const port = fakeSpoolerPort({ 'Desk-7': new Error('ipptool crashed') });
    expect(await runJob(jobId, deps(journal, port), new AbortController().signal)).toBe('done');
    expect(port.printed).toEqual([['1', '2', '3', '4']]);
    expect(journal.log.listEvents({ jobId, limit: 50 }).some((e) => e.kind === 'spool-job-unknown')).toBe(true);
    journal.close();
  });

  it('an offline printer on resume keeps the job waiting, retryable', async () => {
    const { journal, jobId } = crashedJob();
    const port = fakeSpoolerPort({ 'Desk-7': new PrinterOfflineError('Desk', 'Printer Desk is not connected: plug in its USB cable') });
    expect(await runJob(jobId, deps(journal, port), new AbortController().signal)).toBe('waiting');
    expect(journal.requireJob(jobId).snapshot.state).toBe('waiting');
    journal.close();
  });
});

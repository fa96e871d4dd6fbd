import { mkdtempSync, rmSync } from 'node:fs';
import { operatorMessage } from '../../../electron/shared/operator-message.ts';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunOutcome } from '../../../electron/core/station/job-runner.ts';
import { applyJobEvent } from '../../../electron/core/station/job-machine.ts';
import { Journal } from '../../../electron/core/station/journal.ts';
import { PrintScheduler } from '../../../electron/core/station/print-scheduler.ts';
import { createFakeTimers } from './fake-timers.ts';

describe('print scheduler', () => {
  let dir: string;
  let journal: Journal;
  const timers = createFakeTimers(1_000_000);
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'scheduler-'));
    journal = new Journal(join(dir, 'j.db'), () => timers.now());
  });
  afterEach(() => {
    journal.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const add = (processed: string, printerId: string) =>
    journal.createJob({ processed, kind: 'print', targetPrintStatus: 1, printerId, printerName: printerId, expectedLabels: 0 }).id;

  /** A run that finishes the job (or fails it) when the test says so. */
  function controlledRuns() {
    const running: string[] = [];
    const started: string[] = [];
    let maxParallelPerPrinter = 0;
    const finishers = new Map<string, (outcome: RunOutcome) => void>();
    const run = (jobId: string) =>
      new Promise<RunOutcome>((resolve) => {
        const printer = journal.requireJob(jobId).printerId;
        running.push(jobId);
        started.push(jobId);
        maxParallelPerPrinter = Math.max(maxParallelPerPrinter, running.filter((id) => journal.requireJob(id).printerId === printer).length);
        finishers.set(jobId, (outcome) => {
          running.splice(running.indexOf(jobId), 1);
          if (outcome === 'done') {
            const job = journal.requireJob(jobId);
            let s = applyJobEvent(job.snapshot, { type: 'claim' });
            s = applyJobEvent(s, { type: 'claimed', labelCount: 0 });
            journal.saveJob(jobId, job.snapshot, s, []);
          } else if (outcome === 'failed' || outcome === 'held') {
            const job = journal.requireJob(jobId);
            journal.saveJob(jobId, job.snapshot, applyJobEvent(job.snapshot, { type: 'failed', reason: 'server error', text: operatorMessage('unexpected-error', {}, 'server error') }));
          }
          resolve(outcome);
        });
      });
    return { run, running, started, finish: (id: string, outcome: RunOutcome = 'done') => finishers.get(id)?.(outcome), maxParallel: () => maxParallelPerPrinter };
  }

  it('runs one job at a time per printer, oldest first, printers side by side', async () => {
    const runs = controlledRuns();
    const retries: string[] = [];
    const scheduler = new PrintScheduler({ journal, run: runs.run, timers, now: timers.now, random: () => 0, onDone: () => undefined, onRetryScheduled: (job) => retries.push(job.id), onHeld: () => undefined, onError: (e) => { throw e; } });
    const a1 = add('2026-01-01 10:00:00', 'A');
    const b1 = add('2026-01-01 10:00:01', 'B');
    const a2 = add('2026-01-01 10:00:02', 'A');
    scheduler.kick();
    await timers.advance(0);
    expect(runs.running).toEqual([a1, b1]);
    runs.finish(a1);
    await timers.advance(0);
    expect(runs.running).toEqual([b1, a2]);
    runs.finish(b1);
    runs.finish(a2);
    await timers.advance(0);
    expect(runs.started).toEqual([a1, b1, a2]);
    expect(runs.maxParallel()).toBe(1);
    expect(journal.pendingJobs()).toEqual([]);
    expect(retries).toEqual([]);
    await scheduler.stop();
  });

  it('lets a failed job step aside until its backoff is over, then retries it', async () => {
    const runs = controlledRuns();
    const retries: number[] = [];
    const scheduler = new PrintScheduler({
      journal, run: runs.run, timers, now: timers.now, random: () => 0,
      backoff: { baseMs: 1000, capMs: 8000, jitter: 0 },
      onDone: () => undefined, onRetryScheduled: (_job, _outcome, at) => retries.push(at - timers.now()), onHeld: () => undefined,
      onError: (e) => { throw e; },
    });
    const a1 = add('2026-01-01 10:00:00', 'A');
    const a2 = add('2026-01-01 10:00:01', 'A');
    scheduler.kick();
    await timers.advance(0);
    runs.finish(a1, 'failed');
    await timers.advance(0);
    expect(runs.running).toEqual([a2]);
    runs.finish(a2);
    await timers.advance(999);
    expect(runs.running).toEqual([]);
    await timers.advance(1);
    expect(runs.running).toEqual([a1]);
    runs.finish(a1, 'failed');
    await timers.advance(1999);
    expect(runs.running).toEqual([]);
    await timers.advance(1);
    expect(runs.running).toEqual([a1]);
    expect(retries).toEqual([1000, 2000]);
    runs.finish(a1);
    await timers.advance(0);
    expect(journal.pendingJobs()).toEqual([]);
    await scheduler.stop();
  });

  it('a run that throws (nothing could be written) steps that job aside; the queue behind it goes on, and it is tried again later', async () => {
    const runs = controlledRuns();
    const errors: (string | undefined)[] = [];
    let poisoned = true;
    const run = (jobId: string): Promise<RunOutcome> => {
      if (jobId === a1 && poisoned) return Promise.reject(new Error('disk I/O error'));
      return runs.run(jobId);
    };
    const scheduler = new PrintScheduler({
      journal, run, timers, now: timers.now, random: () => 0,
      backoff: { baseMs: 1000, capMs: 8000, jitter: 0 },
      onDone: () => undefined, onRetryScheduled: () => undefined, onHeld: () => undefined,
      onError: (_e, jobId) => errors.push(jobId),
    });
    const a1 = add('2026-01-01 10:00:00', 'A');
    const a2 = add('2026-01-01 10:00:01', 'A');
    scheduler.kick();
    await timers.advance(0);
    expect(errors).toEqual([a1]);
    expect(runs.running).toEqual([a2]);
    runs.finish(a2);
    await timers.advance(999);
    expect(errors).toEqual([a1]);
    poisoned = false;
    await timers.advance(1);
    expect(runs.running).toEqual([a1]);
    runs.finish(a1);
    await timers.advance(0);
    expect(journal.pendingJobs()).toEqual([]);
    await scheduler.stop();
  });

  it('holds every queue while paused (token rejected) and goes on when resumed', async () => {
    const runs = controlledRuns();
    const scheduler = new PrintScheduler({ journal, run: runs.run, timers, now: timers.now, random: () => 0, onDone: () => undefined, onRetryScheduled: () => undefined, onHeld: () => undefined, onError: (e) => { throw e; } });
    scheduler.pause();
    const a1 = add('2026-01-01 10:00:00', 'A');
    scheduler.kick();
    await timers.advance(60_000);
    expect(runs.started).toEqual([]);
    scheduler.resume();
    await timers.advance(0);
    expect(runs.running).toEqual([a1]);
    runs.finish(a1);
    await scheduler.stop();
  });

  it('holds a hopeless failure for the operator: no timer, not after a restart, runs again on retryNow', async () => {
    const runs = controlledRuns();
    const held: string[] = [];
    const retries: string[] = [];
    const options = {
      journal, run: runs.run, timers, now: timers.now, random: () => 0,
      onDone: () => undefined, onRetryScheduled: (job: { id: string }) => retries.push(job.id), onHeld: (job: { id: string }) => held.push(job.id),
      onError: (e: unknown) => { throw e; },
    };
    let scheduler = new PrintScheduler(options);
    const a1 = add('2026-01-01 10:00:00', 'A');
    const a2 = add('2026-01-01 10:00:01', 'A');
    scheduler.kick();
    await timers.advance(0);
    expect(scheduler.isRunning(a1)).toBe(true);
    runs.finish(a1, 'held');
    await timers.advance(0);
    expect(scheduler.isRunning(a1)).toBe(false);
    expect(held).toEqual([a1]);
    expect(journal.requireJob(a1)).toMatchObject({ held: true, attempts: 1, retryAt: null });
    expect(runs.running).toEqual([a2]);
    runs.finish(a2);
    await timers.advance(3_600_000);
    expect(timers.pending()).toEqual([]);
    expect(runs.started).toEqual([a1, a2]);
    await scheduler.stop();

    journal.clearRetryTimes();
    scheduler = new PrintScheduler(options);
    scheduler.kick();
    await timers.advance(60_000);
    expect(runs.started).toEqual([a1, a2]);
    scheduler.retryNow(a1);
    await timers.advance(0);
    expect(runs.running).toEqual([a1]);
    expect(journal.requireJob(a1).held).toBe(false);
    runs.finish(a1);
    await timers.advance(0);
    expect(retries).toEqual([]);
    await scheduler.stop();
  });
});

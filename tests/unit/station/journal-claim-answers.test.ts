import { mkdtempSync, rmSync } from 'node:fs';
import { operatorMessage } from '../../../electron/shared/operator-message.ts';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyJobEvent } from '../../../electron/core/station/job-machine.ts';
import { Journal } from '../../../electron/core/station/journal.ts';
import { sampleOrder } from './sample-orders.ts';

describe('held print_order answers in the journal', () => {
  let dir: string;
  let now = 0;
  const open = () => new Journal(join(dir, 'journal.db'), () => now);
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'claim-answers-'));
    now = 0;
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const newJob = (journal: Journal) =>
    journal.createJob({ processed: '2026-01-01 10:00:00', kind: 'print', targetPrintStatus: 1, printerId: 'p', printerName: 'p', expectedLabels: 5 });

  it('keeps what arrived across a restart; a later answer replaces it; the job view shows the counts while it is failed', () => {
    let journal = open();
    const job = newJob(journal);
    journal.answers.hold(job.id, 5, [sampleOrder(1), sampleOrder(2)]);
    const failed = applyJobEvent(applyJobEvent(job.snapshot, { type: 'claim' }), { type: 'failed', reason: 'short', text: operatorMessage('unexpected-error', {}, 'short') });
    journal.saveJob(job.id, job.snapshot, failed);
    journal.close();
    journal = open();
    expect(journal.answers.get(job.id)).toMatchObject({ expected: 5, orders: [sampleOrder(1), sampleOrder(2)] });
    expect(journal.views.list({ limit: 10, offset: 0 })[0]?.heldAnswer).toEqual({ expected: 5, received: 2 });
    expect(journal.requireJob(job.id).heldAnswer).toEqual({ expected: 5, received: 2 });
    journal.answers.hold(job.id, 5, [sampleOrder(3)]);
    expect(journal.answers.get(job.id)?.orders).toEqual([sampleOrder(3)]);
    journal.answers.forget(job.id);
    expect(journal.answers.get(job.id)).toBeUndefined();
    journal.close();
  });

  it('goes with its job when finished history is pruned', () => {
    const journal = open();
    const job = newJob(journal);
    journal.answers.hold(job.id, 5, []);
    journal.saveJob(job.id, job.snapshot, applyJobEvent(job.snapshot, { type: 'cancel' }));
    now = 200 * 86_400_000;
    expect(journal.prune().jobs).toBe(1);
    expect(journal.answers.counts(job.id)).toBeUndefined();
    journal.close();
  });
});

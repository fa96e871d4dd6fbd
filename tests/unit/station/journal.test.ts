import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { operatorMessage } from '../../../electron/shared/operator-message.ts';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'libsql';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { applyJobEvent } from '../../../electron/core/station/job-machine.ts';
import { Journal, toJobView } from '../../../electron/core/station/journal.ts';
import { journalMigrations, journalSchemaVersion } from '../../../electron/core/station/journal-schema.ts';
import { sampleOrder } from './sample-orders.ts';

describe('journal', () => {
  let dir: string;
  let now = 0;
  const clock = (): number => now;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'journal-'));
    now = Date.parse('2026-01-01T03:00:00Z');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps a job, its orders and each label state across a reopen of the file', () => {
    const path = join(dir, 'journal.db');
    let journal = new Journal(path, clock);
    const job = journal.createJob({ processed: '2026-01-01 10:00:00', kind: 'auto-print', targetPrintStatus: 1, printerId: 'p1', printerName: 'Gudang', expectedLabels: 3 });
    expect(toJobView(job)).toMatchObject({ state: 'queued', totalLabels: 3, confirmedLabels: 0 });
    const claiming = applyJobEvent(job.snapshot, { type: 'claim' });
    journal.saveJob(job.id, job.snapshot, claiming);
    const orders = [sampleOrder(1), sampleOrder(2), sampleOrder(3)];
    const claimed = applyJobEvent(claiming, { type: 'claimed', labelCount: 3 });
    journal.saveJob(job.id, claiming, claimed, orders);
    const sent = applyJobEvent(claimed, { type: 'labels-sent', indexes: [0, 1] });
    journal.saveJob(job.id, claimed, sent);
    now += 1000;
    const confirmed = applyJobEvent(sent, { type: 'label-confirmed', index: 0 });
    journal.saveJob(job.id, sent, confirmed);
    journal.close();

    journal = new Journal(path, clock);
    const back = journal.requireJob(job.id);
    expect(back.snapshot).toEqual(confirmed);
    expect(back.targetPrintStatus).toBe(1);
    expect(journal.jobOrders(job.id)).toEqual(orders);
    expect(journal.jobOrders(job.id, [2])).toEqual([orders[2]]);
    expect(journal.jobLabels(job.id).map((l) => [l.index, l.invoice, l.state])).toEqual([
      [1, 'INV/1', 'confirmed'],
      [2, 'INV/2', 'sent'],
      [3, 'INV/3', 'pending'],
    ]);
    expect(toJobView(back)).toMatchObject({ state: 'printing', totalLabels: 3, confirmedLabels: 1, updatedAt: '2026-01-01T03:00:01.000Z' });
    expect(journal.pendingJobs()).toEqual([{ id: job.id, printerId: 'p1', state: 'printing', attempts: 0, retryAt: null, held: false }]);
    expect(journal.views.list({ limit: 10, offset: 0, q: 'INV/2' }).map((j) => j.id)).toEqual([job.id]);
    expect(journal.views.list({ limit: 10, offset: 0, q: 'nothing-like-this' })).toEqual([]);
    expect(journal.hasJobFor('2026-01-01 10:00:00')).toBe(true);
    journal.close();
  });

  it('stores settings as validated values, and events and alerts for the history', () => {
    const journal = new Journal(join(dir, 'j.db'), clock);
    journal.setSettings({ pollSeconds: 15, userId: 'u' });
    expect(journal.getSetting('pollSeconds', z.number())).toBe(15);
    expect(journal.getSetting('userId', z.number())).toBeUndefined();
    const serverError = operatorMessage('api-server-error', { call: 'processed_list', status: 500 }, 'GET /public/… → 500');
    journal.log.addEvent({ level: 'warn', kind: 'poll-failed', message: 'server answered 500', text: serverError, jobId: null, processed: null });
    expect(journal.log.listEvents({ limit: 10, level: 'warn' })).toMatchObject([{ kind: 'poll-failed', text: serverError, at: '2026-01-01T03:00:00.000Z' }]);
    expect(journal.log.listEvents({ limit: 10, level: 'error' })).toEqual([]);
    const offline = operatorMessage('printer-offline', { printer: 'Gudang' });
    const alert = journal.log.raiseAlert({ kind: 'printer-offline', message: 'Gudang is off', text: offline, jobId: null, printerId: 'p1' });
    expect(alert).toMatchObject({ text: offline, count: 1 });
    now += 60_000;
    const paper = operatorMessage('printer-paper-out', { printer: 'Gudang' });
    // The same cause again: the one alert is updated in place, not stacked.
    expect(journal.log.raiseAlert({ kind: 'printer-offline', message: 'again', text: paper, jobId: null, printerId: 'p1' })).toMatchObject({
      id: alert.id,
      text: paper,
      count: 2,
      at: alert.at,
      updatedAt: '2026-01-01T03:01:00.000Z',
    });
    expect(journal.log.listAlerts()).toHaveLength(1);
    expect(journal.log.dismissAlerts({ kind: 'printer-offline', printerId: 'p1' })).toEqual([alert.id]);
    expect(journal.log.listAlerts()).toEqual([]);
    journal.close();
  });

  it('forgets finished (done or cancelled) jobs, their orders and old events after the retention period, never an unfinished job', () => {
    const journal = new Journal(join(dir, 'old.db'), clock);
    const finish = (processed: string, state: 'done' | 'failed' | 'cancelled'): string => {
      const job = journal.createJob({ processed, kind: 'print', targetPrintStatus: 1, printerId: 'p1', printerName: 'Gudang', expectedLabels: 1 });
      const claiming = applyJobEvent(job.snapshot, { type: 'claim' });
      journal.saveJob(job.id, job.snapshot, claiming);
      const claimed = applyJobEvent(claiming, { type: 'claimed', labelCount: 1 });
      journal.saveJob(job.id, claiming, claimed, [sampleOrder(1)]);
      const last =
        state === 'done'
          ? applyJobEvent(applyJobEvent(claimed, { type: 'labels-sent', indexes: [0] }), { type: 'label-confirmed', index: 0 })
          : applyJobEvent(claimed, state === 'failed' ? { type: 'failed', reason: 'printer removed', text: operatorMessage('unexpected-error', {}, 'printer removed') } : { type: 'cancel' });
      journal.saveJob(job.id, claimed, last);
      journal.log.addEvent({ level: 'info', kind: 'job-done', message: 'printed', text: operatorMessage('ev-job-done', { labels: 1, printer: 'Gudang' }), jobId: job.id, processed });
      return job.id;
    };
    const oldDone = finish('2026-01-01 10:00:00', 'done');
    const oldFailed = finish('2026-01-01 11:00:00', 'failed');
    const oldCancelled = finish('2026-01-01 12:00:00', 'cancelled');
    now += 100 * 86_400_000;
    const recentDone = finish('2026-04-10 10:00:00', 'done');
    const recentCancelled = finish('2026-04-10 11:00:00', 'cancelled');

    expect(journal.prune()).toEqual({ jobs: 2, events: 3 });
    expect(journal.getJob(oldDone)).toBeUndefined();
    expect(journal.jobOrders(oldDone)).toEqual([]);
    expect(journal.getJob(oldCancelled)).toBeUndefined();
    expect(journal.jobOrders(oldCancelled)).toEqual([]);
    expect(journal.requireJob(recentCancelled).snapshot.state).toBe('cancelled');
    expect(journal.requireJob(oldFailed).snapshot.state).toBe('failed');
    expect(journal.jobOrders(oldFailed)).toHaveLength(1);
    expect(journal.requireJob(recentDone).snapshot.state).toBe('done');
    expect(journal.log.listEvents({ limit: 10 }).map((e) => e.jobId)).toEqual([recentCancelled, recentDone]);
    journal.close();
  });

  it('migrates a file to the current schema and refuses one from a newer app', () => {
    const path = join(dir, 'new.db');
    new Journal(path, clock).close();
    const db = new Database(path);
    expect((db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version).toBe(journalSchemaVersion);
    expect((db.prepare('PRAGMA journal_mode').get() as { journal_mode: string }).journal_mode).toBe('wal');
    db.exec(`PRAGMA user_version = ${journalSchemaVersion + 1}`);
    db.close();
    expect(() => new Journal(path, clock)).toThrow(/newer Label Station/);
  });

  it('keeps the journal readable by this user only', () => {
    const path = join(dir, 'private', 'journal.db');
    new Journal(path, clock).close();
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'private')).mode & 0o777).toBe(0o700);
  });

  it('keeps a cancelled job out of the queue, but it still counts as the batch\'s job', () => {
    const journal = new Journal(join(dir, 'cancel.db'), clock);
    const processed = '2026-01-01 10:00:00';
    const job = journal.createJob({ processed, kind: 'auto-print', targetPrintStatus: 1, printerId: 'p', printerName: 'P', expectedLabels: 2 });
    journal.saveJob(job.id, job.snapshot, applyJobEvent(job.snapshot, { type: 'cancel' }));
    expect(journal.requireJob(job.id).snapshot.state).toBe('cancelled');
    expect(journal.pendingJobs()).toEqual([]);
    expect(journal.openBatchJobFor(processed)).toBeUndefined();
    expect(journal.hasJobFor(processed)).toBe(true);
    expect(journal.views.list({ limit: 10, offset: 0, state: 'cancelled' }).map((j) => j.id)).toEqual([job.id]);
    journal.close();
  });

  it('upgrades a version-1 journal in place, keeping its jobs', () => {
    const path = join(dir, 'v1.db');
    const db = new Database(path);
    db.exec(journalMigrations[0] ?? '');
    db.exec('PRAGMA user_version = 1');
    db.prepare(`INSERT INTO jobs (processed, kind, target_print_status, printer_id, printer_name, state, created_at, updated_at)
      VALUES ('2026-01-01 10:00:00', 'print', 1, 'p', 'P', 'queued', 'x', 'x')`).run();
    const order = sampleOrder(1);
    db.prepare(`INSERT INTO job_labels (job_id, idx, order_id, invoice, awb, recipient, order_json, state) VALUES (1, 0, ?, ?, ?, ?, ?, 'pending')`).run(
      order.orderId,
      order.invoice,
      order.awb,
      order.customer.name,
      JSON.stringify(order),
    );
    db.close();
    const journal = new Journal(path, clock);
    expect(journal.pendingJobs().map((j) => j.id)).toEqual(['1']);
    expect(journal.requireJob('1')).toMatchObject({ targetPrintStatus: 1, expectedLabels: 0, batchLabels: 1 });
    expect(journal.jobLabels('1').map((l) => [l.index, l.batchIndex, l.invoice])).toEqual([[1, 1, order.invoice]]);
    journal.close();
  });
});

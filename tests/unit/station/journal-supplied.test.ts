import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'libsql';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyJobEvent } from '../../../electron/core/station/job-machine.ts';
import { Journal } from '../../../electron/core/station/journal.ts';
import type { SuppliedEntry } from '../../../electron/core/station/journal-supplied.ts';
import { sampleOrder } from './sample-orders.ts';

const pdf = Buffer.from('%PDF-1.4 a supplied label');
const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);

describe('journal: supplied labels', () => {
  let dir: string;
  let now = Date.parse('2026-01-01T03:00:00Z');
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'journal-supplied-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** A job claimed with three orders: label 0 supplied (PDF), 1 ours, 2 missing (404). */
  function claimed(journal: Journal): string {
    const job = journal.createJob({ processed: '2026-01-01 10:00:00', kind: 'print', targetPrintStatus: 1, printerId: 'p', printerName: 'P', expectedLabels: 3 });
    const claiming = applyJobEvent(job.snapshot, { type: 'claim' });
    journal.saveJob(job.id, job.snapshot, claiming);
    const supplied: SuppliedEntry[] = [
      { idx: 0, source: 'labels.example/1.pdf', image: { mediaType: 'application/pdf', bytes: pdf, page: 1 } },
      { idx: 2, source: 'labels.example/3.pdf', error: 'the label server answered HTTP 404 (labels.example/3.pdf)' },
    ];
    journal.saveJob(job.id, claiming, applyJobEvent(claiming, { type: 'claimed', labelCount: 3 }), [sampleOrder(1), sampleOrder(2), sampleOrder(3)], supplied);
    return job.id;
  }

  it('stores each supplied label with the claim and reads it back after a reopen', () => {
    const path = join(dir, 'journal.db');
    let journal = new Journal(path, () => now);
    const id = claimed(journal);
    journal.close();
    journal = new Journal(path, () => now);
    expect(journal.supplied.images(id, [0, 1, 2]).get(0)).toMatchObject({ mediaType: 'application/pdf', page: 1, bytes: pdf });
    expect([...journal.supplied.images(id, [0, 1, 2]).keys()]).toEqual([0]);
    expect(journal.supplied.missing(id)).toEqual([{ idx: 2, error: 'the label server answered HTTP 404 (labels.example/3.pdf)' }]);
    expect(journal.jobLabels(id).map((l) => l.labelSource ?? 'ours')).toEqual(['supplied', 'ours', 'supplied-missing']);
    journal.close();
  });

  it('a refetch fills the gap; choosing ours is recorded per label and survives', () => {
    const journal = new Journal(join(dir, 'journal.db'), () => now);
    const id = claimed(journal);
    journal.supplied.update(id, [{ idx: 2, source: 'labels.example/3.png', image: { mediaType: 'image/png', bytes: png, page: 1 } }]);
    expect(journal.supplied.missing(id)).toEqual([]);
    const other = claimed(journal);
    expect(journal.supplied.chooseOwnLabels(other)).toBe(1);
    expect(journal.supplied.missing(other)).toEqual([]);
    expect(journal.jobLabels(other)[2]).toMatchObject({ labelSource: 'ours-instead-of-supplied', suppliedReason: expect.stringContaining('HTTP 404') });
    expect(journal.supplied.images(other, [2]).size).toBe(0);
    journal.close();
  });

  it('a label reprint carries its supplied image, stored once; retention drops images nobody uses', () => {
    const path = join(dir, 'journal.db');
    const journal = new Journal(path, () => now);
    const id = claimed(journal);
    const reprint = journal.createJob({
      processed: '2026-01-01 10:00:00', kind: 'reprint-labels', targetPrintStatus: null, printerId: 'p', printerName: 'P', expectedLabels: 1,
      orders: [sampleOrder(1)], sourceJobId: id, suppliedFrom: { jobId: id, indexes: [0] },
    });
    expect(journal.supplied.images(reprint.id, [0]).get(0)?.bytes).toEqual(pdf);
    const blobs = (): number => {
      const db = new Database(path);
      try {
        return (db.prepare('SELECT COUNT(*) AS n FROM supplied_blobs').get() as { n: number }).n;
      } finally {
        db.close();
      }
    };
    expect(blobs()).toBe(1);

    for (const job of [id, reprint.id]) {
      const record = journal.requireJob(job);
      journal.saveJob(job, record.snapshot, applyJobEvent(record.snapshot, { type: 'cancel' }));
    }
    now += 91 * 86_400_000;
    expect(journal.prune().jobs).toBe(2);
    expect(blobs()).toBe(0);
    journal.close();
  });
});

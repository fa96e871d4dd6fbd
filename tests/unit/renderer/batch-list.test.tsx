import { describe, expect, it } from 'vitest';
import { applyJob, isJobActive, needsPrinting, newestFirst } from '../../../renderer/src/features/batches/batch-list.ts';
import type { BatchView } from '../../../electron/shared/station-api.ts';
import { sampleJob } from '../../support/fake-station.ts';

const batch = (processed: string, printStatus = 0): BatchView => ({ processed, totalLabels: 3, printStatus, job: null, packed: 0 });

describe('batch list', () => {
  it('sorts newest first', () => {
    expect(newestFirst([batch('2022-09-01 09:00:00'), batch('2022-09-02 08:00:00'), batch('2022-09-01 23:59:59')]).map((b) => b.processed)).toEqual([
      '2022-09-02 08:00:00',
      '2022-09-01 23:59:59',
      '2022-09-01 09:00:00',
    ]);
  });

  it('puts a job on its batch and raises the count once the server recorded the print', () => {
    const list = [batch('2022-09-02 16:11:21'), batch('2022-09-01 09:00:00', 1)];
    const queued = applyJob(list, sampleJob({ state: 'claiming' }));
    expect(queued[0]).toMatchObject({ printStatus: 0, job: { state: 'claiming' } });
    expect(queued[1]).toBe(list[1]);
    expect(applyJob(queued, sampleJob({ state: 'printing' }))[0]?.printStatus).toBe(1);
    expect(applyJob(list, sampleJob({ kind: 'reprint-labels', targetPrintStatus: null, state: 'done' }))[0]?.printStatus).toBe(0);
  });

  it('marks a printed batch for printing while its batch job has labels off paper, not while chosen orders or labels print again', () => {
    const failed = sampleJob({ state: 'failed', totalLabels: 3, confirmedLabels: 1 });
    expect(needsPrinting({ ...batch('2022-09-02 16:11:21', 1), job: failed })).toBe(true);
    for (const kind of ['orders', 'reprint-labels'] as const) {
      expect(needsPrinting({ ...batch('2022-09-02 16:11:21', 1), job: { ...failed, kind, targetPrintStatus: null } }), kind).toBe(false);
    }
    expect(needsPrinting({ ...batch('2022-09-02 16:11:21', 0), job: sampleJob({ kind: 'orders', state: 'done' }) })).toBe(true);
  });

  it('keeps the newer job when an older one reports late', () => {
    const newer = sampleJob({ id: 'job-2', createdAt: '2026-01-02T00:00:00.000Z', state: 'printing' });
    const list = applyJob([batch('2022-09-02 16:11:21')], newer);
    expect(applyJob(list, sampleJob({ id: 'job-1', state: 'done' }))[0]?.job?.id).toBe('job-2');
  });

  it('knows which jobs still own their batch', () => {
    expect(isJobActive(null)).toBe(false);
    expect(['queued', 'claiming', 'claimed', 'printing', 'waiting'].every((state) => isJobActive(sampleJob({ state: state as never })))).toBe(true);
    expect(isJobActive(sampleJob({ state: 'done' }))).toBe(false);
    expect(isJobActive(sampleJob({ state: 'failed' }))).toBe(false);
  });
});

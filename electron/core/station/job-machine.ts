import type { OperatorMessage } from '../../shared/operator-message.ts';
import { isCancellableJobState, isFinishedJobState, type JobState } from '../../shared/station-api.ts';

/**
 * A print job as a pure state machine:
 * `queued → claiming → claimed (orders stored) → printing label k/n → done | failed | waiting`;
 * the operator may cancel a job that is not printing, which ends it like `done`.
 * The runner persists every snapshot this returns before it acts on the world, so the journal
 * always says what was about to happen: that is what makes a crash resumable.
 */

export type LabelState = 'pending' | 'sent' | 'confirmed';

export interface LabelSnapshot {
  state: LabelState;
  possibleDuplicate: boolean;
}

export interface JobSnapshot {
  state: JobState;
  /** Why it failed or waits: English for the log, `reasonText` for the operator. */
  reason: string | null;
  reasonText: OperatorMessage | null;
  /** Whether `print_order`'s answer (or the reprinted orders) is in the journal. */
  ordersStored: boolean;
  labels: readonly LabelSnapshot[];
}

export type JobEvent =
  /** About to call `print_order` with the job's target `print_status`. */
  | { type: 'claim' }
  /** `print_order` answered and its orders are stored, one label each. */
  | { type: 'claimed'; labelCount: number }
  /** These labels are about to be handed to the printer. */
  | { type: 'labels-sent'; indexes: readonly number[] }
  | { type: 'label-confirmed'; index: number }
  /** After a restart, the spooler reported the job holding these sent labels completed. */
  | { type: 'spool-confirmed'; indexes: readonly number[] }
  /** The printer failed before these labels' bytes left: they are certainly not on paper. */
  | { type: 'labels-unsent'; indexes: readonly number[] }
  | { type: 'printer-offline'; reason: string; text: OperatorMessage }
  | { type: 'failed'; reason: string; text: OperatorMessage }
  /** The operator gave the job up: it is never run again. */
  | { type: 'cancel' }
  /** The job runs again after a stop, crash, failure or wait: whatever was in flight is suspect. */
  | { type: 'resume' };

export class JobTransitionError extends Error {
  override name = 'JobTransitionError';
}

export function newJob(ordersStored: boolean, labelCount = 0): JobSnapshot {
  const labels = Array.from({ length: labelCount }, () => ({ state: 'pending' as const, possibleDuplicate: false }));
  return { state: ordersStored ? 'claimed' : 'queued', reason: null, reasonText: null, ordersStored, labels };
}

/** Whether a job is over: nothing will run or retry it again (the contract's finished set). */
export function isFinished(state: JobState): boolean {
  return isFinishedJobState(state);
}

function refuse(job: JobSnapshot, event: JobEvent): never {
  throw new JobTransitionError(`a ${job.state} job cannot take "${event.type}"`);
}

function checkIndex(job: JobSnapshot, index: number, event: JobEvent): void {
  if (!Number.isInteger(index) || index < 0 || index >= job.labels.length) {
    throw new JobTransitionError(`label ${index} is not in this job of ${job.labels.length} ("${event.type}")`);
  }
}

export function applyJobEvent(job: JobSnapshot, event: JobEvent): JobSnapshot {
  if (isFinished(job.state)) refuse(job, event);
  switch (event.type) {
    case 'claim':
      if (job.ordersStored || !['queued', 'claiming', 'failed'].includes(job.state)) refuse(job, event);
      return { ...job, state: 'claiming', reason: null, reasonText: null };
    case 'claimed': {
      if (job.state !== 'claiming') refuse(job, event);
      const labels = newJob(true, event.labelCount).labels;
      return { state: labels.length === 0 ? 'done' : 'claimed', reason: null, reasonText: null, ordersStored: true, labels };
    }
    case 'labels-sent': {
      if (!['claimed', 'printing', 'waiting'].includes(job.state)) refuse(job, event);
      const labels = [...job.labels];
      for (const index of event.indexes) {
        checkIndex(job, index, event);
        if (labels[index]?.state === 'confirmed') throw new JobTransitionError(`label ${index + 1} is already printed`);
        labels[index] = { state: 'sent', possibleDuplicate: job.labels[index]?.possibleDuplicate ?? false };
      }
      return { ...job, state: 'printing', reason: null, reasonText: null, labels };
    }
    case 'label-confirmed': {
      if (job.state !== 'printing') refuse(job, event);
      checkIndex(job, event.index, event);
      const labels = [...job.labels];
      labels[event.index] = { state: 'confirmed', possibleDuplicate: job.labels[event.index]?.possibleDuplicate ?? false };
      const done = labels.every((l) => l.state === 'confirmed');
      return { ...job, state: done ? 'done' : 'printing', labels };
    }
    case 'spool-confirmed': {
      if (!job.ordersStored) refuse(job, event);
      const labels = [...job.labels];
      for (const index of event.indexes) {
        checkIndex(job, index, event);
        const label = job.labels[index];
        if (label?.state === 'sent') labels[index] = { state: 'confirmed', possibleDuplicate: label.possibleDuplicate };
      }
      return labels.every((l) => l.state === 'confirmed') ? { ...job, state: 'done', reason: null, reasonText: null, labels } : { ...job, labels };
    }
    case 'labels-unsent': {
      if (job.state !== 'printing') refuse(job, event);
      const labels = [...job.labels];
      for (const index of event.indexes) {
        checkIndex(job, index, event);
        const label = job.labels[index];
        if (label?.state === 'sent') labels[index] = { state: 'pending', possibleDuplicate: label.possibleDuplicate };
      }
      return { ...job, labels };
    }
    case 'printer-offline':
      if (!job.ordersStored) refuse(job, event);
      return { ...job, state: 'waiting', reason: event.reason, reasonText: event.text };
    case 'failed':
      return { ...job, state: 'failed', reason: event.reason, reasonText: event.text };
    case 'cancel':
      if (!isCancellableJobState(job.state)) refuse(job, event);
      return { ...job, state: 'cancelled' };
    case 'resume': {
      // A label handed to the printer but never confirmed may or may not be on paper: print it
      // again, flagged, rather than lose it.
      const labels = job.labels.map((l) => (l.state === 'sent' ? { state: 'pending' as const, possibleDuplicate: true } : l));
      if (!job.ordersStored) return { ...job, state: job.state === 'claiming' ? 'claiming' : 'queued', labels };
      const done = labels.length > 0 && labels.every((l) => l.state === 'confirmed');
      return { ...job, state: done ? 'done' : 'claimed', labels };
    }
  }
}

export type JobAction =
  | { type: 'claim' }
  | { type: 'print'; indexes: number[] }
  | { type: 'none' };

/** What the runner does next with a (resumed) job. `chunk` is the printer's labels per job. */
export function nextJobAction(job: JobSnapshot, chunk: number): JobAction {
  if (isFinished(job.state)) return { type: 'none' };
  if (!job.ordersStored) return { type: 'claim' };
  const indexes: number[] = [];
  job.labels.forEach((label, index) => {
    if (label.state === 'pending' && indexes.length < chunk) indexes.push(index);
  });
  return indexes.length === 0 ? { type: 'none' } : { type: 'print', indexes };
}

export function countLabels(job: JobSnapshot): { confirmed: number; possibleDuplicates: number } {
  return {
    confirmed: job.labels.filter((l) => l.state === 'confirmed').length,
    possibleDuplicates: job.labels.filter((l) => l.possibleDuplicate).length,
  };
}

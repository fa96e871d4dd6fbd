import { describe, expect, it } from 'vitest';
import { operatorMessage } from '../../../electron/shared/operator-message.ts';
import { applyJobEvent, countLabels, isFinished, JobTransitionError, newJob, nextJobAction, type JobEvent, type JobSnapshot } from '../../../electron/core/station/job-machine.ts';
import type { JobState } from '../../../electron/shared/station-api.ts';

function run(job: JobSnapshot, ...events: JobEvent[]): JobSnapshot {
  return events.reduce(applyJobEvent, job);
}

describe('print job state machine', () => {
  it('goes queued → claiming → claimed → printing → done, label by label', () => {
    let job = newJob(false);
    expect(nextJobAction(job, 5)).toEqual({ type: 'claim' });
    job = run(job, { type: 'claim' });
    expect(job.state).toBe('claiming');
    expect(nextJobAction(job, 5)).toEqual({ type: 'claim' });
    job = run(job, { type: 'claimed', labelCount: 3 });
    expect(job.state).toBe('claimed');
    expect(nextJobAction(job, 2)).toEqual({ type: 'print', indexes: [0, 1] });
    job = run(job, { type: 'labels-sent', indexes: [0, 1] }, { type: 'label-confirmed', index: 0 });
    expect(job.state).toBe('printing');
    expect(countLabels(job)).toEqual({ confirmed: 1, possibleDuplicates: 0 });
    expect(nextJobAction(job, 2)).toEqual({ type: 'print', indexes: [2] });
    job = run(job, { type: 'label-confirmed', index: 1 }, { type: 'labels-sent', indexes: [2] }, { type: 'label-confirmed', index: 2 });
    expect(job.state).toBe('done');
    expect(nextJobAction(job, 2)).toEqual({ type: 'none' });
  });

  it('after a crash before the answer was stored, claims again (the same target is the runner\'s)', () => {
    const crashed = run(newJob(false), { type: 'claim' });
    const resumed = applyJobEvent(crashed, { type: 'resume' });
    expect(resumed.state).toBe('claiming');
    expect(nextJobAction(resumed, 5)).toEqual({ type: 'claim' });
  });

  it('after a crash mid-label, prints confirmed labels never again and in-flight ones again, flagged', () => {
    const crashed = run(newJob(false), { type: 'claim' }, { type: 'claimed', labelCount: 4 }, { type: 'labels-sent', indexes: [0, 1] }, { type: 'label-confirmed', index: 0 });
    const resumed = applyJobEvent(crashed, { type: 'resume' });
    expect(resumed.state).toBe('claimed');
    expect(resumed.labels.map((l) => [l.state, l.possibleDuplicate])).toEqual([
      ['confirmed', false],
      ['pending', true],
      ['pending', false],
      ['pending', false],
    ]);
    expect(nextJobAction(resumed, 10)).toEqual({ type: 'print', indexes: [1, 2, 3] });
    const finished = run(resumed, { type: 'labels-sent', indexes: [1, 2, 3] }, { type: 'label-confirmed', index: 1 }, { type: 'label-confirmed', index: 2 }, { type: 'label-confirmed', index: 3 });
    expect(finished.state).toBe('done');
    expect(countLabels(finished)).toEqual({ confirmed: 4, possibleDuplicates: 1 });
  });

  it('waits while the printer is offline and carries on where it stopped', () => {
    const offline = run(newJob(true, 2), { type: 'labels-sent', indexes: [0, 1] }, { type: 'label-confirmed', index: 0 }, { type: 'printer-offline', reason: 'printer unplugged', text: operatorMessage('unexpected-error', {}, 'printer unplugged') });
    expect(offline).toMatchObject({ state: 'waiting', reason: 'printer unplugged' });
    const back = applyJobEvent(offline, { type: 'resume' });
    expect(back).toMatchObject({ state: 'claimed', reason: 'printer unplugged' });
    expect(nextJobAction(back, 5)).toEqual({ type: 'print', indexes: [1] });
    expect(applyJobEvent(back, { type: 'labels-sent', indexes: [1] }).reason).toBeNull();
  });

  it('puts back unflagged the labels the printer failed before sending', () => {
    const failed = run(newJob(true, 3), { type: 'labels-sent', indexes: [0, 1, 2] }, { type: 'label-confirmed', index: 0 }, { type: 'labels-unsent', indexes: [2] }, { type: 'printer-offline', reason: 'off', text: operatorMessage('unexpected-error', {}, 'off') });
    const resumed = applyJobEvent(failed, { type: 'resume' });
    expect(resumed.labels.map((l) => [l.state, l.possibleDuplicate])).toEqual([
      ['confirmed', false],
      ['pending', true],
      ['pending', false],
    ]);
  });

  it('retries a failed claim, but never claims a job whose orders are stored', () => {
    const failed = run(newJob(false), { type: 'claim' }, { type: 'failed', reason: 'server error 500', text: operatorMessage('unexpected-error', {}, 'server error 500') });
    expect(failed).toMatchObject({ state: 'failed', reason: 'server error 500' });
    expect(run(failed, { type: 'resume' }, { type: 'claim' }).state).toBe('claiming');
    expect(() => applyJobEvent(newJob(true, 1), { type: 'claim' })).toThrow(JobTransitionError);
  });

  it('finishes at once when the batch turned out empty', () => {
    expect(run(newJob(false), { type: 'claim' }, { type: 'claimed', labelCount: 0 }).state).toBe('done');
  });

  it('refuses transitions that would lose or repeat work', () => {
    const done = run(newJob(true, 1), { type: 'labels-sent', indexes: [0] }, { type: 'label-confirmed', index: 0 });
    expect(() => applyJobEvent(done, { type: 'resume' })).toThrow(JobTransitionError);
    expect(() => applyJobEvent(newJob(false), { type: 'claimed', labelCount: 2 })).toThrow(/queued job cannot take "claimed"/);
    expect(() => applyJobEvent(newJob(true, 2), { type: 'labels-sent', indexes: [2] })).toThrow(/label 2 is not in this job of 2/);
    const confirmed = run(newJob(true, 2), { type: 'labels-sent', indexes: [0] }, { type: 'label-confirmed', index: 0 });
    expect(() => applyJobEvent(confirmed, { type: 'labels-sent', indexes: [0] })).toThrow(/already printed/);
    expect(() => applyJobEvent(newJob(false), { type: 'printer-offline', reason: 'x', text: operatorMessage('unexpected-error', {}, 'x') })).toThrow(JobTransitionError);
  });

  describe('cancel', () => {
    const at: Record<JobState, () => JobSnapshot> = {
      queued: () => newJob(false),
      claiming: () => run(newJob(false), { type: 'claim' }),
      claimed: () => newJob(true, 2),
      printing: () => run(newJob(true, 2), { type: 'labels-sent', indexes: [0] }),
      done: () => run(newJob(true, 1), { type: 'labels-sent', indexes: [0] }, { type: 'label-confirmed', index: 0 }),
      failed: () => run(newJob(false), { type: 'claim' }, { type: 'failed', reason: 'gone (404)', text: operatorMessage('unexpected-error', {}, 'gone (404)') }),
      waiting: () => run(newJob(true, 2), { type: 'labels-sent', indexes: [0] }, { type: 'label-confirmed', index: 0 }, { type: 'printer-offline', reason: 'off', text: operatorMessage('unexpected-error', {}, 'off') }),
      cancelled: () => run(newJob(false), { type: 'cancel' }),
    };

    it.each(['queued', 'claiming', 'claimed', 'failed', 'waiting'] as const)('ends a %s job, keeping its labels and reason', (state) => {
      const before = at[state]();
      expect(before.state).toBe(state);
      const cancelled = applyJobEvent(before, { type: 'cancel' });
      expect(cancelled).toEqual({ ...before, state: 'cancelled' });
      expect(isFinished(cancelled.state)).toBe(true);
      expect(nextJobAction(cancelled, 5)).toEqual({ type: 'none' });
    });

    it.each(['printing', 'done', 'cancelled'] as const)('refuses a %s job', (state) => {
      const job = at[state]();
      expect(job.state).toBe(state);
      expect(() => applyJobEvent(job, { type: 'cancel' })).toThrow(`a ${state} job cannot take "cancel"`);
    });

    it('is terminal: a cancelled job takes no event', () => {
      const cancelled = applyJobEvent(at.waiting(), { type: 'cancel' });
      const events: JobEvent[] = [
        { type: 'claim' },
        { type: 'claimed', labelCount: 1 },
        { type: 'labels-sent', indexes: [1] },
        { type: 'label-confirmed', index: 1 },
        { type: 'labels-unsent', indexes: [1] },
        { type: 'printer-offline', reason: 'x', text: operatorMessage('unexpected-error', {}, 'x') },
        { type: 'failed', reason: 'x', text: operatorMessage('unexpected-error', {}, 'x') },
        { type: 'resume' },
        { type: 'cancel' },
      ];
      for (const event of events) expect(() => applyJobEvent(cancelled, event)).toThrow(JobTransitionError);
      expect(countLabels(cancelled)).toEqual({ confirmed: 1, possibleDuplicates: 0 });
    });
  });
});

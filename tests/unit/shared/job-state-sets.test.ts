import { describe, expect, it } from 'vitest';
import { sqlWordList } from '../../../electron/core/station/job-state-sql.ts';
import { isFinished } from '../../../electron/core/station/job-machine.ts';
import {
  activeJobStates,
  cancellableJobStates,
  finishedJobStates,
  isActiveJobState,
  isCancellableJobState,
  jobStateSchema,
  type JobState,
} from '../../../electron/shared/station-api.ts';

const all = jobStateSchema.options;

describe('the contract’s job-state sets', () => {
  it('splits every state into finished, active or failed, with no state in two', () => {
    const placed = [...finishedJobStates, ...activeJobStates, 'failed'].sort();
    expect(placed).toEqual([...all].sort());
  });

  it('lets the operator cancel anything unfinished except a job a printer is running', () => {
    for (const state of all) {
      expect(isCancellableJobState(state), state).toBe(!isFinished(state) && state !== 'printing');
    }
  });

  it('counts a failed job as neither active (Print is offered again) nor finished (it retries)', () => {
    expect(isActiveJobState('failed')).toBe(false);
    expect(isFinished('failed')).toBe(false);
    expect(cancellableJobStates).toContain('failed');
  });

  it('writes a set as an SQL IN list and refuses anything that is not a plain state word', () => {
    expect(sqlWordList(finishedJobStates)).toBe("('done', 'cancelled')");
    expect(() => sqlWordList(["done') OR ('1" as JobState])).toThrow(/cannot be written into SQL/);
  });
});

import { finishedJobStates, type JobState } from '../../shared/station-api.ts';

/**
 * A set of job states as an SQL `IN` list, so the journal's queries use the contract's sets
 * instead of spelling them again. The states are the contract's own constants, checked here to be
 * plain words before they are inlined.
 */
export function sqlStateList(states: readonly JobState[]): string {
  for (const state of states) {
    if (!/^[a-z-]+$/.test(state)) throw new Error(`job state "${state}" cannot be written into SQL`);
  }
  return `(${states.map((state) => `'${state}'`).join(', ')})`;
}

/** `('done', 'cancelled')`: the jobs nothing runs again. */
export const finishedStatesSql = sqlStateList(finishedJobStates);

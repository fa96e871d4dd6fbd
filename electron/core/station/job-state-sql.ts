import { finishedJobStates, partialJobKinds } from '../../shared/station-api.ts';

/**
 * A set of job states or kinds as an SQL `IN` list, so the journal's queries use the contract's
 * sets instead of spelling them again. They are the contract's own constants, checked here to be
 * plain words before they are inlined.
 */
export function sqlWordList(words: readonly string[]): string {
  for (const word of words) {
    if (!/^[a-z-]+$/.test(word)) throw new Error(`"${word}" cannot be written into SQL`);
  }
  return `(${words.map((word) => `'${word}'`).join(', ')})`;
}

/** `('done', 'cancelled')`: the jobs nothing runs again. */
export const finishedStatesSql = sqlWordList(finishedJobStates);

/** The kinds that print part of a batch (or none) and never call `print_order`. */
export const partialKindsSql = sqlWordList(partialJobKinds);

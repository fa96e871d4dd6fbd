import type { z } from 'zod';

/** The first thing wrong with a value, as an operator-readable field path and problem. */
export interface FirstIssue {
  /** e.g. `data[3].order.totalCost`; "" when the value itself is wrong. */
  field: string;
  problem: string;
}

export function fieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

/** Describes a zod failure by its first issue, with `prefix` prepended to the path. */
export function firstIssue(error: z.ZodError, prefix: readonly PropertyKey[] = []): FirstIssue {
  const issue = error.issues[0];
  if (!issue) return { field: fieldPath(prefix), problem: 'invalid value' };
  const problem = issue.message.replace(/^Invalid input: /, '');
  return { field: fieldPath([...prefix, ...issue.path]), problem };
}

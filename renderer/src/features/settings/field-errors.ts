import type { z } from 'zod';
import { apiBaseUrlProblem } from '../../../../electron/shared/api-base-url.ts';
import { tokenProblem, userIdProblem } from '../../../../electron/shared/api-credentials.ts';

/**
 * The first issue per top-level field, keyed by field, to show beside its input. The fields of
 * a `nested` object (a printer's `media`) are keyed by their own name, as their inputs are.
 */
export function fieldErrors(error: z.ZodError, nested: readonly string[] = []): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const top = String(issue.path[0] ?? '');
    const field = nested.includes(top) && issue.path.length > 1 ? String(issue.path[1]) : top;
    out[field] ??= issue.message;
  }
  return out;
}

/** The server fields as typed, to tell which of a field's rules it broke. */
export interface ServerFields {
  apiBaseUrl: string;
  userId: string;
  token: string;
}

/** The key under `settings.errors` for a field's error; for the address, user id and token, the rule it broke. */
export function settingsErrorKey(field: string, values: ServerFields): string {
  if (field === 'apiBaseUrl') {
    const problem = apiBaseUrlProblem(values.apiBaseUrl.trim());
    return problem === 'plain-http' || problem === 'credentials' || problem === 'query' ? `apiBaseUrl-${problem}` : field;
  }
  if (field === 'userId') return userIdProblem(values.userId) === 'characters' ? 'userId-characters' : field;
  if (field === 'token') {
    const problem = tokenProblem(values.token);
    return problem === 'spaces' || problem === 'characters' ? `token-${problem}` : field;
  }
  return field;
}

import type { JobView } from './station-api.ts';

/** States that do not tell whether `print_order` answered: the server's next list gives the count. */
const unclaimedStates = new Set<JobView['state']>(['queued', 'claiming', 'cancelled']);

/**
 * The batch's print count as the journal knows it: a job past its claim means the backend counted
 * the print, so the count follows at once rather than at the next poll. Core and window share it,
 * so a list the station sends and a job update the window applies agree.
 */
export function printCountWith(printStatus: number, job: JobView | null): number {
  if (!job || job.targetPrintStatus === null || unclaimedStates.has(job.state)) return printStatus;
  return Math.max(printStatus, job.targetPrintStatus);
}

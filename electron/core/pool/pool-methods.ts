import type { JobView, StationMethodOutput } from '../../shared/station-api.ts';
import { isFinishedJobState, jobStateSchema } from '../../shared/station-api.ts';
import { OperatorError, operatorMessage } from '../../shared/operator-message.ts';
import type { PoolLink } from './pool-link.ts';

/**
 * An operator's Print on a batch another station holds is refused at once, naming that
 * station; the runner's own claim (before `print_order`) settles a tie at the same instant.
 */
export async function refuseClaimedElsewhere(pool: PoolLink | undefined, processed: string, target: number): Promise<void> {
  if (!pool) return;
  const verdict = await pool.claimFor(processed, target);
  if (verdict.kind === 'lost') {
    throw new OperatorError(operatorMessage('pool-claimed-by', { station: verdict.station, processed }), `batch ${processed} is being printed by station ${verdict.station}`);
  }
  if (verdict.kind === 'unreachable') {
    throw new OperatorError(operatorMessage('pool-unreachable', {}, verdict.message), `the pool database cannot be reached, so batch ${processed} cannot be claimed: ${verdict.message}`);
  }
}

const iso = (ms: number): string => new Date(ms).toISOString();

/**
 * The one history: the station's own jobs, then the pool's jobs of the other stations (with
 * who printed them). The database away, the station's own jobs still show.
 */
export async function withPoolJobs(pool: PoolLink | undefined, own: JobView[], filter: { limit: number; state?: JobView['state'] }): Promise<StationMethodOutput<'listJobs'>> {
  if (!pool?.reachable) return own;
  const others = await pool.othersJobs(filter.limit).catch(() => []);
  const views: JobView[] = others.flatMap((j) => {
    const state = jobStateSchema.safeParse(j.state === 'running' ? 'printing' : j.state);
    if (!state.success || (filter.state && filter.state !== state.data)) return [];
    return [{
      id: `pool:${j.job_key}`,
      processed: j.processed,
      kind: j.target_print_status === null ? 'reprint-labels' : 'print',
      targetPrintStatus: j.target_print_status,
      printerId: `pool:${j.station}`,
      printerName: j.printer,
      state: state.data,
      totalLabels: j.total,
      confirmedLabels: j.confirmed,
      possibleDuplicates: j.duplicates,
      reason: null,
      station: j.station,
      createdAt: iso(j.created_at),
      updatedAt: iso(j.updated_at),
    }];
  });
  const finishedLast = (v: JobView): number => (isFinishedJobState(v.state) ? 1 : 0);
  return [...own, ...views].sort((a, b) => finishedLast(a) - finishedLast(b) || b.createdAt.localeCompare(a.createdAt)).slice(0, filter.limit);
}

import type { BatchView, JobView, StationMethodOutput } from '../../shared/station-api.ts';
import { isFinishedJobState, jobStateSchema } from '../../shared/station-api.ts';
import { OperatorError, operatorMessage } from '../../shared/operator-message.ts';
import type { PoolLink } from './pool-link.ts';
import type { PrinterProfile } from '../../shared/printer-profile.ts';
import type { JobRecord, Journal, NewEvent } from '../station/journal.ts';
import { BatchStateError } from '../station/station-errors.ts';
import { readStoredOrder } from '../station/stored-order.ts';

const poolJobPrefix = 'pool:';

/** Another station's job in the one history: its id names the pool job. */
export const isPoolJobId = (jobId: string): boolean => jobId.startsWith(poolJobPrefix);

/**
 * Reprints labels of another station's job here, from the orders the pool stored with it:
 * like a reprint from the local journal, each label keeps its place in the batch.
 */
export async function reprintFromPool(
  pool: PoolLink | undefined,
  request: { jobId: string; indexes: readonly number[]; printerId?: string },
  deps: { journal: Journal; route: (printerId?: string) => PrinterProfile; log: (event: NewEvent) => void; kick: () => void },
): Promise<JobRecord> {
  const stored = pool && (await pool.storedJob(request.jobId.slice(poolJobPrefix.length)));
  if (!stored) throw new BatchStateError(operatorMessage('pool-job-not-found', { job: request.jobId }), `the pool has no job ${request.jobId}: refresh the history`);
  const chosen = request.indexes.map((i) => stored.labels.find((l) => l.batchIndex === i));
  const wrong = request.indexes.filter((_, n) => chosen[n] === undefined);
  if (wrong.length > 0) {
    const labels = wrong.join(', ');
    throw new BatchStateError(operatorMessage('job-label-missing', { job: request.jobId, count: stored.labels.length, labels }), `job ${request.jobId} has ${stored.labels.length} label(s): there is no label ${labels}`);
  }
  const labels = chosen.flatMap((l) => (l ? [l] : []));
  const printer = deps.route(request.printerId);
  const job = deps.journal.createJob({
    processed: stored.job.processed,
    kind: 'reprint-labels',
    targetPrintStatus: null,
    printerId: printer.id,
    printerName: printer.name,
    expectedLabels: labels.length,
    orders: labels.map((l) => readStoredOrder(l.orderJson, l.batchIndex - 1)),
    batchPlaces: { indexes: labels.map((l) => l.batchIndex), of: stored.job.batch_labels },
  });
  deps.log({ level: 'info', kind: 'job-created', message: `reprint of label(s) ${request.indexes.join(', ')} of ${stored.job.station}'s job, from the pool's stored orders, on ${printer.name}`, text: operatorMessage('ev-pool-reprint-created', { labels: request.indexes.join(', '), station: stored.job.station, printer: printer.name }), jobId: job.id, processed: job.processed });
  deps.kick();
  return job;
}

/**
 * An operator's Print on a batch another station holds is refused at once, naming that
 * station; the runner's own claim (before `print_order`) settles a tie at the same instant.
 */
export async function refuseClaimedElsewhere(pool: PoolLink | undefined, processed: string, target: number): Promise<void> {
  if (!pool) return;
  const verdict = await pool.claimFor(processed, target);
  if (verdict.kind === 'lost') {
    throw new OperatorError(operatorMessage('pool-claimed-by', { station: verdict.station, batch: processed }), `batch ${processed} is being printed by station ${verdict.station}`);
  }
  if (verdict.kind === 'unreachable') {
    throw new OperatorError(operatorMessage('pool-unreachable', {}, verdict.message), `the pool database cannot be reached, so batch ${processed} cannot be claimed: ${verdict.message}`);
  }
}

const iso = (ms: number): string => new Date(ms).toISOString();

type PoolJob = Awaited<ReturnType<PoolLink['othersJobs']>>[number];

/** Another station's pool job as a job view, naming that station; undefined for a state the contract does not know. */
function poolJobView(j: PoolJob): JobView | undefined {
  const state = jobStateSchema.safeParse(j.state === 'running' ? 'printing' : j.state);
  if (!state.success) return undefined;
  return {
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
    reasonText: null,
    station: j.station,
    createdAt: iso(j.created_at),
    updatedAt: iso(j.updated_at),
  };
}

const poolBatchJobs = 200;

/**
 * The one history on the Batches view: a batch with no job here, or only one that ended
 * cancelled (it lost the claim), shows the other station's latest pool job for it.
 */
export async function withPoolBatches(pool: PoolLink | undefined, views: BatchView[]): Promise<BatchView[]> {
  const wanting = (v: BatchView): boolean => v.job === null || v.job.state === 'cancelled';
  if (!pool?.reachable || !views.some(wanting)) return views;
  const latest = new Map<string, JobView>();
  for (const j of await pool.othersJobs(poolBatchJobs).catch(() => [])) {
    const view = j.target_print_status === null ? undefined : poolJobView(j);
    if (view && !latest.has(j.processed)) latest.set(j.processed, view);
  }
  return views.map((v) => (wanting(v) ? { ...v, job: latest.get(v.processed) ?? v.job } : v));
}

/**
 * The one history: the station's own jobs, then the pool's jobs of the other stations (with
 * who printed them). The database away, the station's own jobs still show.
 */
export async function withPoolJobs(pool: PoolLink | undefined, own: JobView[], filter: { limit: number; state?: JobView['state'] }): Promise<StationMethodOutput<'listJobs'>> {
  if (!pool?.reachable) return own;
  const others = await pool.othersJobs(filter.limit).catch(() => []);
  const views = others.flatMap((j) => {
    const view = poolJobView(j);
    return view && (!filter.state || filter.state === view.state) ? [view] : [];
  });
  const finishedLast = (v: JobView): number => (isFinishedJobState(v.state) ? 1 : 0);
  return [...own, ...views].sort((a, b) => finishedLast(a) - finishedLast(b) || b.createdAt.localeCompare(a.createdAt)).slice(0, filter.limit);
}

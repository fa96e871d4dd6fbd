import { operatorMessage } from '../../shared/operator-message.ts';
import type { PrinterProfile } from '../../shared/printer-profile.ts';
import { cancelJob, printReceivedOrders, retryJob, type JobControlDeps } from './job-control.ts';
import { toJobView } from './journal.ts';
import { moveJob } from './move-job.ts';
import { isPoolJobId, reprintFromPool, withPoolJobs } from '../pool/pool-methods.ts';
import type { PoolLink } from '../pool/pool-link.ts';
import { BatchStateError } from './station-errors.ts';
import type { StationMethodImpls } from './station-methods.ts';
import { printOwnLabels } from './supplied-actions.ts';
import type { UnstoredAlerts } from './unstored-alerts.ts';

export interface JobMethodDeps extends JobControlDeps {
  route: (printerId?: string) => PrinterProfile;
  printers: () => PrinterProfile[];
  /** The station pool, when in one: its other stations' jobs in the history, and reprints of them. */
  pool?: PoolLink;
  /** Alerts the journal cannot hold (its disk is full), listed first. */
  unstoredAlerts: Pick<UnstoredAlerts, 'list' | 'dismiss'>;
}

type JobMethodNames =
  | 'reprintLabels' | 'cancelJob' | 'retryJob' | 'printReceivedOrders' | 'printOwnLabels' | 'moveJob'
  | 'listJobs' | 'getJob' | 'listEvents' | 'listAlerts' | 'dismissAlert';

/** Prints chosen labels of a job again from the journal's stored orders: no API call. */
function reprintLabels(deps: JobMethodDeps, { jobId, indexes, printerId }: Parameters<StationMethodImpls['reprintLabels']>[0]) {
  const { journal } = deps;
  const source = journal.requireJob(jobId);
  if (!source.snapshot.ordersStored) throw new BatchStateError(operatorMessage('job-no-stored-orders', { job: jobId }), `job ${jobId} has no stored orders yet: print the batch first`);
  const count = source.snapshot.labels.length;
  const wrong = indexes.filter((i) => i > count);
  if (wrong.length > 0) {
    throw new BatchStateError(operatorMessage('job-label-missing', { job: jobId, count, labels: wrong.join(', ') }), `job ${jobId} has ${count} label(s): there is no label ${wrong.join(', ')}`);
  }
  const printer = deps.route(printerId ?? source.printerId);
  const chosen = journal.storedLabels(jobId, indexes.map((i) => i - 1));
  const job = journal.createJob({
    processed: source.processed,
    kind: 'reprint-labels',
    targetPrintStatus: null,
    printerId: printer.id,
    printerName: printer.name,
    expectedLabels: chosen.length,
    orders: chosen.map((label) => label.order),
    batchPlaces: { indexes: chosen.map((label) => label.batchIndex), of: source.batchLabels },
    sourceJobId: jobId,
    suppliedFrom: { jobId, indexes: chosen.map((label) => label.idx) },
  });
  deps.log({
    level: 'info',
    kind: 'job-created',
    message: `reprint of label(s) ${indexes.join(', ')} of job ${jobId} on ${printer.name}`,
    text: operatorMessage('ev-reprint-created', { labels: indexes.join(', '), printer: printer.name }),
    jobId: job.id,
    processed: job.processed,
  });
  deps.kick();
  return toJobView(job);
}

/** The operator's hands on jobs, and the history and alerts they read. */
export function createJobMethods(deps: JobMethodDeps): Pick<StationMethodImpls, JobMethodNames> {
  const { journal } = deps;
  return {
    reprintLabels: async (input) => (isPoolJobId(input.jobId) ? toJobView(await reprintFromPool(deps.pool, input, deps)) : reprintLabels(deps, input)),
    cancelJob: async ({ jobId }) => cancelJob(deps, jobId),
    retryJob: async ({ jobId }) => retryJob(deps, jobId),
    printReceivedOrders: async ({ jobId }) => printReceivedOrders(deps, jobId),
    printOwnLabels: async ({ jobId }) => printOwnLabels(deps, jobId),
    moveJob: async ({ jobId, printerId }) => moveJob(deps, jobId, printerId),
    listJobs: async (filter) => withPoolJobs(deps.pool, journal.views.list(filter), filter),
    getJob: async ({ jobId }) => {
      const job = journal.requireJob(jobId);
      return { job: toJobView(job), labels: journal.jobLabels(jobId), events: journal.log.listEvents({ jobId, limit: 1000 }) };
    },
    listEvents: async (filter) => journal.log.listEvents(filter),
    listAlerts: async () => [...deps.unstoredAlerts.list(), ...journal.log.listAlerts()],
    dismissAlert: async ({ id }) => ({ dismissed: deps.unstoredAlerts.dismiss(id) || journal.log.dismissAlerts({ id }).length > 0 }),
  };
}

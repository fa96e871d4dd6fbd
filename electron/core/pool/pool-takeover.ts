import { operatorMessage } from '../../shared/operator-message.ts';
import type { Order } from '../../shared/domain.ts';
import type { JobRecord, Journal, NewEvent } from '../station/journal.ts';
import { readStoredOrder } from '../station/stored-order.ts';
import type { TakenJob } from './pool-store.ts';

export interface TakeoverDeps {
  journal: Journal;
  printerFor: (template: string) => { id: string; name: string } | undefined;
  log: (event: NewEvent) => void;
}

/**
 * Makes the local job that finishes a dead station's labels: like a label reprint from the
 * pool's stored orders, keeping each label's place in the batch. Confirmed labels are left
 * out; labels that were in flight print again, flagged as possible duplicates.
 */
export function adoptTakenJob(taken: TakenJob, deps: TakeoverDeps): (JobRecord & { places: number[] }) | undefined {
  const printer = deps.printerFor(taken.job.template);
  const left = taken.labels.filter((l) => l.state !== 'confirmed');
  if (!printer || left.length === 0) return undefined;
  const orders: Order[] = left.map((l) => readStoredOrder(l.orderJson, l.batchIndex - 1));
  const places = left.map((l) => l.batchIndex);
  const job = deps.journal.createJob({
    processed: taken.job.processed,
    kind: 'reprint-labels',
    targetPrintStatus: null,
    printerId: printer.id,
    printerName: printer.name,
    expectedLabels: orders.length,
    orders,
    batchPlaces: { indexes: places, of: taken.job.batch_labels },
  });
  const flagged = { ...job.snapshot, labels: job.snapshot.labels.map((l, i) => (left[i]?.state === 'sent' || left[i]?.possibleDuplicate ? { ...l, possibleDuplicate: true } : l)) };
  deps.journal.saveJob(job.id, job.snapshot, flagged);
  const inFlight = left.filter((l) => l.state === 'sent').length;
  deps.log({
    level: 'warn',
    kind: 'pool-takeover',
    message: `took over the job of ${taken.job.station} (its lease ran out): ${left.length} of ${taken.labels.length} label(s) left to print on ${printer.name}, ${inFlight} of them in flight there and flagged as possible duplicates`,
    text: operatorMessage('ev-pool-takeover', { station: taken.job.station, left: left.length, total: taken.labels.length, printer: printer.name, inFlight }),
    jobId: job.id,
    processed: taken.job.processed,
  });
  return { ...deps.journal.requireJob(job.id), places };
}

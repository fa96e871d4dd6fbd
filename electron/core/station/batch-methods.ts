import { operatorMessage } from '../../shared/operator-message.ts';
import type { Batch, Order } from '../../shared/domain.ts';
import { printCountWith } from '../../shared/batch-print-state.ts';
import { summarisePickList } from '../../shared/pick-list.ts';
import type { PrinterProfile } from '../../shared/printer-profile.ts';
import type { BatchView, JobKind, JobView } from '../../shared/station-api.ts';
import type { OrderApi } from '../api/order-api.ts';
import { renderPickListPdf } from '../labels/pick-list-pdf.ts';
import { refuseClaimedElsewhere, withPoolBatches } from '../pool/pool-methods.ts';
import type { PoolLink } from '../pool/pool-link.ts';
import { batchesMatching } from './batch-search.ts';
import { toJobView, type JobRecord, type Journal, type NewEvent } from './journal.ts';
import { printOrders, type OrderJobDeps } from './order-jobs.ts';
import { createPackingMethods } from './packing-methods.ts';
import { BatchStateError } from './station-errors.ts';
import type { StationMethodImpls } from './station-methods.ts';
import type { PreviewRenderer } from './station-options.ts';
import type { SuppliedLabels } from './supplied-labels.ts';

export interface BatchMethodDeps {
  journal: Journal;
  /** The batches as the server last listed them. */
  listed: () => Batch[];
  api: () => OrderApi;
  route: (printerId?: string) => PrinterProfile;
  createJob: (batch: Batch, kind: JobKind, printer: PrinterProfile) => JobRecord;
  retryNow: (jobId: string) => void;
  kick: () => void;
  now: () => number;
  log: (event: NewEvent) => void;
  emitJob: (job: JobView) => void;
  /** Sends the batch list again (a parcel was packed). */
  emitBatches: () => void;
  supplied: Pick<SuppliedLabels, 'preview' | 'fetchFor'>;
  renderPng: PreviewRenderer;
  /** The station pool, when in one: Print on a batch another station holds is refused, naming it. */
  pool?: PoolLink;
}

type BatchMethodNames =
  | 'listBatches' | 'getBatchOrders' | 'getPickList' | 'renderPickList' | 'scanToPack' | 'packingReport'
  | 'printBatch' | 'reprintBatch' | 'printOrders' | 'previewLabel';

export type BatchMethods = Pick<StationMethodImpls, BatchMethodNames>;

function pngSize(png: Buffer): { widthPx: number; heightPx: number } {
  return { widthPx: png.readUInt32BE(16), heightPx: png.readUInt32BE(20) };
}

/** The listed batches with their latest job here, the print count that job recorded, and their packed count. */
export function batchViewsOf(deps: Pick<BatchMethodDeps, 'journal' | 'listed'>, matches?: (batch: Batch) => boolean): BatchView[] {
  const latest = deps.journal.views.latestPerBatch();
  const packed = deps.journal.packing.packedCounts();
  return deps
    .listed()
    .filter((b) => !matches || matches(b))
    .map((b) => {
      const job = latest.get(b.processed) ?? null;
      return { ...b, printStatus: printCountWith(b.printStatus, job), job, packed: packed.get(b.processed) ?? 0 };
    });
}

/** The batch's orders: those stored with its print, else the server's list of processed orders. */
async function batchOrders(deps: BatchMethodDeps, processed: string): Promise<Order[]> {
  const stored = deps.journal.claimedJobFor(processed);
  if (stored) return deps.journal.jobOrders(stored.id);
  const orders: Order[] = [];
  const limit = 200;
  for (let offset = 0; ; offset += limit) {
    const page = await deps.api().listOrders(offset, limit, { status: 'PROCESSED' });
    orders.push(...page.orders.filter((o) => o.processedAt === processed));
    if (page.orders.length < limit || offset + limit >= page.total) return orders;
  }
}

/** Print or Reprint of a whole batch: an unfinished job of it runs now rather than a second one. */
async function startPrint(deps: BatchMethodDeps, processed: string, printerId: string | undefined, kind: 'print' | 'reprint'): Promise<JobRecord> {
  // The batch as last listed; asks the server when the station has not seen it yet.
  const batch = deps.listed().find((b) => b.processed === processed) ?? (await deps.api().processedList()).find((b) => b.processed === processed);
  if (!batch) throw new BatchStateError(operatorMessage('batch-not-listed', { batch: processed }), `the server lists no batch processed at ${processed}: refresh the list`);
  const open = deps.journal.openBatchJobFor(processed);
  if (open) {
    deps.retryNow(open.id);
    return deps.journal.requireJob(open.id);
  }
  const printed = Math.max(batch.printStatus, deps.journal.maxTargetFor(processed));
  if (kind === 'print' && printed > 0) {
    throw new BatchStateError(
      operatorMessage('batch-already-printed', { batch: processed, times: printed }),
      `batch ${processed} was already printed ${printed} time(s): use Reprint to print it again`,
    );
  }
  await refuseClaimedElsewhere(deps.pool, processed, printed + 1);
  return deps.createJob(batch, kind, deps.route(printerId));
}

async function previewLabel(deps: BatchMethodDeps, input: Parameters<StationMethodImpls['previewLabel']>[0]) {
  const { order, orderId, processed, template, dpi } = input;
  let chosen = order;
  if (!chosen && processed) chosen = (await batchOrders(deps, processed)).find((o) => orderId === undefined || o.orderId === orderId);
  if (!chosen && orderId && !processed) chosen = (await deps.api().orderDetails(orderId)).firstState ?? undefined;
  if (!chosen) throw new BatchStateError(operatorMessage('order-not-found', {}), 'there is no such order to preview');
  // An order carrying its marketplace label previews that label: it is what will print.
  const label = await deps.supplied.preview({ order: chosen, meta: { batch: processed ?? chosen.processedAt, index: 1, count: 1, printedAt: new Date(deps.now()) } }, { template, dpi });
  const png = Buffer.from(await deps.renderPng(label, { template, dpi }));
  return { pngBase64: png.toString('base64'), ...pngSize(png) };
}

/** The batch list, its orders and pick lists, the packing bench, and printing a batch or some of its orders. */
export function createBatchMethods(deps: BatchMethodDeps): BatchMethods {
  const pickList = async (processed: string[]) =>
    summarisePickList(await Promise.all([...new Set(processed)].map(async (p) => ({ processed: p, orders: await batchOrders(deps, p) }))));
  const packing = createPackingMethods({ journal: deps.journal, now: deps.now, log: deps.log, onPacked: deps.emitBatches });
  const orderJobs: OrderJobDeps = {
    journal: deps.journal,
    orderDetails: (id) => deps.api().orderDetails(id),
    fetchSupplied: (orders) => deps.supplied.fetchFor(orders),
    route: deps.route,
    log: deps.log,
    emitJob: deps.emitJob,
    kick: deps.kick,
  };
  return {
    listBatches: async ({ q }) => {
      const needle = q?.trim();
      if (!needle) return withPoolBatches(deps.pool, batchViewsOf(deps));
      const found = await batchesMatching(needle, { journal: deps.journal, api: deps.api, log: deps.log });
      return withPoolBatches(deps.pool, batchViewsOf(deps, (b) => b.processed.toLowerCase().includes(needle.toLowerCase()) || found.has(b.processed)));
    },
    getBatchOrders: async ({ processed }) => batchOrders(deps, processed),
    getPickList: async ({ processed }) => pickList(processed),
    renderPickList: async ({ processed, template, language }) => {
      const pdf = await renderPickListPdf(await pickList(processed), { template, language, printedAt: new Date(deps.now()) });
      return { pdfBase64: pdf.toString('base64') };
    },
    scanToPack: async ({ code, processed }) => packing.scan(code, processed),
    packingReport: async ({ from, to }) => packing.report(from, to),
    printBatch: async ({ processed, printerId }) => toJobView(await startPrint(deps, processed, printerId, 'print')),
    reprintBatch: async ({ processed, printerId }) => toJobView(await startPrint(deps, processed, printerId, 'reprint')),
    printOrders: async (input) => printOrders(orderJobs, input),
    previewLabel: async (input) => previewLabel(deps, input),
  };
}

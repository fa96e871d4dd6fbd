import type { z } from 'zod';
import { operatorMessage } from '../../shared/operator-message.ts';
import type { Batch, Order } from '../../shared/domain.ts';
import type { PrinterView, StationMethodName, StationMethodOutput, stationMethods, BatchView } from '../../shared/station-api.ts';
import { createRawQueue } from '../printers/index.ts';
import { toJobView, type JobRecord } from './journal.ts';
import { BatchStateError } from './station-errors.ts';
import { summarisePickList } from '../../shared/pick-list.ts';
import { renderPickListPdf } from '../labels/pick-list-pdf.ts';
import { createPackingMethods } from './packing-methods.ts';
import { batchesMatching } from './batch-search.ts';
import { cancelJob, printReceivedOrders, retryJob } from './job-control.ts';
import { serverCutoff } from './auto-print-cutoff.ts';
import { printOwnLabels } from './supplied-actions.ts';
import { previewLabelFile, printLabelFile } from './label-file-job.ts';
import type { StationCore } from './create-station.ts';

type Methods = typeof stationMethods;
/** Each method as implemented: its input already parsed (defaults applied) by the station. */
export type StationMethodImpls = {
  [K in StationMethodName]: (input: z.output<Methods[K]['input']>) => Promise<StationMethodOutput<K>>;
};

const statusTimeoutMs = 3000;

function pngSize(png: Buffer): { widthPx: number; heightPx: number } {
  return { widthPx: png.readUInt32BE(16), heightPx: png.readUInt32BE(20) };
}

export function createStationMethods(core: StationCore): StationMethodImpls & { batchViews(): BatchView[] } {
  const { journal, settings } = core;

  const batchViews = (matches?: (batch: Batch) => boolean): BatchView[] => {
    const latest = journal.views.latestPerBatch();
    const packed = journal.packing.packedCounts();
    return core
      .batches()
      .filter((b) => !matches || matches(b))
      .map((b) => {
        const job = latest.get(b.processed);
        return { ...b, job: job ?? null, packed: packed.get(b.processed) ?? 0 };
      });
  };

  /** The batch as last listed; asks the server when the station has not seen it yet. */
  const findBatch = async (processed: string): Promise<Batch> => {
    const known = core.batches().find((b) => b.processed === processed) ?? (await core.api().processedList()).find((b) => b.processed === processed);
    if (!known) throw new BatchStateError(operatorMessage('batch-not-listed', { batch: processed }), `the server lists no batch processed at ${processed}: refresh the list`);
    return known;
  };

  const startPrint = async (processed: string, printerId: string | undefined, kind: 'print' | 'reprint'): Promise<JobRecord> => {
    const batch = await findBatch(processed);
    const open = journal.openBatchJobFor(processed);
    if (open) {
      core.scheduler.retryNow(open.id);
      return journal.requireJob(open.id);
    }
    const printed = Math.max(batch.printStatus, journal.maxTargetFor(processed));
    if (kind === 'print' && printed > 0) {
      throw new BatchStateError(
        operatorMessage('batch-already-printed', { batch: processed, times: printed }),
        `batch ${processed} was already printed ${printed} time(s): use Reprint to print it again`,
      );
    }
    return core.createJob(batch, kind, settings.route(printerId));
  };

  const batchOrders = async (processed: string): Promise<Order[]> => {
    const stored = journal.claimedJobFor(processed);
    if (stored) return journal.jobOrders(stored.id);
    const orders: Order[] = [];
    const limit = 200;
    for (let offset = 0; ; offset += limit) {
      const page = await core.api().listOrders(offset, limit, { status: 'PROCESSED' });
      orders.push(...page.orders.filter((o) => o.processedAt === processed));
      if (page.orders.length < limit || offset + limit >= page.total) return orders;
    }
  };

  const pickList = async (processed: string[]) =>
    summarisePickList(await Promise.all([...new Set(processed)].map(async (p) => ({ processed: p, orders: await batchOrders(p) }))));

  const packing = createPackingMethods({ journal, now: core.now, log: core.log, onPacked: () => core.events.emit('batches', batchViews()) });

  const printerView = async (id: string): Promise<PrinterView['status']> => {
    const port = core.port(id);
    if (!port) return { state: 'unknown', message: 'this printer is not set up' };
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<PrinterView['status']>((resolve) => {
      timer = setTimeout(() => resolve({ state: 'unknown', message: 'the printer did not answer in time' }), statusTimeoutMs);
    });
    try {
      return await Promise.race([port.status(), timeout]);
    } catch (error) {
      return { state: 'error', message: error instanceof Error ? error.message : String(error) };
    } finally {
      clearTimeout(timer);
    }
  };

  return {
    batchViews,
    getState: async () => core.state(),
    listBatches: async ({ q }) => {
      const needle = q?.trim();
      if (!needle) return batchViews();
      const found = await batchesMatching(needle, { journal, api: core.api, log: core.log });
      return batchViews((b) => b.processed.toLowerCase().includes(needle.toLowerCase()) || found.has(b.processed));
    },
    getBatchOrders: async ({ processed }) => batchOrders(processed),
    getPickList: async ({ processed }) => pickList(processed),
    renderPickList: async ({ processed, template, language }) => {
      const pdf = await renderPickListPdf(await pickList(processed), { template, language, printedAt: new Date(core.now()) });
      return { pdfBase64: pdf.toString('base64') };
    },
    scanToPack: async ({ code, processed }) => packing.scan(code, processed),
    packingReport: async ({ from, to }) => packing.report(from, to),
    printBatch: async ({ processed, printerId }) => toJobView(await startPrint(processed, printerId, 'print')),
    reprintBatch: async ({ processed, printerId }) => toJobView(await startPrint(processed, printerId, 'reprint')),
    reprintLabels: async ({ jobId, indexes, printerId }) => {
      const source = journal.requireJob(jobId);
      if (!source.snapshot.ordersStored) throw new BatchStateError(operatorMessage('job-no-stored-orders', { job: jobId }), `job ${jobId} has no stored orders yet: print the batch first`);
      const count = source.snapshot.labels.length;
      const wrong = indexes.filter((i) => i > count);
      if (wrong.length > 0) {
        throw new BatchStateError(operatorMessage('job-label-missing', { job: jobId, count, labels: wrong.join(', ') }), `job ${jobId} has ${count} label(s): there is no label ${wrong.join(', ')}`);
      }
      const printer = settings.route(printerId ?? source.printerId);
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
      core.log({
        level: 'info',
        kind: 'job-created',
        message: `reprint of label(s) ${indexes.join(', ')} of job ${jobId} on ${printer.name}`,
        text: operatorMessage('ev-reprint-created', { labels: indexes.join(', '), printer: printer.name }),
        jobId: job.id,
        processed: job.processed,
      });
      core.scheduler.kick();
      return toJobView(job);
    },
    cancelJob: async ({ jobId }) => cancelJob(core, jobId),
    retryJob: async ({ jobId }) => retryJob(core, jobId),
    printReceivedOrders: async ({ jobId }) => printReceivedOrders(core, jobId),
    printOwnLabels: async ({ jobId }) => printOwnLabels(core, jobId),
    listJobs: async (filter) => journal.views.list(filter),
    getJob: async ({ jobId }) => {
      const job = journal.requireJob(jobId);
      return { job: toJobView(job), labels: journal.jobLabels(jobId), events: journal.log.listEvents({ jobId, limit: 1000 }) };
    },
    listEvents: async (filter) => journal.log.listEvents(filter),
    getSettings: async () => settings.view(),
    updateSettings: async (patch) => {
      core.applySettingsChange(settings.update(patch));
      return settings.view();
    },
    setAutoPrint: async ({ enabled, cutoff }) => {
      const current = settings.autoPrint();
      const switchingOn = enabled && !current.enabled && cutoff === undefined;
      const lastListing = core.state().lastPollAt === null ? null : core.batches();
      const next = { enabled, cutoff: cutoff ?? (switchingOn ? await serverCutoff(() => core.api().processedList(), lastListing) : current.cutoff) };
      settings.setAutoPrint(next);
      const from = next.cutoff === null ? 'newer than the server lists at the next poll' : `processed from ${next.cutoff} (server time)`;
      const text = !enabled
        ? operatorMessage('ev-auto-print-off', {})
        : next.cutoff === null
          ? operatorMessage('ev-auto-print-on-next-poll', {})
          : operatorMessage('ev-auto-print-on', { cutoff: next.cutoff });
      core.log({ level: 'info', kind: 'auto-print', message: enabled ? `auto-print on for batches ${from}` : 'auto-print off', text, jobId: null, processed: null });
      core.emitState();
      if (enabled) core.poller.pollNow();
      return core.state();
    },
    listPrinters: async () => Promise.all(settings.printers().map(async (p) => ({ ...p, status: await printerView(p.id) }))),
    discoverPrinters: async () => core.options.discoverPrinters(),
    savePrinter: async (input) => {
      const profile = settings.savePrinter(input);
      core.forgetPort(profile.id);
      return profile;
    },
    removePrinter: async ({ id }) => {
      const pending = journal.pendingJobs().filter((j) => j.printerId === id).length;
      if (pending > 0) {
        throw new BatchStateError(operatorMessage('printer-has-jobs', { count: pending }), `this printer still has ${pending} unfinished job(s): let them finish or reprint them elsewhere first`);
      }
      core.forgetPort(id);
      return { removed: settings.removePrinter(id) };
    },
    printTestPage: async ({ id }) => {
      const port = core.port(id);
      if (!port) throw new BatchStateError(operatorMessage('printer-unknown', { printer: id }), `there is no printer "${id}"`);
      await port.printTestPage();
      return { printed: true };
    },
    calibratePrinter: async ({ id }) => {
      const port = core.port(id);
      if (!port) throw new BatchStateError(operatorMessage('printer-unknown', { printer: id }), `there is no printer "${id}"`);
      if (!port.calibrate) {
        throw new BatchStateError(
          operatorMessage('printer-no-sensor', { printer: port.profile.name }),
          `${port.profile.name} has no label sensor to calibrate: pick its TSPL or ZPL kind, or print the test page`,
        );
      }
      await port.calibrate();
      return { calibrated: true };
    },
    createRawQueue: async (request) => {
      const created = await (core.options.createRawQueue ?? ((r) => createRawQueue(r)))(request);
      core.log({ level: 'info', kind: 'raw-queue-created', message: created.message, text: operatorMessage('ev-raw-queue-created', { queue: created.queue }, created.uri), jobId: null, processed: null });
      return created;
    },
    previewLabel: async ({ order, orderId, processed, template, dpi }) => {
      let chosen = order;
      if (!chosen && processed) chosen = (await batchOrders(processed)).find((o) => orderId === undefined || o.orderId === orderId);
      if (!chosen && orderId && !processed) chosen = (await core.api().orderDetails(orderId)).firstState ?? undefined;
      if (!chosen) throw new BatchStateError(operatorMessage('order-not-found', {}), 'there is no such order to preview');
      // An order carrying its marketplace label previews that label: it is what will print.
      const label = await core.supplied.preview({ order: chosen, meta: { batch: processed ?? chosen.processedAt, index: 1, count: 1, printedAt: new Date(core.now()) } }, { template, dpi });
      const png = Buffer.from(await core.options.renderPng(label, { template, dpi }));
      return { pngBase64: png.toString('base64'), ...pngSize(png) };
    },
    previewLabelFile: async (input) => previewLabelFile(core, input),
    printLabelFile: async (input) => printLabelFile(core, input),
    getSummary: async () => core.api().totalSummary(),
    listOrders: async ({ offset, limit, q, status }) => core.api().listOrders(offset, limit, { q, status }),
    getOrderDetails: async ({ id }) => core.api().orderDetails(id),
    listAlerts: async () => journal.log.listAlerts(),
    dismissAlert: async ({ id }) => ({ dismissed: journal.log.dismissAlerts({ id }).length > 0 }),
  };
}

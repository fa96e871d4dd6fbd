import type { Batch } from '../../shared/domain.ts';
import { operatorMessage } from '../../shared/operator-message.ts';
import type { PrinterProfile } from '../../shared/printer-profile.ts';
import { isFinishedJobState, type JobKind, type JobView } from '../../shared/station-api.ts';
import { createBatchEmitter } from './batch-events.ts';
import { createBatchJob, type BatchJobDeps } from './batch-jobs.ts';
import { batchViewsOf, createBatchMethods } from './batch-methods.ts';
import { BatchPoller } from './batch-poller.ts';
import { createBatchSync, ListedBatches } from './batch-sync.ts';
import { createConnectionControl, type ConnectionControl } from './connection-control.ts';
import { DiskFullGuard } from './disk-full-guard.ts';
import { EventHub } from './event-hub.ts';
import { reportStuckJob } from './job-runner.ts';
import { createJobMethods, type JobMethodDeps } from './job-methods.ts';
import type { JobRecord } from './journal.ts';
import { startJournalBackups } from './journal-backup.ts';
import { previewLabelFile, printLabelFile } from './label-file-job.ts';
import { pickListSheets } from '../labels/pick-list-sheets.ts';
import { createPrintQueue } from './print-queue.ts';
import type { PrintScheduler } from './print-scheduler.ts';
import { createPrinterMethods } from './printer-methods.ts';
import { createServerMethods } from './server-methods.ts';
import { createSettingsMethods } from './settings-methods.ts';
import { reportSettingsProblems } from './settings-problems.ts';
import { createSkippedRowsDesk } from './skipped-rows.ts';
import type { Station } from './station.ts';
import { openStationFiles, type StationFiles } from './station-files.ts';
import { createApiLink, createPrinterLinks } from './station-links.ts';
import { createStationLog } from './station-log.ts';
import { checkedMethods, type StationMethodImpls } from './station-methods.ts';
import { silentLogger, type StationLogger, type StationOptions, type Timers } from './station-options.ts';
import { StationQueues, StationStatus } from './station-status.ts';
import { createSuppliedLabels } from './supplied-labels.ts';
import { createUnstoredAlerts } from './unstored-alerts.ts';
import { joinPool } from '../pool/join-pool.ts';

/** What differs between a real station and one on fakes: time, timers, chance and the log. */
interface Runtime {
  logger: StationLogger;
  now: () => number;
  timers: Timers;
  random: () => number;
}

function runtimeOf(options: StationOptions): Runtime {
  const clock = options.clock ?? { now: () => Date.now() };
  return {
    logger: options.logger ?? silentLogger,
    now: () => clock.now(),
    timers: options.timers ?? { setTimeout: (f: () => void, ms: number) => setTimeout(f, ms), clearTimeout: (h: unknown) => clearTimeout(h as NodeJS.Timeout) },
    random: options.random ?? Math.random,
  };
}

/** The parts every other part talks through: status, events, the log, the disk guard, the links to server and printers. */
function coreParts(options: StationOptions, rt: Runtime, files: StationFiles) {
  const { journal, settings } = files;
  const events = new EventHub(rt.logger);
  const queues = new StationQueues();
  const status = new StationStatus({ configured: () => settings.configured(), autoPrint: () => settings.autoPrint(), demo: options.demo ?? false, emit: (s) => events.emit('state', s) });
  const unstored = createUnstoredAlerts({ now: rt.now, events });
  const diskGuard = new DiskFullGuard({
    journalPath: files.journalPath,
    timers: rt.timers,
    logger: rt.logger,
    onFull: (error) => {
      status.setLastError(error);
      unstored.raise({ kind: 'disk-full', message: error.message, text: error.text, jobId: null, printerId: null });
      queues.pause();
      status.emit();
    },
    probe: () => journal.log.addEvent({ level: 'info', kind: 'disk-space-back', message: 'there is room on the disk again', text: operatorMessage('ev-disk-space-back', {}), jobId: null, processed: null }),
    onRoom: () => {
      status.setLastError(null);
      unstored.clear('disk-full');
      if (status.connection !== 'token-rejected') queues.resume();
      status.emit();
    },
  });
  const { log, raise, clearAlerts } = createStationLog({ logger: rt.logger, journal, attempt: (write) => diskGuard.attempt(write), events });
  const skippedRows = createSkippedRowsDesk({ log, raise, dismiss: () => clearAlerts({ kind: 'bad-data' }) });
  const apiLink = createApiLink({ config: () => settings.apiConfig(), build: options.api, onSkippedRows: (report) => skippedRows.report(report) });
  const printers = createPrinterLinks({ printers: () => settings.printers(), open: options.openPrinter });
  const supplied = createSuppliedLabels({ ...options.suppliedLabels, fetch: options.suppliedLabels?.fetch ?? globalThis.fetch, apiConfig: () => settings.apiConfig() });
  return { events, queues, status, diskGuard, unstored, log, raise, clearAlerts, skippedRows, apiLink, printers, supplied };
}

type CoreParts = ReturnType<typeof coreParts>;

/** Poll → jobs, and the print queues that run them. */
function printingParts(options: StationOptions, rt: Runtime, files: StationFiles, core: CoreParts, connection: ConnectionControl) {
  const { journal, settings } = files;
  const listing = new ListedBatches();
  // A finished job changes its batch's row (print count, needs printing) before the next poll.
  const emitJob = (job: JobView): void => {
    core.events.emit('job', job);
    if (isFinishedJobState(job.state)) emitBatches();
  };
  const pool = joinPool(options.pool, { journal, settings, now: rt.now, timers: rt.timers, log: core.log, raise: core.raise, clearAlerts: core.clearAlerts, kick: () => scheduler.kick() });
  const emitBatches = createBatchEmitter({ views: () => batchViewsOf({ journal, listed: () => listing.all() }), pool, emit: (views) => core.events.emit('batches', views) });
  const scheduler: PrintScheduler = createPrintQueue({
    journal, now: rt.now, timers: rt.timers, random: rt.random, api: core.apiLink.api, port: core.printers.port, backoff: options.backoff, log: core.log, raise: core.raise, clearAlerts: core.clearAlerts,
    onAuthRejected: connection.onAuthRejected, supplied: core.supplied, skippedRows: core.skippedRows, listedLabels: (p) => listing.labelsOf(p),
    labelOrder: () => settings.labelOrder(), language: () => settings.view().language, drawPickList: options.pickListSheets ?? pickListSheets, emitJob, pool,
    onRunError: (error, jobId) => {
      if (!core.diskGuard.handle(error)) reportStuckJob(error, jobId, rt.logger, core.raise);
    },
  });
  const jobs: BatchJobDeps = { journal, log: core.log, emitJob, kick: () => scheduler.kick() };
  const createJob = (batch: Batch, kind: JobKind, printer: PrinterProfile): JobRecord => createBatchJob(jobs, batch, kind, printer);
  const sync = createBatchSync({
    listing, journal, status: core.status, now: rt.now, log: core.log, raise: core.raise, clearAlerts: core.clearAlerts,
    autoPrint: () => settings.autoPrint(), setAutoPrint: (rule) => settings.setAutoPrint(rule), route: () => settings.route(),
    createJob: (batch, printer) => createJob(batch, 'auto-print', printer),
    ...(pool ? { heldElsewhere: (batch: Batch) => pool.heldElsewhere(batch.processed, batch.printStatus + 1) } : {}),
    onListed: emitBatches,
  });
  const poller = new BatchPoller({
    fetchBatches: (signal) => core.apiLink.api().processedList({}, { signal }),
    intervalMs: () => settings.pollSeconds() * 1000,
    timers: rt.timers,
    random: rt.random,
    backoff: options.backoff?.poll,
    onBatches: (batches) => sync.onBatches(batches),
    onFailure: connection.onPollFailure,
    onAuthRejected: connection.onAuthRejected,
  });
  core.queues.add({ pause: () => poller.pause(), resume: () => poller.resume(), wake: () => poller.pollNow() });
  core.queues.add({ pause: () => scheduler.pause(), resume: () => scheduler.resume(), wake: () => scheduler.kick() });
  return { listing, scheduler, createJob, poller, emitJob, emitBatches, pool };
}

type PrintingParts = ReturnType<typeof printingParts>;

function methodsOf(options: StationOptions, rt: Runtime, files: StationFiles, core: CoreParts, printing: PrintingParts, connection: ConnectionControl): StationMethodImpls {
  const { journal, settings } = files;
  const { scheduler, emitJob } = printing;
  const route = (printerId?: string) => settings.route(printerId);
  const kick = () => scheduler.kick();
  const jobDeps: JobMethodDeps = {
    journal, log: core.log, clearAlerts: core.clearAlerts, emitJob, kick, route, printers: () => settings.printers(), isRunning: (id) => scheduler.isRunning(id), retryNow: (id) => scheduler.retryNow(id),
    pool: printing.pool, unstoredAlerts: core.unstored,
  };
  const labelFiles = { journal, route, renderPng: options.renderPng, now: rt.now, log: core.log, emitJob, kick };
  return {
    ...createBatchMethods({
      journal, listed: () => printing.listing.all(), api: core.apiLink.api, route, createJob: printing.createJob, retryNow: jobDeps.retryNow, kick,
      now: rt.now, log: core.log, emitJob, emitBatches: printing.emitBatches, supplied: core.supplied, renderPng: options.renderPng, pool: printing.pool,
    }),
    ...createJobMethods(jobDeps),
    ...createPrinterMethods({
      printers: () => settings.printers(), savePrinter: (input) => settings.savePrinter(input), removePrinter: (id) => settings.removePrinter(id),
      port: core.printers.port, forgetPort: core.printers.forget, pendingJobs: () => journal.pendingJobs(), discover: options.discoverPrinters,
      createRawQueue: options.createRawQueue, log: core.log,
    }),
    ...createSettingsMethods({
      settings, state: () => core.status.view(), emitState: () => core.status.emit(), api: core.apiLink.api,
      onSettingsChange: (change) => {
        // A save that rewrote the unreadable setting ends its alert.
        if (settings.problems().length === 0) journal.log.dismissAlerts({ kind: 'bad-settings' });
        connection.onSettingsChange(change);
      },
      lastListing: () => (core.status.lastPollAt === null ? null : printing.listing.all()), pollNow: () => printing.poller.pollNow(), log: core.log, now: rt.now,
    }),
    ...createServerMethods({ api: options.api, settings, onSettingsChange: connection.onSettingsChange }),
    previewLabelFile: async (input) => previewLabelFile(labelFiles, input),
    printLabelFile: async (input) => printLabelFile(labelFiles, input),
  };
}

/**
 * The station core, put together: the journal and settings, the links to the server and the
 * printers, poll → jobs, the print queues, and the contract's methods over them. Each module
 * gets only the functions it uses.
 */
export function createStation(options: StationOptions): Station {
  const rt = runtimeOf(options);
  const files = openStationFiles(options, rt.now, rt.random);
  const { journal } = files;
  const core = coreParts(options, rt, files);
  let started = false;
  let stopped = false;
  let backups: { stop(): void } | undefined;
  const connection = createConnectionControl({
    status: core.status, queues: core.queues, log: core.log, raise: core.raise, clearAlerts: core.clearAlerts, now: rt.now,
    forgetClient: core.apiLink.forget, diskFull: (error) => core.diskGuard.handle(error), started: () => started,
  });
  const printing = printingParts(options, rt, files, core, connection);
  const methods = checkedMethods(methodsOf(options, rt, files, core, printing, connection));
  return {
    ...methods,
    on: (event, listener) => core.events.on(event, listener),
    start() {
      if (started) return;
      started = true;
      backups = startJournalBackups({ backup: () => journal.backup(), timers: rt.timers, log: core.log, skip: () => core.diskGuard.full });
      core.diskGuard.attempt(() => journal.clearRetryTimes());
      const pending = journal.pendingJobs().length;
      core.log({ level: 'info', kind: 'station-started', message: `station started, ${pending} unfinished job(s) to resume`, text: operatorMessage('ev-station-started', { jobs: pending }), jobId: null, processed: null });
      printing.pool?.start();
      reportSettingsProblems(files.settings.problems(), core);
      printing.poller.start();
      printing.scheduler.kick();
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      core.diskGuard.stop();
      backups?.stop();
      await printing.poller.stop();
      await printing.scheduler.stop();
      await printing.pool?.stop();
      await options.pool?.store.close();
      if (started) core.log({ level: 'info', kind: 'station-stopped', message: 'station stopped', text: operatorMessage('ev-station-stopped', {}), jobId: null, processed: null });
      files.close();
    },
  } satisfies Station;
}

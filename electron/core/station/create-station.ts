import { join } from 'node:path';
import type { Batch } from '../../shared/domain.ts';
import { stationMethods, type ConnectionState, type JobView, type StationApi, type StationState } from '../../shared/station-api.ts';
import { stationMethodsFrom } from '../../shared/station-transport.ts';
import { explain, operatorMessage, OperatorError, type Explained, type OperatorMessage } from '../../shared/operator-message.ts';
import type { ApiAuthError } from '../api/api-errors.ts';
import type { OrderApi } from '../api/order-api.ts';
import type { PrinterPort } from '../printers/printer-port.ts';
import type { PrinterProfile } from '../../shared/printer-profile.ts';
import { selectAutoPrintBatches } from './auto-print.ts';
import { cutoffAfter } from './auto-print-cutoff.ts';
import { diffBatches } from './batch-diff.ts';
import { DiskFullGuard } from './disk-full-guard.ts';
import { BatchPoller } from './batch-poller.ts';
import { EventHub } from './event-hub.ts';
import { startJournalBackups } from './journal-backup.ts';
import { reportStuckJob, runJob, type JobRunnerDeps } from './job-runner.ts';
import { createSkippedRowsDesk } from './skipped-rows.ts';
import { lockJournal } from './journal-lock.ts';
import { journalRetentionDays } from './journal-retention.ts';
import { Journal, toJobView, type JobRecord, type NewAlert, type NewEvent } from './journal.ts';
import type { AlertMatch } from './journal-log.ts';
import { PrintScheduler } from './print-scheduler.ts';
import { createStationMethods } from './station-methods.ts';
import { silentLogger, type StationOptions } from './station-options.ts';
import { StationSettings } from './station-settings.ts';
import { createSuppliedLabels, type SuppliedLabels } from './supplied-labels.ts';

export interface Station extends StationApi {
  /** Resumes unfinished jobs from the journal and starts polling. */
  start(): void;
  /** Stops polling, lets each printer finish the label in flight, closes the journal. */
  stop(): Promise<void>;
}

export class StationNotConfiguredError extends OperatorError {
  override name = 'StationNotConfiguredError';
  constructor(englishMessage: string) {
    super(operatorMessage('not-configured', {}), englishMessage);
  }
}

/** A method was called with input the contract refuses; the message names the field. */
export class StationInputError extends OperatorError {
  override name = 'StationInputError';
}

/** The mutable heart shared by the station's methods: journal, settings, client, queues. */
export interface StationCore {
  journal: Journal;
  settings: StationSettings;
  options: StationOptions;
  events: EventHub;
  now: () => number;
  random: () => number;
  batches: () => Batch[];
  state: () => StationState;
  api: () => OrderApi;
  port: (printerId: string) => PrinterPort | undefined;
  forgetPort: (printerId: string) => void;
  createJob: (batch: Batch, kind: JobView['kind'], printer: PrinterProfile) => JobRecord;
  scheduler: PrintScheduler;
  poller: BatchPoller;
  log: (event: NewEvent) => void;
  raise: (alert: NewAlert) => void;
  /** The cause of these alerts is gone: they are dismissed and the UI drops them. */
  clearAlerts: (match: AlertMatch) => void;
  applySettingsChange: (change: { connection: boolean; token: boolean; pollSeconds: boolean }) => void;
  emitState: () => void;
  supplied: SuppliedLabels;
}

export function createStation(options: StationOptions): Station {
  const logger = options.logger ?? silentLogger;
  const clock = options.clock ?? { now: () => Date.now() };
  const now = (): number => clock.now();
  const timers = options.timers ?? { setTimeout: (f: () => void, ms: number) => setTimeout(f, ms), clearTimeout: (h: unknown) => clearTimeout(h as NodeJS.Timeout) };
  const random = options.random ?? Math.random;
  const journalPath = options.journalPath ?? (options.dataDir ? join(options.dataDir, 'journal.db') : undefined);
  if (!journalPath) throw new StationNotConfiguredError('the station needs a data folder or a journal path');
  const unlock = lockJournal(journalPath);
  let journal: Journal;
  try {
    journal = new Journal(journalPath, now);
  } catch (error) {
    unlock();
    throw error;
  }
  const events = new EventHub(logger);
  const settings = new StationSettings(journal, options.secretStore, options.pollSeconds ?? 10, () => `printer-${Math.floor(random() * 36 ** 8).toString(36)}`);
  try {
    if (options.initialSettings) settings.update(options.initialSettings);
  } catch (error) {
    journal.close();
    unlock();
    throw error;
  }

  let connection: ConnectionState = 'connecting';
  let lastPollAt: string | null = null;
  let lastError: string | null = null;
  let lastErrorText: OperatorMessage | null = null;
  const setLastError = (error: Explained | null): void => {
    lastError = error?.message ?? null;
    lastErrorText = error?.text ?? null;
  };
  let batches: Batch[] = [];
  let client: OrderApi | undefined;
  const ports = new Map<string, PrinterPort>();

  const diskGuard: DiskFullGuard = new DiskFullGuard({
    journalPath,
    timers,
    logger,
    onFull: (error) => {
      setLastError(error);
      poller.pause();
      scheduler.pause();
      emitState();
    },
    probe: () => journal.log.addEvent({ level: 'info', kind: 'disk-space-back', message: 'there is room on the disk again', text: operatorMessage('ev-disk-space-back', {}), jobId: null, processed: null }),
    onRoom: () => {
      setLastError(null);
      if (connection !== 'token-rejected') {
        poller.resume();
        scheduler.resume();
      }
      emitState();
    },
  });
  const log = (event: NewEvent): void => {
    logger[event.level](event.message, { kind: event.kind, jobId: event.jobId, processed: event.processed });
    const stored = diskGuard.attempt(() => journal.log.addEvent(event));
    if (stored) events.emit('journal', stored);
  };
  const raise = (alert: NewAlert): void => {
    const raised = diskGuard.attempt(() => journal.log.raiseAlert(alert));
    if (raised) events.emit('alert', raised);
  };
  const clearAlerts = (match: AlertMatch): void => {
    const ids = diskGuard.attempt(() => journal.log.dismissAlerts(match)) ?? [];
    if (ids.length > 0) events.emit('alertsCleared', { ids });
  };
  const state = (): StationState => ({
    connection: settings.configured() ? connection : 'not-configured',
    lastPollAt,
    lastError,
    lastErrorText,
    autoPrint: settings.autoPrint(),
    demo: options.demo ?? false,
  });
  const emitState = (): void => events.emit('state', state());
  const api = (): OrderApi => {
    if (client) return client;
    const config = settings.apiConfig();
    if (!config) throw new StationNotConfiguredError('the order server is not set up: enter its address, the user id and the API token in Settings');
    client = options.api({ ...config, onSkippedRows: (report) => skippedRows.report(report) });
    return client;
  };
  const port = (printerId: string): PrinterPort | undefined => {
    const cached = ports.get(printerId);
    if (cached) return cached;
    const profile = settings.printers().find((p) => p.id === printerId);
    if (!profile) return undefined;
    const opened = options.openPrinter(profile);
    ports.set(printerId, opened);
    return opened;
  };

  const skippedRows = createSkippedRowsDesk({ log, raise, dismiss: () => clearAlerts({ kind: 'bad-data' }) });

  const onAuthRejected = (error: ApiAuthError): void => {
    if (connection === 'token-rejected') return;
    connection = 'token-rejected';
    setLastError(error);
    poller.pause();
    scheduler.pause();
    log({ level: 'error', kind: 'token-rejected', message: error.message, text: error.text, jobId: null, processed: null });
    raise({ kind: 'token-rejected', message: error.message, text: error.text, jobId: null, printerId: null });
    emitState();
  };

  const supplied = createSuppliedLabels({ ...options.suppliedLabels, fetch: options.suppliedLabels?.fetch ?? globalThis.fetch, apiConfig: () => settings.apiConfig() });
  const runDeps: JobRunnerDeps = {
    journal, api, port, now, log, onAuthRejected, supplied,
    onJob: (job) => events.emit('job', toJobView(job)),
    // The batch as last listed: a count changed on the server since the job was made counts.
    expectedLabels: (job) => batches.find((b) => b.processed === job.processed)?.totalLabels ?? job.expectedLabels,
    skippedRows: (processed, printStatus) => skippedRows.takeForClaim(processed, printStatus),
  };
  const scheduler: PrintScheduler = new PrintScheduler({
    journal,
    timers,
    now,
    random,
    backoff: options.backoff?.job,
    printerBackoff: options.backoff?.printer,
    onDone: (job) => {
      clearAlerts({ kind: 'batch-failed', jobId: job.id });
      clearAlerts({ kind: 'printer-offline', printerId: job.printerId });
    },
    run: (jobId, signal) => runJob(jobId, runDeps, signal),
    onRetryScheduled: (job, outcome, retryAt) => {
      const when = new Date(retryAt).toISOString();
      const text = job.snapshot.reasonText ?? operatorMessage('unexpected-error', {}, job.snapshot.reason);
      if (outcome === 'waiting') {
        raise({ kind: 'printer-offline', message: `${job.printerName}: ${job.snapshot.reason ?? 'not ready'} (trying again at ${when})`, text, retryAt: when, jobId: null, printerId: job.printerId });
      } else {
        raise({ kind: 'batch-failed', message: `Batch ${job.processed} did not print: ${job.snapshot.reason ?? 'unknown error'} (trying again at ${when})`, text, retryAt: when, jobId: job.id, printerId: job.printerId });
      }
    },
    onHeld: (job) => {
      const text = job.snapshot.reasonText ?? operatorMessage('unexpected-error', {}, job.snapshot.reason);
      raise({ kind: 'batch-failed', message: job.snapshot.reason ?? `Batch ${job.processed} did not print`, text, jobId: job.id, printerId: job.printerId });
    },
    onError: (error, jobId) => {
      if (!diskGuard.handle(error)) reportStuckJob(error, jobId, logger, raise);
    },
  });

  const createJob = (batch: Batch, kind: JobView['kind'], printer: PrinterProfile): JobRecord => {
    const target = Math.max(batch.printStatus, journal.maxTargetFor(batch.processed)) + 1;
    const job = journal.createJob({ processed: batch.processed, kind, targetPrintStatus: target, printerId: printer.id, printerName: printer.name, expectedLabels: batch.totalLabels });
    log({
      level: 'info',
      kind: 'job-created',
      message: `${kind} of ${batch.totalLabels} label(s) on ${printer.name}, print_status ${target}`,
      text: operatorMessage('ev-job-created', { labels: batch.totalLabels, printer: printer.name }),
      jobId: job.id,
      processed: batch.processed,
    });
    events.emit('job', toJobView(job));
    scheduler.kick();
    return job;
  };

  let prunedAt = Number.NEGATIVE_INFINITY;
  // Once a day, so a kiosk's journal stays the size of its recent history.
  const pruneIfDue = (): void => {
    if (now() - prunedAt < 86_400_000) return;
    prunedAt = now();
    const pruned = journal.prune();
    if (pruned.jobs + pruned.events > 0) {
      const message = `dropped ${pruned.jobs} finished job(s) and ${pruned.events} event(s) older than ${journalRetentionDays} days`;
      log({ level: 'info', kind: 'journal-pruned', message, text: operatorMessage('ev-journal-pruned', { jobs: pruned.jobs, events: pruned.events }), jobId: null, processed: null });
    }
  };

  const onBatches = (current: Batch[]): void => {
    pruneIfDue();
    const changes = diffBatches(batches, current);
    const first = lastPollAt === null;
    batches = current;
    lastPollAt = new Date(now()).toISOString();
    // A clean answer: the server is reachable and takes the token.
    clearAlerts({ kind: 'api-unreachable' });
    clearAlerts({ kind: 'token-rejected' });
    connection = 'ok';
    setLastError(null);
    journal.recordBatches(current);
    let rule = settings.autoPrint();
    if (rule.enabled && rule.cutoff === null) {
      rule = { enabled: true, cutoff: cutoffAfter(current) };
      settings.setAutoPrint(rule);
      const message = `auto-print starts after the newest batch the server lists: from ${rule.cutoff} (server time)`;
      log({ level: 'info', kind: 'auto-print', message, text: operatorMessage('ev-auto-print-starts', { cutoff: rule.cutoff ?? '' }), jobId: null, processed: null });
    }
    if (first) {
      log({ level: 'info', kind: 'batches-listed', message: `the server lists ${current.length} batch(es)`, text: operatorMessage('ev-batches-listed', { count: current.length }), jobId: null, processed: null });
    } else {
      for (const change of changes) {
        const what = change.type === 'new' ? `new batch of ${change.batch.totalLabels} label(s)` : change.type === 'gone' ? 'batch no longer listed' : `print count ${change.previousPrintStatus} → ${change.batch.printStatus}`;
        const text =
          change.type === 'new'
            ? operatorMessage('ev-batch-new', { labels: change.batch.totalLabels })
            : change.type === 'gone'
              ? operatorMessage('ev-batch-gone', {})
              : operatorMessage('ev-batch-changed', { from: change.previousPrintStatus, to: change.batch.printStatus });
        log({ level: 'info', kind: `batch-${change.type}`, message: what, text, jobId: null, processed: change.batch.processed });
        // A batch that appears now but is stamped before the cutoff means the clocks disagree:
        // say so rather than skip it in silence.
        if (change.type === 'new' && rule.enabled && rule.cutoff !== null && change.batch.printStatus === 0 && change.batch.processed < rule.cutoff) {
          log({
            level: 'warn',
            kind: 'auto-print-skipped',
            message: `new batch stamped ${change.batch.processed}, before the auto-print cutoff ${rule.cutoff}: not printed automatically (print it, or move the cutoff back)`,
            text: operatorMessage('ev-auto-print-skipped', { cutoff: rule.cutoff ?? '' }),
            jobId: null,
            processed: change.batch.processed,
          });
        }
      }
    }
    const due = selectAutoPrintBatches(current, rule, (processed) => journal.hasJobFor(processed));
    if (due.length > 0) {
      try {
        const printer = settings.route();
        for (const batch of due) createJob(batch, 'auto-print', printer);
      } catch (error) {
        const message = `auto-print cannot start: ${error instanceof Error ? error.message : String(error)}`;
        const text = explain(error);
        log({ level: 'error', kind: 'auto-print-blocked', message, text, jobId: null, processed: null });
        raise({ kind: 'batch-failed', message, text, jobId: null, printerId: null });
      }
    }
    events.emit('batches', methods.batchViews());
    emitState();
  };

  const poller: BatchPoller = new BatchPoller({
    fetchBatches: (signal) => api().processedList({}, { signal }),
    intervalMs: () => settings.pollSeconds() * 1000,
    timers,
    random,
    backoff: options.backoff?.poll,
    onBatches,
    onFailure: (error, failures, retryInMs) => {
      if (error instanceof StationNotConfiguredError || diskGuard.handle(error)) return;
      const message = error instanceof Error ? error.message : String(error);
      const text = explain(error);
      connection = 'unreachable';
      setLastError({ message, text });
      const retryAt = new Date(now() + retryInMs).toISOString();
      log({ level: 'warn', kind: 'poll-failed', message: `${message} (attempt ${failures}, next in ${Math.round(retryInMs / 1000)} s)`, text, jobId: null, processed: null });
      // From the third failure in a row: one alert, kept up to date until a poll succeeds.
      if (failures >= 3) raise({ kind: 'api-unreachable', message, text, retryAt, jobId: null, printerId: null });
      emitState();
    },
    onAuthRejected,
  });

  let started = false;
  let stopped = false;
  let backups: { stop(): void } | undefined;
  const applySettingsChange = (change: { connection: boolean; token: boolean; pollSeconds: boolean }): void => {
    if (change.connection) client = undefined;
    if (change.token && connection === 'token-rejected') {
      connection = 'connecting';
      setLastError(null);
      scheduler.resume();
      poller.resume();
    } else if ((change.connection || change.pollSeconds) && started) {
      poller.pollNow();
      scheduler.kick();
    }
    emitState();
  };

  const core: StationCore = {
    journal, settings, options, events, now, random, api, port, createJob, scheduler, poller, log, raise, clearAlerts, applySettingsChange, emitState, state, supplied,
    batches: () => batches,
    forgetPort: (printerId) => ports.delete(printerId),
  };
  const methods = createStationMethods(core);

  const checked = stationMethodsFrom(
    (name) => (input) =>
      Promise.resolve().then(() => {
        const parsed = stationMethods[name].input.safeParse(input ?? {});
        if (!parsed.success) {
          const issue = parsed.error.issues[0];
          const field = issue?.path.join('.') ?? '';
          throw new StationInputError(
            operatorMessage('bad-input', { method: name, field: field || '—' }, issue?.message ?? null),
            `${name}: ${field ? `${field}: ` : ''}${issue?.message ?? 'invalid input'}`,
          );
        }
        return (methods[name] as (i: unknown) => Promise<unknown>)(parsed.data);
      }),
  );

  return {
    ...checked,
    on: (event, listener) => events.on(event, listener),
    start() {
      if (started) return;
      started = true;
      backups = startJournalBackups({ backup: () => journal.backup(), timers, log, skip: () => diskGuard.full });
      diskGuard.attempt(() => journal.clearRetryTimes());
      const pending = journal.pendingJobs().length;
      log({ level: 'info', kind: 'station-started', message: `station started, ${pending} unfinished job(s) to resume`, text: operatorMessage('ev-station-started', { jobs: pending }), jobId: null, processed: null });
      poller.start();
      scheduler.kick();
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      diskGuard.stop();
      backups?.stop();
      await poller.stop();
      await scheduler.stop();
      if (started) log({ level: 'info', kind: 'station-stopped', message: 'station stopped', text: operatorMessage('ev-station-stopped', {}), jobId: null, processed: null });
      journal.close();
      unlock();
    },
  } satisfies Station;
}

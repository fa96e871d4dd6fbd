import { explain } from '../../shared/operator-message.ts';
import type { ApiAuthError } from '../api/api-errors.ts';
import type { AlertMatch } from './journal-log.ts';
import type { NewAlert, NewEvent } from './journal.ts';
import type { SettingsChange } from './station-settings.ts';
import { StationNotConfiguredError } from './station-errors.ts';
import type { Pausable, StationStatus } from './station-status.ts';

export interface ConnectionControlDeps {
  status: StationStatus;
  /** The poller and the print queues. */
  queues: Pausable;
  log: (event: NewEvent) => void;
  raise: (alert: NewAlert) => void;
  /** The cause of these alerts is gone: they are dismissed and the UI drops them. */
  clearAlerts: (match: AlertMatch) => void;
  now: () => number;
  /** Drops the API client: the next call builds one from the new settings. */
  forgetClient: () => void;
  /** True when the error is the disk being full (the disk guard has taken over). */
  diskFull: (error: unknown) => boolean;
  started: () => boolean;
}

/** The station's link to its server: a rejected token holds everything until a new one comes. */
export function createConnectionControl(deps: ConnectionControlDeps) {
  const { status } = deps;
  return {
    onAuthRejected(error: ApiAuthError): void {
      if (status.connection === 'token-rejected') return;
      status.connection = 'token-rejected';
      status.setLastError(error);
      deps.queues.pause();
      deps.log({ level: 'error', kind: 'token-rejected', message: error.message, text: error.text, jobId: null, processed: null });
      deps.raise({ kind: 'token-rejected', message: error.message, text: error.text, jobId: null, printerId: null });
      status.emit();
    },

    onPollFailure(error: unknown, failures: number, retryInMs: number): void {
      if (error instanceof StationNotConfiguredError || deps.diskFull(error)) return;
      const message = error instanceof Error ? error.message : String(error);
      const text = explain(error);
      status.connection = 'unreachable';
      status.setLastError({ message, text });
      const retryAt = new Date(deps.now() + retryInMs).toISOString();
      deps.log({ level: 'warn', kind: 'poll-failed', message: `${message} (attempt ${failures}, next in ${Math.round(retryInMs / 1000)} s)`, text, jobId: null, processed: null });
      // From the third failure in a row: one alert, kept up to date until a poll succeeds.
      if (failures >= 3) deps.raise({ kind: 'api-unreachable', message, text, retryAt, jobId: null, printerId: null });
      status.emit();
    },

    onSettingsChange(change: SettingsChange): void {
      if (change.connection) deps.forgetClient();
      if (change.token && status.connection === 'token-rejected') {
        status.connection = 'connecting';
        status.setLastError(null);
        deps.queues.resume();
      } else if ((change.connection || change.pollSeconds) && deps.started()) {
        deps.queues.wake();
      }
      status.emit();
    },
  };
}

export type ConnectionControl = ReturnType<typeof createConnectionControl>;

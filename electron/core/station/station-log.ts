import type { EventHub } from './event-hub.ts';
import type { Journal, NewAlert, NewEvent } from './journal.ts';
import type { AlertMatch } from './journal-log.ts';
import type { StationLogger } from './station-options.ts';

export interface StationLogDeps {
  logger: StationLogger;
  journal: Pick<Journal, 'log'>;
  /** Runs a journal write unless the disk is full (then undefined). */
  attempt: <T>(write: () => T) => T | undefined;
  events: Pick<EventHub, 'emit'>;
}

/** Every event goes to the log and the journal, and to the UI once stored; alerts likewise. */
export function createStationLog({ logger, journal, attempt, events }: StationLogDeps) {
  return {
    log(event: NewEvent): void {
      logger[event.level](event.message, { kind: event.kind, jobId: event.jobId, processed: event.processed });
      const stored = attempt(() => journal.log.addEvent(event));
      if (stored) events.emit('journal', stored);
    },
    raise(alert: NewAlert): void {
      const raised = attempt(() => journal.log.raiseAlert(alert));
      if (raised) events.emit('alert', raised);
    },
    /** The cause of these alerts is gone: they are dismissed and the UI drops them. */
    clearAlerts(match: AlertMatch): void {
      const ids = attempt(() => journal.log.dismissAlerts(match)) ?? [];
      if (ids.length > 0) events.emit('alertsCleared', { ids });
    },
  };
}

import type { NewAlert, NewEvent, Journal } from '../station/journal.ts';
import type { AlertMatch } from '../station/journal-log.ts';
import type { StationSettings } from '../station/station-settings.ts';
import type { StationOptions, Timers } from '../station/station-options.ts';
import { PoolLink } from './pool-link.ts';

interface StationParts {
  journal: Journal;
  settings: StationSettings;
  now: () => number;
  timers: Timers;
  log: (event: NewEvent) => void;
  raise: (alert: NewAlert) => void;
  /** The cause of these alerts is gone: they are dismissed and the UI drops them. */
  clearAlerts: (match: AlertMatch) => void;
  kick: () => void;
}

/** The station's link to its pool, wired to its journal, printers and alerts; none without a pool. */
export function joinPool(pool: StationOptions['pool'], parts: StationParts): PoolLink | undefined {
  if (!pool) return undefined;
  const { journal, settings } = parts;
  const printerFor = (template: string) => {
    const fits = settings.printers().filter((p) => p.template === template);
    const preferred = fits.find((p) => p.id === settings.view().defaultPrinterId) ?? fits[0];
    return preferred && { id: preferred.id, name: preferred.name };
  };
  return new PoolLink({
    store: pool.store,
    journal,
    now: parts.now,
    timers: parts.timers,
    tickMs: pool.tickMs ?? 2000,
    marginMs: pool.marginMs ?? Math.min(2000, pool.store.leaseMs / 4),
    log: parts.log,
    raise: parts.raise,
    dismiss: () => parts.clearAlerts({ kind: 'pool-unreachable' }),
    templates: () => [...new Set(settings.printers().map((p) => p.template))],
    printerFor,
    template: (printerId) => settings.printers().find((p) => p.id === printerId)?.template,
    kick: parts.kick,
    onReachable: (reachable) => {
      // Jobs that could not claim wait on their backoff: with the database back they go now.
      if (!reachable) return;
      journal.clearRetryTimes();
      parts.kick();
    },
  });
}

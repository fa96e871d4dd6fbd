import type { Alert } from '../../shared/station-api.ts';
import type { EventHub } from './event-hub.ts';
import type { NewAlert } from './journal.ts';

/**
 * Alerts the journal cannot hold because their cause is the journal itself (the disk under it
 * is full): kept in memory while the cause lasts, listed beside the stored ones, one per kind,
 * cleared with their cause. A restart forgets them, and raises them again if the cause is still there.
 */
export function createUnstoredAlerts({ now, events }: { now: () => number; events: Pick<EventHub, 'emit'> }) {
  const standing = new Map<string, Alert>();
  const idOf = (kind: Alert['kind']) => `unstored-${kind}`;
  return {
    raise(alert: NewAlert): void {
      const id = idOf(alert.kind);
      const at = new Date(now()).toISOString();
      const before = standing.get(id);
      const raised: Alert = { ...alert, id, at: before?.at ?? at, updatedAt: at, count: (before?.count ?? 0) + 1, retryAt: alert.retryAt ?? null };
      standing.set(id, raised);
      events.emit('alert', raised);
    },
    clear(kind: Alert['kind']): void {
      const id = idOf(kind);
      if (standing.delete(id)) events.emit('alertsCleared', { ids: [id] });
    },
    list: (): Alert[] => [...standing.values()],
    /** A person saw it: it goes until its cause comes again. */
    dismiss: (id: string): boolean => standing.delete(id),
  };
}

export type UnstoredAlerts = ReturnType<typeof createUnstoredAlerts>;

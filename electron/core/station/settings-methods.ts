import { operatorMessage } from '../../shared/operator-message.ts';
import type { Batch } from '../../shared/domain.ts';
import type { StationState } from '../../shared/station-api.ts';
import type { OrderApi } from '../api/order-api.ts';
import { serverCutoff } from './auto-print-cutoff.ts';
import type { NewEvent } from './journal.ts';
import type { SettingsChange, StationSettings } from './station-settings.ts';
import type { StationMethodImpls } from './station-methods.ts';

export interface SettingsMethodDeps {
  settings: Pick<StationSettings, 'view' | 'update' | 'autoPrint' | 'setAutoPrint'>;
  state: () => StationState;
  emitState: () => void;
  onSettingsChange: (change: SettingsChange) => void;
  api: () => OrderApi;
  /** The batches as last listed; null before the first listing. */
  lastListing: () => readonly Batch[] | null;
  pollNow: () => void;
  log: (event: NewEvent) => void;
  now: () => number;
}

type SettingsMethodNames = 'getState' | 'getSettings' | 'updateSettings' | 'setAutoPrint' | 'getSummary' | 'listOrders' | 'getOrderDetails';

/** The station's state and settings, auto-print's switch, and the server's own order views. */
export function createSettingsMethods(deps: SettingsMethodDeps): Pick<StationMethodImpls, SettingsMethodNames> {
  const { settings } = deps;
  return {
    getState: async () => deps.state(),
    getSettings: async () => settings.view(),
    updateSettings: async (patch) => {
      deps.onSettingsChange(settings.update(patch));
      return settings.view();
    },
    setAutoPrint: async ({ enabled, cutoff }) => {
      const current = settings.autoPrint();
      const switchingOn = enabled && !current.enabled && cutoff === undefined;
      // When it went on, on this machine's clock: the operator's "on since HH:MM".
      const since = !enabled ? null : current.enabled ? (current.since ?? null) : new Date(deps.now()).toISOString();
      const next = { enabled, cutoff: cutoff ?? (switchingOn ? await serverCutoff(() => deps.api().processedList(), deps.lastListing()) : current.cutoff), since };
      settings.setAutoPrint(next);
      const from = next.cutoff === null ? 'newer than the server lists at the next poll' : `processed from ${next.cutoff} (server time)`;
      const text = !enabled
        ? operatorMessage('ev-auto-print-off', {})
        : next.cutoff === null
          ? operatorMessage('ev-auto-print-on-next-poll', {})
          : operatorMessage('ev-auto-print-on', { cutoff: next.cutoff });
      deps.log({ level: 'info', kind: 'auto-print', message: enabled ? `auto-print on for batches ${from}` : 'auto-print off', text, jobId: null, processed: null });
      deps.emitState();
      if (enabled) deps.pollNow();
      return deps.state();
    },
    getSummary: async () => deps.api().totalSummary(),
    listOrders: async ({ offset, limit, q, status }) => deps.api().listOrders(offset, limit, { q, status }),
    getOrderDetails: async ({ id }) => deps.api().orderDetails(id),
  };
}

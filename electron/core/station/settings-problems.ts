import { operatorMessage } from '../../shared/operator-message.ts';
import type { NewAlert, NewEvent } from './journal.ts';

/**
 * Stored settings this version cannot read were left out (or read as their default): said
 * once, in the log and the history, and as one alert naming them, so a printer never vanishes
 * unexplained. The alert stays one per cause across restarts.
 */
export function reportSettingsProblems(problems: readonly string[], deps: { log: (event: NewEvent) => void; raise: (alert: NewAlert) => void }): void {
  if (problems.length === 0) return;
  const list = problems.join('; ');
  deps.log({ level: 'warn', kind: 'settings-skipped', message: `stored settings this version cannot read: ${list}`, text: operatorMessage('ev-settings-skipped', { items: list }), jobId: null, processed: null });
  deps.raise({ kind: 'bad-settings', message: `Some stored settings cannot be read and were left out: ${list}. Check them in Settings.`, text: operatorMessage('bad-settings', { items: list }), jobId: null, printerId: null });
}

import type { StationLogger } from './station-options.ts';

/** The settings as stored (parsed JSON, unvalidated), for the upgrade steps. */
export interface StoredSettings {
  getSettingValue(key: string): unknown;
  setSettings(values: Record<string, unknown>): void;
}

/** One step: from what is stored at version n, the values that bring it to version n + 1. */
type SettingsUpgrade = (stored: StoredSettings) => Record<string, unknown>;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The settings' upgrade steps, in order, like the journal's migrations: the stored
 * `settingsVersion` says how many a journal has had. Never edit a released step: add the next.
 */
export const settingsUpgrades: readonly SettingsUpgrade[] = [
  // 1: older saves kept the address and user id as typed; the schema now trims them.
  (stored) =>
    Object.fromEntries(
      ['apiBaseUrl', 'userId'].flatMap((key) => {
        const value = stored.getSettingValue(key);
        return typeof value === 'string' && value !== value.trim() ? [[key, value.trim()]] : [];
      }),
    ),
  // 2: an auto-print rule from before it kept when it was switched on: that time is unknown.
  (stored) => {
    const rule = stored.getSettingValue('autoPrint');
    return isRecord(rule) && !('since' in rule) ? { autoPrint: { ...rule, since: null } } : {};
  },
];

export const settingsVersion = settingsUpgrades.length;

/**
 * Runs the steps a journal's settings lack, each with its new version in one durable write, so
 * a crash between steps resumes at the next. Settings written by a newer version stay as they are.
 */
export function upgradeSettings(stored: StoredSettings, logger: StationLogger): void {
  const found = stored.getSettingValue('settingsVersion');
  const from = typeof found === 'number' && Number.isInteger(found) && found >= 0 ? found : 0;
  if (from > settingsVersion) {
    logger.warn(`the settings were written by a newer Label Station (version ${from}, this one knows ${settingsVersion}): read as they are`, { kind: 'settings-newer' });
    return;
  }
  let changed = 0;
  for (let next = from; next < settingsVersion; next++) {
    const values = settingsUpgrades[next]?.(stored) ?? {};
    changed += Object.keys(values).length;
    stored.setSettings({ ...values, settingsVersion: next + 1 });
  }
  // A new journal only gets its version stamped: there was nothing to upgrade, so nothing to say.
  if (changed > 0) logger.info(`settings upgraded from version ${from} to ${settingsVersion}`, { kind: 'settings-upgraded' });
}

import { join } from 'node:path';
import { lockJournal } from './journal-lock.ts';
import { Journal } from './journal.ts';
import { StationNotConfiguredError } from './station-errors.ts';
import { silentLogger, type StationOptions } from './station-options.ts';
import { upgradeSettings } from './settings-upgrades.ts';
import { StationSettings } from './station-settings.ts';

export interface StationFiles {
  journalPath: string;
  journal: Journal;
  settings: StationSettings;
  /** Closes the journal and lets the next station have it. */
  close(): void;
}

/**
 * The journal, locked for this station alone, and the settings stored in it with the ones the
 * shell passed at start. Whatever fails here leaves the journal closed and unlocked.
 */
export function openStationFiles(options: StationOptions, now: () => number, random: () => number): StationFiles {
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
  const close = (): void => {
    journal.close();
    unlock();
  };
  const settings = new StationSettings(journal, options.secretStore, options.pollSeconds ?? 10, () => `printer-${Math.floor(random() * 36 ** 8).toString(36)}`);
  try {
    upgradeSettings(journal, options.logger ?? silentLogger);
    if (options.initialSettings) settings.update(options.initialSettings);
  } catch (error) {
    close();
    throw error;
  }
  return { journalPath, journal, settings, close };
}

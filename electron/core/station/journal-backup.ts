import { closeSync, mkdirSync, openSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { operatorMessage, type OperatorMessage } from '../../shared/operator-message.ts';
import { dirname, join } from 'node:path';
import type Database from 'libsql';
import type { NewEvent } from './journal-log.ts';
import type { Timers } from './station-options.ts';

/** How many backups are kept: one at each start and one a day, the newest first. */
export const journalBackupsKept = 7;

export const journalBackupFolder = (journalPath: string): string => join(dirname(journalPath), 'backups');

const backupName = /^journal-\d{8}T\d{9}Z\.db$/;

/** The backups of a journal, newest first. */
export function listJournalBackups(journalPath: string): string[] {
  const folder = journalBackupFolder(journalPath);
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  return names.filter((n) => backupName.test(n)).sort().reverse().map((n) => join(folder, n));
}

/**
 * Writes a consistent copy of the journal with `VACUUM INTO` (libsql has no backup API) under a
 * dot-name, then renames it into place, so a backup is either whole or absent; then drops all
 * but the newest `keep`. The copy holds orders with names and addresses: it is 0600 in a 0700
 * folder, like the journal. Returns the backup's path.
 */
export function backupJournal(db: Database.Database, journalPath: string, at: Date, keep = journalBackupsKept): string {
  const folder = journalBackupFolder(journalPath);
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  const name = `journal-${at.toISOString().replace(/[-:.]/g, '')}.db`;
  const temporary = join(folder, `.${name}.partial`);
  // Left by a station killed mid-backup: only one station uses this folder, so none is in use.
  for (const stale of readdirSync(folder).filter((n) => n.endsWith('.partial'))) rmSync(join(folder, stale), { force: true });
  try {
    // VACUUM INTO writes into an empty file it is given, keeping that file's mode.
    closeSync(openSync(temporary, 'wx', 0o600));
    db.prepare('VACUUM INTO ?').run(temporary);
    renameSync(temporary, join(folder, name));
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
  for (const old of listJournalBackups(journalPath).slice(keep)) rmSync(old, { force: true });
  return join(folder, name);
}

export interface JournalBackupsOptions {
  /** Writes one backup, returning its path. */
  backup: () => string;
  timers: Timers;
  log: (event: NewEvent) => void;
  /** True while no backup should be tried (the disk is full). */
  skip: () => boolean;
  everyMs?: number;
}

/** A backup now and then one a day, while the station runs. A failed backup is reported, never fatal. */
export function startJournalBackups(options: JournalBackupsOptions): { stop(): void } {
  let timer: unknown;
  const event = (level: NewEvent['level'], kind: string, message: string, text: OperatorMessage): NewEvent => ({ level, kind, message, text, jobId: null, processed: null });
  const run = (): void => {
    if (!options.skip()) {
      try {
        const file = options.backup();
        options.log(event('info', 'journal-backup', `journal backed up to ${file}`, operatorMessage('ev-journal-backup', {}, file)));
      } catch (error) {
        const why = error instanceof Error ? error.message : String(error);
        options.log(event('warn', 'journal-backup-failed', `the journal backup failed, the journal itself is fine: ${why}`, operatorMessage('ev-journal-backup-failed', {}, why)));
      }
    }
    timer = options.timers.setTimeout(run, options.everyMs ?? 86_400_000);
  };
  run();
  return { stop: () => options.timers.clearTimeout(timer) };
}

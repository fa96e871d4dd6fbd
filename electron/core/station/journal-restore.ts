import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import Database from 'libsql';
import { listJournalBackups } from './journal-backup.ts';
import { lockJournal } from './journal-lock.ts';
import { journalSchemaVersion } from './journal-schema.ts';
import { JournalDamagedError, StationFileError } from './station-file-errors.ts';

export interface RestoredJournal {
  /** The backup the journal now is. */
  from: string;
  /** Where the journal it replaced was moved (kept, never deleted); null when there was none. */
  keptAt: string | null;
}

/** Why a backup cannot be restored, or undefined when it is a whole journal this app can read. */
function backupProblem(path: string): string | undefined {
  let db: Database.Database | undefined;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    const check = db.prepare('PRAGMA integrity_check').get() as { integrity_check: string } | undefined;
    if (check?.integrity_check !== 'ok') return `it is damaged too (${check?.integrity_check ?? 'no answer'})`;
    const version = (db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version;
    if (version > journalSchemaVersion) return `it was written by a newer Label Station (schema ${version})`;
    return undefined;
  } catch (error) {
    return `it cannot be read (${error instanceof Error ? error.message : String(error)})`;
  } finally {
    db?.close();
  }
}

/**
 * Puts a backup in place of the journal: the named one, or the newest that is whole. Holds the
 * journal lock meanwhile, so it cannot pull the file away from a running station. The journal
 * it replaces (with its -wal and -shm) is moved aside, not deleted: it may still be rescued.
 */
export function restoreJournal(journalPath: string, backupPath?: string, at: Date = new Date()): RestoredJournal {
  const release = lockJournal(journalPath);
  try {
    const candidates = backupPath ? [backupPath] : listJournalBackups(journalPath);
    if (candidates.length === 0) throw new StationFileError(`there is no backup of ${journalPath} in ${join(dirname(journalPath), 'backups')}`, journalPath);
    const problems: string[] = [];
    const from = candidates.find((candidate) => {
      const problem = backupProblem(candidate);
      if (problem) problems.push(`${basename(candidate)}: ${problem}`);
      return problem === undefined;
    });
    if (!from) throw new JournalDamagedError(`no backup of ${journalPath} can be restored: ${problems.join('; ')}`, journalPath);

    const stamp = at.toISOString().replace(/[-:.]/g, '');
    let keptAt: string | null = null;
    if (existsSync(journalPath)) {
      keptAt = `${journalPath}.replaced-${stamp}`;
      renameSync(journalPath, keptAt);
    }
    // The old journal's WAL would be replayed into the restored file: it goes with its journal.
    for (const suffix of ['-wal', '-shm']) {
      if (existsSync(journalPath + suffix)) {
        if (keptAt) renameSync(journalPath + suffix, keptAt + suffix);
        else rmSync(journalPath + suffix);
      }
    }
    const partial = join(dirname(journalPath), `.${basename(journalPath)}.restoring`);
    copyFileSync(from, partial);
    renameSync(partial, journalPath);
    return { from, keptAt };
  } finally {
    release();
  }
}

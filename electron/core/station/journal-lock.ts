import { closeSync, openSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'libsql';
import { dataFolderError, errorCode } from './station-file-errors.ts';
import { makeFolderSync } from '../printers/file-modes.ts';

export class StationLockedError extends Error {
  override name = 'StationLockedError';
}

/** The lock database's name beside the journal, as SQLite names its `-wal` and `-shm`. */
export const journalLockPath = (journalPath: string): string => `${journalPath}-lock`;
/** Who holds the lock, for the message only: the lock itself is the kernel's. */
const ownerPath = (journalPath: string): string => `${journalPath}.lock`;

function ownerPid(journalPath: string): number | undefined {
  try {
    const pid = Number(readFileSync(ownerPath(journalPath), 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

const lockAttempts = 8;
const pause = new Int32Array(new SharedArrayBuffer(4));

function isBusy(error: unknown): boolean {
  const code = errorCode(error);
  return code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED';
}

/**
 * Takes SQLite's exclusive lock. On the way to it every contender holds a shared lock for a
 * moment, so two stations starting at the same instant can each see the other and both give up
 * with nobody holding it: a busy answer is tried again after a short random pause. A station
 * that really holds the lock keeps it, so every attempt fails and the last error stands.
 */
function takeLock(lockPath: string): Database.Database {
  for (let attempt = 1; ; attempt++) {
    const db = new Database(lockPath);
    try {
      db.exec('PRAGMA locking_mode = EXCLUSIVE; PRAGMA busy_timeout = 0; BEGIN EXCLUSIVE; COMMIT');
      return db;
    } catch (error) {
      db.close();
      if (!isBusy(error) || attempt === lockAttempts) throw error;
      // Synchronous on purpose: the station cannot do anything before it owns its journal.
      Atomics.wait(pause, 0, 0, 5 + Math.random() * 20);
    }
  }
}

/**
 * One station per journal: two would print the same jobs. The lock is SQLite's own: an
 * EXCLUSIVE lock on a small lock database beside the journal, held for the life of the
 * connection. It is a POSIX (fcntl) lock on Unix and a LockFileEx lock on Windows, so the kernel
 * drops it the moment its process exits or is killed: nothing is stale, and taking it is one
 * atomic step however many stations race for it (see `takeLock` for the one retry it needs). The lock file is never deleted (a process
 * holding the old inode would keep a lock nobody else sees). Returns the release.
 */
export function lockJournal(journalPath: string): () => void {
  const lockPath = journalLockPath(journalPath);
  let db: Database.Database;
  try {
    makeFolderSync(dirname(journalPath));
  } catch (error) {
    throw dataFolderError(error, lockPath);
  }
  try {
    // Created by us with mode 0600 when new. Never opened by `fs` once it exists: closing any
    // descriptor of a file drops this process's fcntl locks on it.
    closeSync(openSync(lockPath, 'wx', 0o600));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw dataFolderError(error, lockPath);
  }
  try {
    db = takeLock(lockPath);
  } catch (error) {
    if (isBusy(error)) {
      const pid = ownerPid(journalPath);
      throw new StationLockedError(
        `another Label Station${pid === undefined ? '' : ` (process ${pid})`} is already using ${journalPath}: stop it first, or give this one its own data folder`,
      );
    }
    throw dataFolderError(error, lockPath);
  }
  const held = db;
  try {
    writeFileSync(ownerPath(journalPath), String(process.pid), { mode: 0o600 });
  } catch {
    // The pid only improves the message a second station shows; the lock holds without it.
  }
  let released = false;
  return () => {
    if (released) return;
    released = true;
    try {
      // Still holding the lock, so no other station is writing its pid there now.
      if (ownerPid(journalPath) === process.pid) unlinkSync(ownerPath(journalPath));
    } catch {
      // Already gone: nothing to tidy.
    }
    held.close();
  };
}

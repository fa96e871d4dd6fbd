import { statfsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { operatorMessage, type OperatorMessage } from '../../shared/operator-message.ts';

/**
 * The station's own files (data folder, journal, lock, key) failing. Each message names the file
 * and says what to do, in one line: the CLI prints it as is, instead of SQLite's or the OS's code.
 */
export class StationFileError extends Error {
  override name = 'StationFileError';
  readonly path: string;
  /** What the operator reads; the English message (with the path) is its detail unless said otherwise. */
  readonly text: OperatorMessage;
  constructor(message: string, path: string, text?: OperatorMessage) {
    super(message);
    this.path = path;
    this.text = text ?? operatorMessage('station-file-error', {}, message);
  }
}

/** The data folder is missing, read-only or not this user's. */
export class DataFolderError extends StationFileError {
  override name = 'DataFolderError';
}

/** The journal file is not a readable SQLite database. */
export class JournalDamagedError extends StationFileError {
  override name = 'JournalDamagedError';
}

/** `station.key` is unreadable or not a key. */
export class KeyFileError extends StationFileError {
  override name = 'KeyFileError';
}

/** Free space the journal wants before it takes new work again: room for its WAL and a backup. */
export const journalHeadroomBytes = 8 * 1024 * 1024;

/** The disk holding the journal is full. */
export class DiskFullError extends StationFileError {
  override name = 'DiskFullError';
  readonly freeBytes: number;
  readonly neededBytes: number;
  constructor(path: string, freeBytes: number, neededBytes = journalHeadroomBytes) {
    const message = `disk full: cannot write ${path}; free at least ${megabytes(neededBytes)} on its disk (${megabytes(freeBytes)} free now)`;
    super(message, path, operatorMessage('disk-full', { free: megabytes(freeBytes), needed: megabytes(neededBytes) }, path));
    this.freeBytes = freeBytes;
    this.neededBytes = neededBytes;
  }
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** An errno (`ENOSPC`) or SQLite (`SQLITE_FULL`) code, when the error has one. */
export function errorCode(error: unknown): string | undefined {
  if (!(error instanceof Error)) return undefined;
  if ('code' in error && typeof error.code === 'string') return error.code;
  // libsql reports a file it cannot open without a code, as "ConnectionFailed(… 14)".
  return /^ConnectionFailed\(/.test(error.message) ? 'SQLITE_CANTOPEN' : undefined;
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** SQLite's way of saying it could not grow the `-shm` file is a full disk too. */
const diskFullCodes = new Set(['SQLITE_FULL', 'SQLITE_IOERR_SHMSIZE', 'ENOSPC', 'EDQUOT']);

export function isDiskFull(error: unknown): boolean {
  return error instanceof DiskFullError || diskFullCodes.has(errorCode(error) ?? '');
}

/** Bytes free to this user on the disk holding `path` (its folder, which exists). */
export function freeBytes(path: string): number {
  const stats = statfsSync(dirname(path));
  return stats.bavail * stats.bsize;
}

function safeFreeBytes(path: string): number {
  try {
    return freeBytes(path);
  } catch {
    return 0;
  }
}

/** A failure to create, open or write one of the station's files, as an error that says what to do. */
export function dataFolderError(error: unknown, path: string): StationFileError {
  if (error instanceof StationFileError) return error;
  const code = errorCode(error) ?? '';
  // An I/O error with the disk (nearly) full is the disk being full, whatever SQLite calls it.
  if (isDiskFull(error) || (code.startsWith('SQLITE_IOERR') && safeFreeBytes(path) < journalHeadroomBytes)) return new DiskFullError(path, safeFreeBytes(path));
  const folder = dirname(path);
  const missing = ['ENOENT', 'ENOTDIR', 'EEXIST'].includes(code) || (code === 'SQLITE_CANTOPEN' && !isFolder(folder));
  if (missing) {
    return new DataFolderError(
      `the data folder ${folder} does not exist and cannot be made: check the disk is mounted and the path is right, or choose another data folder`,
      path,
      operatorMessage('data-folder-missing', { folder }, code || null),
    );
  }
  if (['EACCES', 'EPERM', 'EROFS', 'SQLITE_READONLY', 'SQLITE_PERM', 'SQLITE_CANTOPEN'].includes(code)) {
    return new DataFolderError(
      `cannot write ${path} (${code === 'EROFS' || code === 'SQLITE_READONLY' ? 'read-only' : 'permission denied'}): make the data folder ${folder} writable by this user, or choose another data folder`,
      path,
      operatorMessage('data-folder-readonly', { folder }, `${code} ${path}`),
    );
  }
  return new StationFileError(`cannot use ${path}: ${error instanceof Error ? error.message : String(error)}`, path);
}

/** Opening the journal failed: a damaged file, a newer schema, or its folder or disk. */
export function journalOpenError(error: unknown, path: string): Error {
  if (error instanceof StationFileError) return error;
  const code = errorCode(error) ?? '';
  if (code.startsWith('SQLITE_NOTADB') || code.startsWith('SQLITE_CORRUPT')) {
    return new JournalDamagedError(
      `the station journal ${path} is damaged (${error instanceof Error ? error.message : code}): stop the station and run \`label-station restore\` to put the newest whole backup from ${join(dirname(path), 'backups')} in its place, or move the file away to start with an empty journal`,
      path,
      operatorMessage('journal-damaged', {}, `${path}: ${error instanceof Error ? error.message : code}`),
    );
  }
  return dataFolderError(error, path);
}

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { journalLockPath, lockJournal, StationLockedError } from '../../../electron/core/station/journal-lock.ts';
import { DataFolderError } from '../../../electron/core/station/station-file-errors.ts';

describe('one station per journal', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'lock-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses a second station while the first runs, naming its process, and lets the next one in after release', () => {
    const path = join(dir, 'journal.db');
    const release = lockJournal(path);
    expect(() => lockJournal(path)).toThrow(StationLockedError);
    expect(() => lockJournal(path)).toThrow(new RegExp(`\\(process ${process.pid}\\) is already using .*journal\\.db: stop it first`));
    release();
    expect(existsSync(`${path}.lock`)).toBe(false);
    lockJournal(path)();
  });

  it('ignores the pid file of an older station, dead or not: only the kernel lock counts', () => {
    const path = join(dir, 'journal.db');
    const dead = spawnSync(process.execPath, ['-e', '0']).pid ?? 0;
    writeFileSync(`${path}.lock`, String(dead));
    lockJournal(path)();
    writeFileSync(`${path}.lock`, String(process.ppid));
    const release = lockJournal(path);
    expect(readFileSync(`${path}.lock`, 'utf8')).toBe(String(process.pid));
    release();
  });

  it('keeps its lock file private, and names the folder when it cannot be used', () => {
    const path = join(dir, 'journal.db');
    lockJournal(path)();
    expect(statSync(journalLockPath(path)).mode & 0o777).toBe(0o600);
    // A file where the data folder should be: no user, root included, can make the lock there.
    writeFileSync(join(dir, 'not-a-folder'), '');
    expect(() => lockJournal(join(dir, 'not-a-folder', 'journal.db'))).toThrow(DataFolderError);
    expect(() => lockJournal(join(dir, 'not-a-folder', 'journal.db'))).toThrow(/data folder .*not-a-folder does not exist/);
  });
});

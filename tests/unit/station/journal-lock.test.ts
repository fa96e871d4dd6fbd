import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lockJournal, StationLockedError } from '../../../electron/core/station/journal-lock.ts';

describe('one station per journal', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'lock-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses a second station while the first runs, and lets the next one in after release', () => {
    const path = join(dir, 'journal.db');
    const release = lockJournal(path);
    // Another station (any live process other than the owner) finds it taken.
    expect(() => lockJournal(path, process.ppid)).toThrow(StationLockedError);
    expect(() => lockJournal(path, process.ppid)).toThrow(/already using .*journal\.db: stop it first/);
    release();
    lockJournal(path, process.ppid)();
  });

  it('takes over the lock of a station that was killed', () => {
    const path = join(dir, 'journal.db');
    const dead = spawnSync(process.execPath, ['-e', '0']).pid ?? 0;
    writeFileSync(`${path}.lock`, String(dead));
    const release = lockJournal(path);
    expect(() => lockJournal(path, process.ppid)).toThrow(StationLockedError);
    release();
  });
});

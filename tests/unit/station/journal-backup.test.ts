import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Journal } from '../../../electron/core/station/journal.ts';
import { journalBackupFolder, listJournalBackups } from '../../../electron/core/station/journal-backup.ts';
import { lockJournal, StationLockedError } from '../../../electron/core/station/journal-lock.ts';
import { restoreJournal } from '../../../electron/core/station/journal-restore.ts';
import { JournalDamagedError } from '../../../electron/core/station/station-file-errors.ts';

describe('journal backups and restore', () => {
  let dir: string;
  let path: string;
  let now = Date.parse('2026-03-01T08:00:00Z');
  const clock = (): number => now;
  const newJob = (journal: Journal, processed: string) =>
    journal.createJob({ processed, kind: 'auto-print', targetPrintStatus: 1, printerId: 'p1', printerName: 'Gudang', expectedLabels: 2 });

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'backup-'));
    path = join(dir, 'journal.db');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes a whole, private copy that opens as a journal with the same jobs', () => {
    const journal = new Journal(path, clock);
    newJob(journal, '2026-03-01 10:00:00');
    const backup = journal.backup();
    journal.close();
    expect(statSync(backup).mode & 0o777).toBe(0o600);
    expect(statSync(journalBackupFolder(path)).mode & 0o777).toBe(0o700);
    const copy = new Journal(backup, clock);
    expect(copy.latestJobFor('2026-03-01 10:00:00')?.expectedLabels).toBe(2);
    copy.close();
  });

  it('keeps the newest seven, and clears what a backup killed midway left', () => {
    const journal = new Journal(path, clock);
    mkdirSync(journalBackupFolder(path), { recursive: true });
    writeFileSync(join(journalBackupFolder(path), '.journal-20260101T000000000Z.db.partial'), 'half');
    const made: string[] = [];
    for (let day = 0; day < 9; day++) {
      made.push(journal.backup());
      now += 86_400_000;
    }
    journal.close();
    expect(listJournalBackups(path)).toEqual(made.slice(2).reverse());
    expect(readdirSync(journalBackupFolder(path)).filter((n) => n.endsWith('.partial'))).toEqual([]);
  });

  it('restores the newest whole backup over a damaged journal, and keeps the damaged one aside', () => {
    let journal = new Journal(path, clock);
    newJob(journal, '2026-03-01 10:00:00');
    journal.backup();
    now += 1000;
    newJob(journal, '2026-03-01 11:00:00');
    const newest = journal.backup();
    journal.close();
    // The newest backup is damaged too: the restore falls back to the one before.
    writeFileSync(newest, Buffer.alloc(4096, 0x42));
    // The journal's main file damaged, its WAL gone with the crash.
    rmSync(`${path}-wal`, { force: true });
    rmSync(`${path}-shm`, { force: true });
    writeFileSync(path, Buffer.alloc(4096, 0x41));
    expect(() => new Journal(path, clock)).toThrow(JournalDamagedError);

    const restored = restoreJournal(path, undefined, new Date(now));
    expect(restored.from).toBe(listJournalBackups(path)[1]);
    expect(restored.keptAt).toMatch(/journal\.db\.replaced-\d{8}T\d{9}Z$/);
    expect(statSync(restored.keptAt ?? '').size).toBe(4096);
    journal = new Journal(path, clock);
    expect(journal.latestJobFor('2026-03-01 10:00:00')).toBeDefined();
    journal.close();
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('refuses while a station holds the journal, and says so when no backup is whole', () => {
    const journal = new Journal(path, clock);
    journal.backup();
    journal.close();
    const release = lockJournal(path);
    expect(() => restoreJournal(path)).toThrow(StationLockedError);
    release();
    for (const backup of listJournalBackups(path)) writeFileSync(backup, 'not a database at all, not even close to one');
    expect(() => restoreJournal(path)).toThrow(/no backup of .*journal\.db can be restored: journal-\d+T\d+Z\.db: it cannot be read|it is damaged/);
  });
});

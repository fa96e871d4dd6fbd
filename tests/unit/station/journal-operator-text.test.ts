import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'libsql';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { journalMigrations } from '../../../electron/core/station/journal-schema.ts';
import { Journal, toJobView } from '../../../electron/core/station/journal.ts';

describe('the journal keeps what the operator reads as codes', () => {
  let dir: string;
  const clock = (): number => Date.parse('2026-01-01T03:00:00Z');
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'journal-text-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reads rows written before codes (schema 8) as legacy-text, their English as the detail', () => {
    const path = join(dir, 'v8.db');
    const db = new Database(path);
    for (const migration of journalMigrations.slice(0, 8)) db.exec(migration);
    db.exec('PRAGMA user_version = 8');
    db.prepare(`INSERT INTO events (at, level, kind, message, job_id, processed) VALUES ('2025-12-31T00:00:00.000Z', 'warn', 'poll-failed', 'Could not reach the order server', NULL, NULL)`).run();
    db.prepare(`INSERT INTO alerts (kind, message, at, job_id, printer_id) VALUES ('printer-offline', 'Printer Meja 1: switched off', '2025-12-31T00:00:00.000Z', NULL, 'p1')`).run();
    db.prepare(`INSERT INTO jobs (processed, kind, target_print_status, printer_id, printer_name, state, reason, created_at, updated_at)
      VALUES ('2025-12-31 10:00:00', 'print', 1, 'p1', 'Printer Meja 1', 'failed', 'the server failed (500)', 'x', 'x')`).run();
    db.close();

    const journal = new Journal(path, clock);
    expect(journal.log.listEvents({ limit: 10 })[0]?.text).toEqual({ code: 'legacy-text', params: {}, detail: 'Could not reach the order server' });
    expect(journal.log.listAlerts()[0]).toMatchObject({
      text: { code: 'legacy-text', params: {}, detail: 'Printer Meja 1: switched off' },
      count: 1,
      updatedAt: '2025-12-31T00:00:00.000Z',
      retryAt: null,
    });
    const job = toJobView(journal.requireJob('1'));
    expect(job).toMatchObject({ reason: 'the server failed (500)', reasonText: { code: 'legacy-text', detail: 'the server failed (500)' } });
    expect(journal.views.list({ limit: 10, offset: 0 })[0]?.reasonText).toEqual(job.reasonText);
    journal.close();
  });
});

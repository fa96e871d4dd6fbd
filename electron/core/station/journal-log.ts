import type Database from 'libsql';
import { z } from 'zod';
import { alertSchema, type Alert, type JournalEvent } from '../../shared/station-api.ts';

const eventRow = z.object({
  id: z.number(),
  at: z.string(),
  level: z.enum(['info', 'warn', 'error']),
  kind: z.string(),
  message: z.string(),
  job_id: z.number().nullable(),
  processed: z.string().nullable(),
});
const alertRow = z.object({
  id: z.number(),
  kind: alertSchema.shape.kind,
  message: z.string(),
  at: z.string(),
  job_id: z.number().nullable(),
  printer_id: z.string().nullable(),
});

export type NewEvent = Omit<JournalEvent, 'id' | 'at'>;
export type NewAlert = Omit<Alert, 'id' | 'at'>;

/** The journal's history: what happened, when and why, and the alerts still showing. */
export class JournalLog {
  readonly #db: Database.Database;
  readonly #iso: () => string;

  constructor(db: Database.Database, iso: () => string) {
    this.#db = db;
    this.#iso = iso;
  }

  addEvent(event: NewEvent): JournalEvent {
    const at = this.#iso();
    const result = this.#db
      .prepare('INSERT INTO events (at, level, kind, message, job_id, processed) VALUES (?, ?, ?, ?, ?, ?)')
      .run(at, event.level, event.kind, event.message, event.jobId === null ? null : Number(event.jobId), event.processed);
    return { ...event, id: Number(result.lastInsertRowid), at };
  }

  listEvents(filter: { jobId?: string; level?: JournalEvent['level']; q?: string; limit: number }): JournalEvent[] {
    const q = filter.q?.trim() ? `%${filter.q.trim()}%` : null;
    const jobId = filter.jobId === undefined ? null : Number(filter.jobId);
    return this.#db
      .prepare(
        `SELECT * FROM events WHERE (? IS NULL OR job_id = ?) AND (? IS NULL OR level = ?)
         AND (? IS NULL OR message LIKE ? OR kind LIKE ? OR processed LIKE ?) ORDER BY id DESC LIMIT ?`,
      )
      .all(jobId, jobId, filter.level ?? null, filter.level ?? null, q, q, q, q, filter.limit)
      .map((r) => {
        const e = eventRow.parse(r);
        return { id: e.id, at: e.at, level: e.level, kind: e.kind, message: e.message, jobId: e.job_id === null ? null : String(e.job_id), processed: e.processed };
      });
  }

  /** Raises an alert unless the same one (kind, job, printer) is already showing. */
  raiseAlert(alert: NewAlert): Alert | undefined {
    const jobId = alert.jobId === null ? null : Number(alert.jobId);
    const open = this.#db
      .prepare('SELECT 1 FROM alerts WHERE dismissed = 0 AND kind = ? AND job_id IS ? AND printer_id IS ?')
      .get(alert.kind, jobId, alert.printerId);
    if (open) return undefined;
    const at = this.#iso();
    const result = this.#db
      .prepare('INSERT INTO alerts (kind, message, at, job_id, printer_id) VALUES (?, ?, ?, ?, ?)')
      .run(alert.kind, alert.message, at, jobId, alert.printerId);
    return { ...alert, id: String(result.lastInsertRowid), at };
  }

  /** Dismisses alerts: one by id, or every open alert of a kind (the problem went away). */
  dismissAlerts(match: { id: string } | { kind: Alert['kind']; jobId?: string; printerId?: string }): number {
    if ('id' in match) return this.#db.prepare('UPDATE alerts SET dismissed = 1 WHERE id = ? AND dismissed = 0').run(Number(match.id)).changes;
    return this.#db
      .prepare('UPDATE alerts SET dismissed = 1 WHERE dismissed = 0 AND kind = ? AND (? IS NULL OR job_id = ?) AND (? IS NULL OR printer_id = ?)')
      .run(match.kind, match.jobId ?? null, match.jobId === undefined ? null : Number(match.jobId), match.printerId ?? null, match.printerId ?? null).changes;
  }

  listAlerts(): Alert[] {
    return this.#db
      .prepare('SELECT * FROM alerts WHERE dismissed = 0 ORDER BY id')
      .all()
      .map((r) => {
        const a = alertRow.parse(r);
        return { id: String(a.id), kind: a.kind, message: a.message, at: a.at, jobId: a.job_id === null ? null : String(a.job_id), printerId: a.printer_id };
      });
  }
}

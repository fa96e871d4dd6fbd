import type Database from 'libsql';
import { z } from 'zod';
import { alertSchema, type Alert, type JournalEvent } from '../../shared/station-api.ts';
import { readText, storeText } from './journal-text.ts';

const textColumns = { code: z.string().nullable(), params: z.string().nullable(), detail: z.string().nullable() };
const eventRow = z.object({
  id: z.number(),
  at: z.string(),
  level: z.enum(['info', 'warn', 'error']),
  kind: z.string(),
  message: z.string(),
  job_id: z.number().nullable(),
  processed: z.string().nullable(),
  ...textColumns,
});
const alertRow = z.object({
  id: z.number(),
  kind: alertSchema.shape.kind,
  message: z.string(),
  at: z.string(),
  updated_at: z.string().nullable(),
  count: z.number(),
  retry_at: z.string().nullable(),
  job_id: z.number().nullable(),
  printer_id: z.string().nullable(),
  ...textColumns,
});

export type NewEvent = Omit<JournalEvent, 'id' | 'at'>;
export type NewAlert = Omit<Alert, 'id' | 'at' | 'updatedAt' | 'count' | 'retryAt'> & { retryAt?: string | null };
/** Which open alerts a cause that went away takes down. */
export type AlertMatch = { id: string } | { kind: Alert['kind']; jobId?: string; printerId?: string };

function toAlert(r: unknown): Alert {
  const a = alertRow.parse(r);
  return {
    id: String(a.id),
    kind: a.kind,
    message: a.message,
    text: readText(a, a.message),
    at: a.at,
    updatedAt: a.updated_at ?? a.at,
    count: a.count,
    retryAt: a.retry_at,
    jobId: a.job_id === null ? null : String(a.job_id),
    printerId: a.printer_id,
  };
}

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
      .prepare('INSERT INTO events (at, level, kind, message, job_id, processed, code, params, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(at, event.level, event.kind, event.message, event.jobId === null ? null : Number(event.jobId), event.processed, ...storeText(event.text));
    return { ...event, id: Number(result.lastInsertRowid), at };
  }

  listEvents(filter: { jobId?: string; level?: JournalEvent['level']; q?: string; limit: number }): JournalEvent[] {
    const q = filter.q?.trim() ? `%${filter.q.trim()}%` : null;
    const jobId = filter.jobId === undefined ? null : Number(filter.jobId);
    return this.#db
      .prepare(
        `SELECT * FROM events WHERE (? IS NULL OR job_id = ?) AND (? IS NULL OR level = ?)
         AND (? IS NULL OR message LIKE ? OR kind LIKE ? OR processed LIKE ? OR params LIKE ?) ORDER BY id DESC LIMIT ?`,
      )
      .all(jobId, jobId, filter.level ?? null, filter.level ?? null, q, q, q, q, q, filter.limit)
      .map((r) => {
        const e = eventRow.parse(r);
        return { id: e.id, at: e.at, level: e.level, kind: e.kind, message: e.message, text: readText(e, e.message), jobId: e.job_id === null ? null : String(e.job_id), processed: e.processed };
      });
  }

  /**
   * Raises an alert for its cause (kind, job, printer). While one for that cause is showing it is
   * updated in place, never stacked: its text and retry time follow the latest report, `count` goes up.
   */
  raiseAlert(alert: NewAlert): Alert {
    const jobId = alert.jobId === null ? null : Number(alert.jobId);
    const at = this.#iso();
    const open = this.#db
      .prepare('SELECT id FROM alerts WHERE dismissed = 0 AND kind = ? AND job_id IS ? AND printer_id IS ? ORDER BY id LIMIT 1')
      .get(alert.kind, jobId, alert.printerId) as { id: number } | undefined;
    let id: number;
    if (open) {
      this.#db
        .prepare('UPDATE alerts SET message = ?, code = ?, params = ?, detail = ?, retry_at = ?, count = count + 1, updated_at = ? WHERE id = ?')
        .run(alert.message, ...storeText(alert.text), alert.retryAt ?? null, at, open.id);
      id = open.id;
    } else {
      const inserted = this.#db
        .prepare('INSERT INTO alerts (kind, message, code, params, detail, retry_at, at, updated_at, job_id, printer_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
        .run(alert.kind, alert.message, ...storeText(alert.text), alert.retryAt ?? null, at, at, jobId, alert.printerId);
      id = Number(inserted.lastInsertRowid);
    }
    return toAlert(this.#db.prepare('SELECT * FROM alerts WHERE id = ?').get(id));
  }

  /** Dismisses alerts: one by id, or every open alert of a cause that went away. Answers the ids dismissed. */
  dismissAlerts(match: AlertMatch): string[] {
    const rows = (
      'id' in match
        ? this.#db.prepare('SELECT id FROM alerts WHERE id = ? AND dismissed = 0').all(Number(match.id))
        : this.#db
            .prepare('SELECT id FROM alerts WHERE dismissed = 0 AND kind = ? AND (? IS NULL OR job_id = ?) AND (? IS NULL OR printer_id = ?)')
            .all(match.kind, match.jobId ?? null, match.jobId === undefined ? null : Number(match.jobId), match.printerId ?? null, match.printerId ?? null)
    ) as { id: number }[];
    const dismiss = this.#db.prepare('UPDATE alerts SET dismissed = 1 WHERE id = ?');
    this.#db.transaction(() => rows.forEach((r) => dismiss.run(r.id)))();
    return rows.map((r) => String(r.id));
  }

  listAlerts(): Alert[] {
    return this.#db.prepare('SELECT * FROM alerts WHERE dismissed = 0 ORDER BY id').all().map(toAlert);
  }
}

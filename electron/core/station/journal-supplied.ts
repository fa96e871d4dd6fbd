import { createHash } from 'node:crypto';
import type Database from 'libsql';
import { z } from 'zod';
import type { SuppliedImage } from '../labels/supplied/supplied-artwork.ts';
import type { LabelSourceKind } from '../../shared/station-api.ts';

/**
 * The journal's supplied labels: the marketplace's label of each order that carries one (or the
 * labels of a printed file), stored with the claim so a restart prints them with the network
 * gone. The bytes are kept once per content (an A4 file's four labels share one copy).
 */

/** One label's supplied image as it goes into the journal: the file, or why it could not be had. */
export type SuppliedEntry = { idx: number; source: string } & ({ image: SuppliedImage } | { error: string });

export interface SuppliedLabelState {
  source: LabelSourceKind;
  /** Why the supplied label could not be had; null when it was. */
  reason: string | null;
  from: string;
}

// libsql hands BLOBs back as ArrayBuffers.
const blobBytes = z.union([z.instanceof(ArrayBuffer), z.instanceof(Uint8Array)]);
const regionSchema = z.object({ x: z.number(), y: z.number(), width: z.number(), height: z.number() });
const storedRow = z.object({
  idx: z.number(),
  hash: z.string(),
  media_type: z.enum(['application/pdf', 'image/png', 'image/jpeg']),
  page: z.number(),
  region: z.string().nullable(),
});
const stateRow = z.object({ idx: z.number(), source: z.string(), hash: z.string().nullable(), error: z.string().nullable(), own_label: z.number() });

export class SuppliedLabelStore {
  readonly #db: Database.Database;

  constructor(db: Database.Database) {
    this.#db = db;
  }

  #blob(image: SuppliedImage): string {
    const hash = createHash('sha256').update(image.bytes).digest('hex');
    this.#db.prepare('INSERT OR IGNORE INTO supplied_blobs (hash, media_type, bytes) VALUES (?, ?, ?)').run(hash, image.mediaType, image.bytes);
    return hash;
  }

  #bytes(hash: string): Buffer {
    const row = z.object({ bytes: blobBytes }).parse(this.#db.prepare('SELECT bytes FROM supplied_blobs WHERE hash = ?').get(hash));
    return Buffer.from(row.bytes instanceof ArrayBuffer ? new Uint8Array(row.bytes) : row.bytes);
  }

  /** Records entries for a job; call inside the transaction that stores its orders. */
  insert(jobId: string, entries: readonly SuppliedEntry[]): void {
    const put = this.#db.prepare(
      `INSERT INTO supplied_labels (job_id, idx, source, hash, page, region, error) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (job_id, idx) DO UPDATE SET source = excluded.source, hash = excluded.hash, page = excluded.page, region = excluded.region, error = excluded.error`,
    );
    for (const entry of entries) {
      if ('image' in entry) {
        const region = entry.image.region ? JSON.stringify(entry.image.region) : null;
        put.run(Number(jobId), entry.idx, entry.source, this.#blob(entry.image), entry.image.page, region, null);
      } else {
        put.run(Number(jobId), entry.idx, entry.source, null, 1, null, entry.error);
      }
    }
  }

  /** Stores fetched entries in one durable transaction (a retry that fetched what was missing). */
  update(jobId: string, entries: readonly SuppliedEntry[]): void {
    this.#db.exec('PRAGMA synchronous = FULL');
    try {
      this.#db.transaction(() => this.insert(jobId, entries))();
    } finally {
      this.#db.exec('PRAGMA synchronous = NORMAL');
    }
  }

  /** The labels whose supplied image is still missing and that the operator did not switch to ours. */
  missing(jobId: string): { idx: number; error: string }[] {
    return this.#db
      .prepare('SELECT idx, error FROM supplied_labels WHERE job_id = ? AND hash IS NULL AND own_label = 0 ORDER BY idx')
      .all(Number(jobId))
      .map((r) => z.object({ idx: z.number(), error: z.string().nullable() }).parse(r))
      .map((r) => ({ idx: r.idx, error: r.error ?? 'not fetched yet' }));
  }

  /** The operator's explicit choice: the missing ones print as our own label. Returns how many. */
  chooseOwnLabels(jobId: string): number {
    return this.#db.prepare('UPDATE supplied_labels SET own_label = 1 WHERE job_id = ? AND hash IS NULL AND own_label = 0').run(Number(jobId)).changes;
  }

  /** The stored images of these labels (0-based), for those that print a supplied label. */
  images(jobId: string, indexes: readonly number[]): Map<number, SuppliedImage> {
    const wanted = new Set(indexes);
    if (indexes.length === 0) return new Map();
    // Only the range asked for: a long job prints a few labels at a time.
    const rows = this.#db
      .prepare(
        `SELECT s.idx, s.hash, b.media_type, s.page, s.region FROM supplied_labels s JOIN supplied_blobs b ON b.hash = s.hash
         WHERE s.job_id = ? AND s.own_label = 0 AND s.idx BETWEEN ? AND ? ORDER BY s.idx`,
      )
      .all(Number(jobId), Math.min(...indexes), Math.max(...indexes));
    const images = new Map<number, SuppliedImage>();
    // The labels of one file share its bytes: one Buffer for them all, not a copy each.
    const files = new Map<string, Buffer>();
    for (const raw of rows) {
      const row = storedRow.parse(raw);
      if (!wanted.has(row.idx)) continue;
      const region = row.region === null ? undefined : regionSchema.parse(JSON.parse(row.region));
      const bytes = files.get(row.hash) ?? this.#bytes(row.hash);
      files.set(row.hash, bytes);
      images.set(row.idx, { mediaType: row.media_type, bytes, page: row.page, ...(region ? { region } : {}) });
    }
    return images;
  }

  /** How each label of a job gets printed, for History; labels without an entry print ours. */
  states(jobId: string): Map<number, SuppliedLabelState> {
    const states = new Map<number, SuppliedLabelState>();
    for (const raw of this.#db.prepare('SELECT idx, source, hash, error, own_label FROM supplied_labels WHERE job_id = ?').all(Number(jobId))) {
      const row = stateRow.parse(raw);
      const source: LabelSourceKind = row.own_label === 1 ? 'ours-instead-of-supplied' : row.hash === null ? 'supplied-missing' : 'supplied';
      states.set(row.idx, { source, reason: row.error, from: row.source });
    }
    return states;
  }

  /** Copies entries of `fromJob` (positions `from`) to `toJob` (positions 0, 1, …): a label reprint. */
  copy(fromJob: string, toJob: string, from: readonly number[]): void {
    const copy = this.#db.prepare(
      `INSERT INTO supplied_labels (job_id, idx, source, hash, page, region, error, own_label)
       SELECT ?, ?, source, hash, page, region, error, own_label FROM supplied_labels WHERE job_id = ? AND idx = ?`,
    );
    from.forEach((idx, to) => copy.run(Number(toJob), to, Number(fromJob), idx));
  }
}

/** Retention: drops the entries of the jobs `oldJobs` (a query taking `beforeIso`) selects, then the images no entry uses. */
export function pruneSupplied(db: Database.Database, oldJobs: string, beforeIso: string): void {
  db.prepare(`DELETE FROM supplied_labels WHERE job_id IN (${oldJobs})`).run(beforeIso);
  db.prepare('DELETE FROM supplied_blobs WHERE hash NOT IN (SELECT hash FROM supplied_labels WHERE hash IS NOT NULL)').run();
}

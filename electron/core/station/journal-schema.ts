import type Database from 'libsql';
import { operatorMessage } from '../../shared/operator-message.ts';
import { StationFileError } from './station-file-errors.ts';

/**
 * The journal's schema, one migration per version. `PRAGMA user_version` holds the version a
 * file is at; opening a file runs the migrations it lacks, each in its own transaction. Never
 * edit a released migration: add the next one.
 */
export const journalMigrations: readonly string[] = [
  `
  CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  CREATE TABLE batches (
    processed TEXT PRIMARY KEY,
    total_labels INTEGER NOT NULL,
    print_status INTEGER NOT NULL,
    first_seen_at TEXT NOT NULL,
    last_seen_at TEXT NOT NULL,
    gone_at TEXT
  );
  CREATE TABLE jobs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    processed TEXT NOT NULL,
    kind TEXT NOT NULL,
    target_print_status INTEGER,
    printer_id TEXT NOT NULL,
    printer_name TEXT NOT NULL,
    state TEXT NOT NULL,
    reason TEXT,
    orders_stored INTEGER NOT NULL DEFAULT 0,
    attempts INTEGER NOT NULL DEFAULT 0,
    retry_at INTEGER,
    source_job_id INTEGER,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE INDEX jobs_by_processed ON jobs (processed);
  CREATE INDEX jobs_by_state ON jobs (state);
  CREATE TABLE job_labels (
    job_id INTEGER NOT NULL REFERENCES jobs (id),
    idx INTEGER NOT NULL,
    order_id TEXT,
    invoice TEXT NOT NULL,
    awb TEXT,
    recipient TEXT NOT NULL,
    order_json TEXT NOT NULL,
    state TEXT NOT NULL,
    possible_duplicate INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (job_id, idx)
  );
  CREATE TABLE events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    level TEXT NOT NULL,
    kind TEXT NOT NULL,
    message TEXT NOT NULL,
    job_id INTEGER,
    processed TEXT
  );
  CREATE INDEX events_by_job ON events (job_id);
  CREATE TABLE alerts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL,
    message TEXT NOT NULL,
    at TEXT NOT NULL,
    job_id INTEGER,
    printer_id TEXT,
    dismissed INTEGER NOT NULL DEFAULT 0
  );
  `,
  // v2: how many labels a job expects before print_order has answered, for the progress bar.
  `ALTER TABLE jobs ADD COLUMN expected_labels INTEGER NOT NULL DEFAULT 0;`,
  // v3: a failed job that retrying cannot fix (the batch is gone) waits for the operator, across restarts.
  `ALTER TABLE jobs ADD COLUMN held INTEGER NOT NULL DEFAULT 0;`,
  // v4: a label reprinted on its own still says where it sits in its batch ("7 of 50", not "1 of 1").
  // NULL in either column means the job is the batch: position idx + 1 of the job's own labels.
  `ALTER TABLE job_labels ADD COLUMN batch_index INTEGER;
   ALTER TABLE jobs ADD COLUMN batch_labels INTEGER;`,
  // v5: scan-to-pack. A parcel is packed once per batch; the label tables are searched by the
  // code a scanner reads (AWB or invoice).
  `CREATE TABLE packed (
     processed TEXT NOT NULL,
     order_key TEXT NOT NULL,
     invoice TEXT NOT NULL,
     awb TEXT,
     packed_at TEXT NOT NULL,
     PRIMARY KEY (processed, order_key)
   );
   CREATE INDEX job_labels_by_awb ON job_labels (awb COLLATE NOCASE);
   CREATE INDEX job_labels_by_invoice ON job_labels (invoice COLLATE NOCASE);`,
  // v6: a print_order answer that did not match its batch (too few, too many orders), kept
  // until the operator retries, prints it as it is or cancels; it goes with its job.
  `CREATE TABLE claim_answers (
     job_id INTEGER PRIMARY KEY REFERENCES jobs (id) ON DELETE CASCADE,
     expected INTEGER NOT NULL,
     received INTEGER NOT NULL,
     orders_json TEXT NOT NULL,
     at TEXT NOT NULL
   );`,
  // v7: the spooler's job holding a sent label (CUPS `QUEUE-42`), asked about on resume before printing it again.
  `ALTER TABLE job_labels ADD COLUMN spool_job TEXT;`,
  // v8: supplied labels (the marketplace's own, or a printed file's), stored with the claim.
  // Images are kept once per content; a label's row says which page and part of it, or why it is missing.
  `CREATE TABLE supplied_blobs (hash TEXT PRIMARY KEY, media_type TEXT NOT NULL, bytes BLOB NOT NULL);
   CREATE TABLE supplied_labels (
     job_id INTEGER NOT NULL REFERENCES jobs (id),
     idx INTEGER NOT NULL,
     source TEXT NOT NULL,
     hash TEXT REFERENCES supplied_blobs (hash),
     page INTEGER NOT NULL DEFAULT 1,
     region TEXT,
     error TEXT,
     own_label INTEGER NOT NULL DEFAULT 0,
     PRIMARY KEY (job_id, idx)
   );`,
  // v9: what the operator reads is a code and its parameters (JSON) with a technical detail,
  // beside the English kept for the log. Rows from before have no code: they read as
  // `legacy-text` with their English as the detail. An alert counts its repeats in place.
  `ALTER TABLE events ADD COLUMN code TEXT;
   ALTER TABLE events ADD COLUMN params TEXT;
   ALTER TABLE events ADD COLUMN detail TEXT;
   ALTER TABLE alerts ADD COLUMN code TEXT;
   ALTER TABLE alerts ADD COLUMN params TEXT;
   ALTER TABLE alerts ADD COLUMN detail TEXT;
   ALTER TABLE alerts ADD COLUMN count INTEGER NOT NULL DEFAULT 1;
   ALTER TABLE alerts ADD COLUMN updated_at TEXT;
   ALTER TABLE alerts ADD COLUMN retry_at TEXT;
   ALTER TABLE jobs ADD COLUMN reason_code TEXT;
   ALTER TABLE jobs ADD COLUMN reason_params TEXT;
   ALTER TABLE jobs ADD COLUMN reason_detail TEXT;`,
];

const migrations = journalMigrations;
export const journalSchemaVersion = migrations.length;

/** The journal file was written by a newer app: reading it could lose what that app stored. */
export class JournalVersionError extends StationFileError {
  override name = 'JournalVersionError';
}

/** Brings the file to the current schema; refuses a file written by a newer version of the app. */
export function migrate(db: Database.Database, path: string): void {
  const row = db.prepare('PRAGMA user_version').get() as { user_version: number };
  const version = row.user_version;
  if (version > migrations.length) {
    throw new JournalVersionError(
      `the journal ${path} was written by a newer Label Station (schema ${version}, this one knows ${migrations.length}): update the app, or give this one its own data folder`,
      path,
      operatorMessage('journal-newer', { version, known: migrations.length }, path),
    );
  }
  for (let next = version; next < migrations.length; next++) {
    db.transaction(() => {
      db.exec(migrations[next] ?? '');
      db.exec(`PRAGMA user_version = ${next + 1}`);
    })();
  }
}

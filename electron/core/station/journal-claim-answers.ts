import type Database from 'libsql';
import { z } from 'zod';
import type { Order } from '../../shared/domain.ts';
import { readStoredValue } from './stored-order.ts';

/** A `print_order` answer that did not match its batch, kept for the operator's decision. */
export interface HeldAnswer {
  /** The labels the batch lists. */
  expected: number;
  /** The readable orders that arrived, each once. */
  orders: Order[];
  at: string;
}

const answerRow = z.object({ expected: z.number(), orders_json: z.string(), at: z.string() });
const countsRow = z.object({ expected: z.number(), received: z.number() });

/**
 * The answers of `print_order` held back from printing (too few, too many, unreadable rows).
 * The server counted the print when it answered, so what arrived is kept, flushed to the disk,
 * until the operator retries, prints it as it is, or cancels the job.
 */
export class ClaimAnswers {
  readonly #db: Database.Database;
  readonly #iso: () => string;

  constructor(db: Database.Database, iso: () => string) {
    this.#db = db;
    this.#iso = iso;
  }

  /** Keeps the latest answer of a job (a retry's answer replaces the one before). */
  hold(jobId: string, expected: number, orders: readonly Order[]): void {
    this.#db.exec('PRAGMA synchronous = FULL');
    try {
      this.#db
        .prepare(
          `INSERT INTO claim_answers (job_id, expected, received, orders_json, at) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (job_id) DO UPDATE SET expected = excluded.expected, received = excluded.received, orders_json = excluded.orders_json, at = excluded.at`,
        )
        .run(Number(jobId), expected, orders.length, JSON.stringify(orders), this.#iso());
    } finally {
      this.#db.exec('PRAGMA synchronous = NORMAL');
    }
  }

  get(jobId: string): HeldAnswer | undefined {
    const row = this.#db.prepare('SELECT expected, orders_json, at FROM claim_answers WHERE job_id = ?').get(Number(jobId));
    if (row === undefined) return undefined;
    const answer = answerRow.parse(row);
    const stored = z.array(z.unknown()).parse(JSON.parse(answer.orders_json));
    return { expected: answer.expected, orders: stored.map((value, idx) => readStoredValue(value, idx)), at: answer.at };
  }

  /** How many orders the held answer brought, against the batch's count; undefined when none is held. */
  counts(jobId: string): { expected: number; received: number } | undefined {
    const row = this.#db.prepare('SELECT expected, received FROM claim_answers WHERE job_id = ?').get(Number(jobId));
    return row === undefined ? undefined : countsRow.parse(row);
  }

  forget(jobId: string): void {
    this.#db.prepare('DELETE FROM claim_answers WHERE job_id = ?').run(Number(jobId));
  }
}

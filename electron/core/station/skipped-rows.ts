import type { SkippedRow } from '../api/answer-rows.ts';
import { operatorMessage } from '../../shared/operator-message.ts';
import type { SkippedRows } from '../api/order-api.ts';
import { describeSkipped } from './claim-check.ts';
import type { NewAlert, NewEvent } from './journal.ts';

export interface SkippedRowsDeskDeps {
  log: (event: NewEvent) => void;
  raise: (alert: NewAlert) => void;
  /** Takes down the open bad-data alert about the server's lists. */
  dismiss: () => void;
}

/**
 * Where the API client's reports of unreadable rows go. For the lists (batches, orders) one
 * alert says which rows are left out, and goes when every list reads clean again; rows left out
 * of a print_order answer wait here for the job runner, which holds that job.
 */
export function createSkippedRowsDesk(deps: SkippedRowsDeskDeps) {
  const lists = new Map<'list' | 'processed_list', string>();
  const counts = new Map<'list' | 'processed_list', number>();
  const claims = new Map<string, SkippedRow[]>();
  // Unknown at start: an alert left open by the last run is brought in line on the first report.
  let shown: string | null = null;
  const claimKey = (processed: string | null, printStatus: number | null) => `${processed ?? ''}#${printStatus ?? ''}`;

  return {
    report(report: SkippedRows): void {
      if (report.call === 'print_order') {
        if (report.rows.length > 0) claims.set(claimKey(report.processed, report.printStatus), report.rows);
        return;
      }
      const text = report.rows.length > 0 ? `${report.call === 'list' ? 'the order list' : 'the batch list'}: ${describeSkipped(report.rows)}` : '';
      if ((lists.get(report.call) ?? '') !== text) {
        if (text) {
          lists.set(report.call, text);
          counts.set(report.call, report.rows.length);
          deps.log({
            level: 'warn',
            kind: 'rows-skipped',
            message: `${report.rows.length} unreadable row(s) left out of ${text}`,
            text: operatorMessage('ev-rows-skipped', { rows: report.rows.length }, text),
            jobId: null,
            processed: null,
          });
        } else {
          lists.delete(report.call);
          counts.delete(report.call);
        }
      }
      const message = [...lists.values()].join(' — ');
      if (message === shown) return;
      deps.dismiss();
      if (message) {
        deps.raise({
          kind: 'bad-data',
          message: `The server sent rows this station cannot read; they are left out and the rest is used. ${message}`,
          text: operatorMessage('bad-data', { rows: [...counts.values()].reduce((a, b) => a + b, 0) }, message),
          jobId: null,
          printerId: null,
        });
      }
      shown = message;
    },
    /** The rows left out of the answer to this print_order call, once. */
    takeForClaim(processed: string, printStatus: number): SkippedRow[] {
      const key = claimKey(processed, printStatus);
      const rows = claims.get(key) ?? [];
      claims.delete(key);
      return rows;
    },
  };
}
export type SkippedRowsDesk = ReturnType<typeof createSkippedRowsDesk>;

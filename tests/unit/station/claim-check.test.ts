import { describe, expect, it } from 'vitest';
import { cutoffAfter } from '../../../electron/core/station/auto-print-cutoff.ts';
import { checkClaim, mismatchReason } from '../../../electron/core/station/claim-check.ts';
import { createSkippedRowsDesk } from '../../../electron/core/station/skipped-rows.ts';
import type { NewAlert, NewEvent } from '../../../electron/core/station/journal.ts';
import { sampleOrder } from './sample-orders.ts';

const orders = (n: number) => Array.from({ length: n }, (_, i) => sampleOrder(i + 1));
const row = { index: 2, field: 'data.data[2].details[0].qty', problem: 'expected a number, got "satu"', label: 'INV/3' };

describe('checking a print_order answer against its batch', () => {
  it('a matching answer goes on to print', () => {
    expect(checkClaim(orders(5), 5, [])).toMatchObject({ mismatch: false, repeated: [] });
  });

  it('fewer, none and more are held, with the numbers and what the operator can do', () => {
    const fewer = checkClaim(orders(3), 5, []);
    expect(fewer.mismatch).toBe(true);
    expect(mismatchReason('2026-01-01 10:00:00', fewer)).toBe(
      'print_order sent 3 of the 5 orders of batch 2026-01-01 10:00:00: nothing printed yet, the server has counted the print. ' +
        'Retry asks the server again with the same print count; Print what arrived prints the 3; Cancel gives the job up.',
    );
    const none = checkClaim([], 5, []);
    expect(mismatchReason('2026-01-01 10:00:00', none)).toMatch(/^print_order sent no readable orders for batch .*, which lists 5 label\(s\).*Retry .*; Cancel gives the job up\.$/);
    expect(mismatchReason('2026-01-01 10:00:00', none)).not.toContain('Print what arrived');
    expect(mismatchReason('2026-01-01 10:00:00', checkClaim(orders(7), 5, []))).toContain('print_order sent 7 orders for batch 2026-01-01 10:00:00, which lists 5 label(s)');
  });

  it('the same order twice counts and prints once; an order without an id is known by its invoice', () => {
    const [a, b] = orders(2);
    if (!a || !b) throw new Error('no sample');
    const noId = { ...sampleOrder(9), orderId: null };
    const check = checkClaim([a, b, a, noId, { ...noId }], 3, []);
    expect(check.orders).toEqual([a, b, noId]);
    expect(check.repeated).toEqual([{ invoice: a.invoice, times: 2 }, { invoice: noId.invoice, times: 2 }]);
    expect(check.mismatch).toBe(false);
  });

  it('unreadable rows hold the job even when the count matches, and are named', () => {
    const check = checkClaim(orders(5), 5, [row]);
    expect(check.mismatch).toBe(true);
    expect(mismatchReason('2026-01-01 10:00:00', check)).toContain('(1 unreadable: row 3 (INV/3): data.data[2].details[0].qty: expected a number, got "satu")');
  });
});

describe('unreadable rows of the lists', () => {
  function desk() {
    const alerts: NewAlert[] = [];
    const events: NewEvent[] = [];
    let dismissed = 0;
    const d = createSkippedRowsDesk({ log: (e) => events.push(e), raise: (a) => alerts.push(a), dismiss: () => void (dismissed += 1) });
    return { d, alerts, events, dismissed: () => dismissed };
  }

  it('one alert names them; it is not raised again for the same rows, and goes when the list reads clean', () => {
    const { d, alerts, events, dismissed } = desk();
    d.report({ call: 'processed_list', processed: null, printStatus: null, rows: [row] });
    d.report({ call: 'processed_list', processed: null, printStatus: null, rows: [row] });
    expect(alerts).toHaveLength(1);
    expect(alerts[0]?.message).toContain('the batch list: row 3 (INV/3)');
    expect(events).toHaveLength(1);
    d.report({ call: 'processed_list', processed: null, printStatus: null, rows: [] });
    expect(alerts).toHaveLength(1);
    expect(dismissed()).toBe(2);
  });

  it('a print_order report waits for its job, once', () => {
    const { d, alerts } = desk();
    d.report({ call: 'print_order', processed: '2026-01-01 10:00:00', printStatus: 2, rows: [row] });
    expect(d.takeForClaim('2026-01-01 10:00:00', 1)).toEqual([]);
    expect(d.takeForClaim('2026-01-01 10:00:00', 2)).toEqual([row]);
    expect(d.takeForClaim('2026-01-01 10:00:00', 2)).toEqual([]);
    expect(alerts).toEqual([]);
  });
});

describe('the auto-print cutoff on the server’s clock', () => {
  it('is one second after the newest listed batch, whatever the order of the list', () => {
    const batch = (processed: string) => ({ processed, totalLabels: 1, printStatus: 0 });
    expect(cutoffAfter([batch('2036-01-01 09:59:59'), batch('2036-01-02 23:59:59'), batch('2035-12-31 10:00:00')])).toBe('2036-01-03 00:00:00');
  });

  it('with no batch listed, every batch to come is new', () => {
    expect(cutoffAfter([])).toBe('1970-01-01 07:00:00');
  });
});

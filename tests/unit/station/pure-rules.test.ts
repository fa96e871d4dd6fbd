import { describe, expect, it } from 'vitest';
import type { Batch } from '../../../electron/shared/domain.ts';
import { selectAutoPrintBatches } from '../../../electron/core/station/auto-print.ts';
import { backoffDelay } from '../../../electron/core/station/backoff.ts';
import { diffBatches } from '../../../electron/core/station/batch-diff.ts';
import { fromServerTimestamp, toServerTimestamp } from '../../../electron/core/station/server-time.ts';
import { placeOrders } from '../../../electron/core/station/label-order.ts';
import { fakeOrder } from '../../support/fakes/fake-orders.ts';

const batch = (processed: string, printStatus = 0, totalLabels = 3): Batch => ({ processed, printStatus, totalLabels });

describe('batch list diff', () => {
  it('reports new batches, changed print counts and batches gone, oldest first', () => {
    const before = [batch('2026-01-01 10:00:00'), batch('2026-01-01 09:00:00', 1), batch('2026-01-01 08:00:00')];
    const after = [batch('2026-01-01 11:00:00'), batch('2026-01-01 10:00:00', 1), batch('2026-01-01 09:00:00', 1, 4)];
    expect(diffBatches(before, after)).toEqual([
      { type: 'gone', batch: batch('2026-01-01 08:00:00') },
      { type: 'print-count-changed', batch: batch('2026-01-01 10:00:00', 1), previousPrintStatus: 0 },
      { type: 'new', batch: batch('2026-01-01 11:00:00') },
    ]);
    expect(diffBatches(after, after)).toEqual([]);
  });
});

describe('auto-print selection', () => {
  const batches = [batch('2026-01-01 12:00:00'), batch('2026-01-01 10:00:00'), batch('2026-01-01 11:00:00', 1), batch('2026-01-01 08:00:00'), batch('2026-01-01 10:30:00', 0, 0)];

  it('takes unprinted batches at or after the cutoff without a local job, oldest first', () => {
    const picked = selectAutoPrintBatches(batches, { enabled: true, cutoff: '2026-01-01 10:00:00' }, (p) => p === '2026-01-01 12:00:00');
    expect(picked.map((b) => b.processed)).toEqual(['2026-01-01 10:00:00']);
    const all = selectAutoPrintBatches(batches, { enabled: true, cutoff: '2026-01-01 07:00:00' }, () => false);
    expect(all.map((b) => b.processed)).toEqual(['2026-01-01 08:00:00', '2026-01-01 10:00:00', '2026-01-01 12:00:00']);
  });

  it('takes nothing when switched off', () => {
    expect(selectAutoPrintBatches(batches, { enabled: false, cutoff: '2020-01-01 00:00:00' }, () => false)).toEqual([]);
  });
});

describe('backoff', () => {
  const policy = { baseMs: 1000, capMs: 8000, jitter: 0.5 };
  it('doubles up to the cap, jittered downwards by at most the jitter fraction', () => {
    expect([1, 2, 3, 4, 5, 9].map((n) => backoffDelay(n, policy, () => 0))).toEqual([1000, 2000, 4000, 8000, 8000, 8000]);
    expect(backoffDelay(3, policy, () => 0.999)).toBe(2002);
    expect(backoffDelay(1000, policy, () => 0.5)).toBe(6000);
  });
});

describe('server time', () => {
  it('writes instants in UTC+7 as the backend does, and reads them back', () => {
    const instant = Date.parse('2022-09-02T09:11:21Z');
    expect(toServerTimestamp(instant)).toBe('2022-09-02 16:11:21');
    expect(fromServerTimestamp('2022-09-02 16:11:21')).toBe(instant);
  });
});

describe('label order', () => {
  const order = (n: number, courierId: string | null, courierName: string, awb: string | null = `AWB${n}`) => ({ ...fakeOrder('2026-01-05 10:01:00', n), courierId, courierName, awb });

  it('courier: piles in the order couriers first appear, by name when there is no courier id, stable within one, no AWB (or an empty one) last', () => {
    const orders = [order(1, null, 'SPX'), order(2, 'jne', 'JNE'), order(3, null, 'SPX'), order(4, 'jne', 'JNE', ''), order(5, 'jne', 'JNE Express'), order(6, null, 'SPX', null)];
    expect(placeOrders(orders, 'courier').batchIndexes).toEqual([1, 3, 2, 5, 4, 6]);
    expect(placeOrders(orders, 'courier').orders.map((o) => o.invoice)).toEqual([1, 3, 2, 5, 4, 6].map((n) => orders[n - 1]?.invoice));
  });

  it('batch: as the server sent them; nothing to place, nothing placed', () => {
    const orders = [order(1, 'spx', 'SPX'), order(2, 'jne', 'JNE'), order(3, 'spx', 'SPX')];
    expect(placeOrders(orders, 'batch')).toEqual({ orders, batchIndexes: [1, 2, 3] });
    expect(placeOrders([], 'courier')).toEqual({ orders: [], batchIndexes: [] });
  });
});

import { describe, expect, it } from 'vitest';
import type { Batch } from '../../../electron/shared/domain.ts';
import { ApiAuthError, ApiServerError } from '../../../electron/core/api/api-errors.ts';
import { BatchPoller } from '../../../electron/core/station/batch-poller.ts';
import { createFakeTimers } from './fake-timers.ts';

const batch: Batch = { processed: '2026-01-01 10:00:00', totalLabels: 2, printStatus: 0 };
const serverError = new ApiServerError({ call: 'processed_list', method: 'GET', path: '/order/orders/processed_list/u', status: 500 });
const authError = new ApiAuthError({ call: 'processed_list', method: 'GET', path: '/order/orders/processed_list/u', status: 401 });

function setup(answers: ((signal: AbortSignal) => Promise<Batch[]>)[]) {
  const timers = createFakeTimers();
  const log: string[] = [];
  let calls = 0;
  const poller = new BatchPoller({
    fetchBatches: (signal) => {
      const answer = answers[Math.min(calls, answers.length - 1)];
      calls += 1;
      log.push(`poll@${timers.now()}`);
      return answer ? answer(signal) : Promise.resolve([]);
    },
    intervalMs: () => 10_000,
    timers,
    random: () => 0,
    backoff: { baseMs: 1000, capMs: 4000, jitter: 0.5 },
    onBatches: (b) => void log.push(`ok:${b.length}`),
    onFailure: (_e, failures, retryIn) => void log.push(`fail:${failures}:${retryIn}`),
    onAuthRejected: () => void log.push('auth'),
  });
  return { poller, timers, log, calls: () => calls };
}

describe('batch poller', () => {
  it('polls at the interval, backs off exponentially to the cap on failure, and is back to normal on success', async () => {
    const ok = () => Promise.resolve([batch]);
    const fail = () => Promise.reject(serverError);
    const { poller, timers, log } = setup([ok, fail, fail, fail, fail, ok, ok]);
    poller.start();
    await timers.advance(10_000 + 1000 + 2000 + 4000 + 4000 + 10_000);
    expect(log).toEqual([
      'poll@0', 'ok:1',
      'poll@10000', 'fail:1:1000',
      'poll@11000', 'fail:2:2000',
      'poll@13000', 'fail:3:4000',
      'poll@17000', 'fail:4:4000',
      'poll@21000', 'ok:1',
      'poll@31000', 'ok:1',
    ]);
    await poller.stop();
    expect(timers.pending()).toEqual([]);
  });

  it('never overlaps a slow poll with the next one', async () => {
    let release: (b: Batch[]) => void = () => undefined;
    const slow = () => new Promise<Batch[]>((resolve) => (release = resolve));
    const { poller, timers, calls } = setup([slow, () => Promise.resolve([])]);
    poller.start();
    await timers.advance(0);
    poller.pollNow();
    await timers.advance(60_000);
    expect(calls()).toBe(1);
    release([batch]);
    await timers.advance(0);
    expect(calls()).toBe(2);
    await poller.stop();
  });

  it('pauses on a rejected token instead of retrying, until resumed', async () => {
    const { poller, timers, log, calls } = setup([() => Promise.reject(authError), () => Promise.resolve([])]);
    poller.start();
    await timers.advance(3_600_000);
    expect(log).toEqual(['poll@0', 'auth']);
    expect(poller.paused).toBe(true);
    expect(timers.pending()).toEqual([]);
    poller.resume();
    await timers.advance(0);
    expect(calls()).toBe(2);
    expect(poller.paused).toBe(false);
    await poller.stop();
  });

  it('aborts a poll that hangs when stopped, reports no failure, and polls no more', async () => {
    // A server that never answers: only the abort ends the request.
    const hang = (signal: AbortSignal) => new Promise<Batch[]>((_resolve, reject) => signal.addEventListener('abort', () => reject(signal.reason as Error)));
    const { poller, timers, log, calls } = setup([hang]);
    poller.start();
    await timers.advance(0);
    expect(calls()).toBe(1);
    await poller.stop();
    await timers.advance(3_600_000);
    expect(log).toEqual(['poll@0']);
    expect(timers.pending()).toEqual([]);
  });
});

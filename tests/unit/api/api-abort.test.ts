import { describe, expect, it } from 'vitest';
import { createOrderApiClient } from '../../../electron/core/api/order-api-client.ts';

const settings = { baseUrl: 'http://apiv2.example.com/public', userId: 'b5d588bc-afc5-45f5-a6d5-dde8ef3a20b0', token: 'secret-token-123' };

/** A fetch that never answers, as a hung backend: it ends only when its signal aborts. */
const hangingFetch = (attempts: { count: number }): typeof fetch =>
  (_url, init) =>
    new Promise((_resolve, reject) => {
      attempts.count += 1;
      init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
    });

describe('a call aborted by its caller', () => {
  it('ends a hanging processed_list at once, without the retries a timeout would get', async () => {
    const attempts = { count: 0 };
    const client = createOrderApiClient({ ...settings, fetch: hangingFetch(attempts), timeoutMs: 3_600_000, sleep: () => Promise.resolve() });
    const controller = new AbortController();
    const call = client.processedList({}, { signal: controller.signal });
    await Promise.resolve();
    controller.abort();
    await expect(call).rejects.toMatchObject({ name: 'AbortError' });
    expect(attempts.count).toBe(1);
  });

  it('ends the wait between retries, and sends no further attempt', async () => {
    let attempts = 0;
    const controller = new AbortController();
    const failing: typeof fetch = () => {
      attempts += 1;
      return Promise.resolve(new Response('down', { status: 503 }));
    };
    // The backoff never ends by itself: only the abort can end the call.
    const client = createOrderApiClient({ ...settings, fetch: failing, sleep: () => new Promise(() => undefined) });
    const call = client.processedList({}, { signal: controller.signal });
    for (let i = 0; i < 10 && attempts === 0; i++) await new Promise((resolve) => setImmediate(resolve));
    controller.abort();
    await expect(call).rejects.toMatchObject({ name: 'AbortError' });
    expect(attempts).toBe(1);
  });

  it('is not mistaken for a timeout, and a call never aborted still times out as before', async () => {
    const client = createOrderApiClient({ ...settings, fetch: hangingFetch({ count: 0 }), timeoutMs: 5, retries: 0 });
    await expect(client.processedList()).rejects.toMatchObject({ name: 'ApiTimeoutError' });
  });
});

import { describe, expect, it } from 'vitest';
import { backoffMs, requestPath } from '../../../electron/core/api/api-transport.ts';
import { createOrderApiClient } from '../../../electron/core/api/order-api-client.ts';

describe('request paths', () => {
  it('percent-encodes every segment: the timestamp’s space and colons, a slash in an id', () => {
    const path = requestPath({ call: 'print_order', method: 'POST', segments: ['order', 'orders', 'print_order', 'u/1', '2022-09-02 16:11:21', 2] });
    expect(path).toBe('order/orders/print_order/u%2F1/2022-09-02%2016%3A11%3A21/2');
  });

  it('adds only the query parameters that are set', () => {
    expect(requestPath({ call: 'list', method: 'GET', segments: ['l'], query: { q: 'Budi & Siti', status: undefined } })).toBe('l?q=Budi+%26+Siti');
    expect(requestPath({ call: 'list', method: 'GET', segments: ['l'], query: { q: '' } })).toBe('l');
  });
});

describe('retry backoff', () => {
  const policy = { retryBaseMs: 500, retryMaxMs: 8000 };
  it('doubles each retry around the base, jittered ±50 %', () => {
    expect([0, 1, 2, 3].map((n) => backoffMs(n, { ...policy, random: () => 0.5 }))).toEqual([500, 1000, 2000, 4000]);
    expect(backoffMs(1, { ...policy, random: () => 0 })).toBe(500);
    expect(backoffMs(1, { ...policy, random: () => 0.999 })).toBe(1499);
  });

  it('is capped', () => {
    expect(backoffMs(10, { ...policy, random: () => 0.5 })).toBe(8000);
  });
});

describe('client settings', () => {
  const good = { baseUrl: 'http://apiv2.example.com/public', userId: 'b5d588bc-afc5-45f5-a6d5-dde8ef3a20b0', token: 'secret-token-123' };

  it('refuses a missing token, user id or a non-http address, saying which', () => {
    expect(() => createOrderApiClient({ ...good, token: ' ' })).toThrow('the API token is empty');
    expect(() => createOrderApiClient({ ...good, userId: '' })).toThrow('the user id is empty');
    expect(() => createOrderApiClient({ ...good, baseUrl: 'ftp://x' })).toThrow('must be a URL starting with http');
    expect(() => createOrderApiClient({ ...good, token: 'two\nlines' })).toThrow('paste it again');
  });

  it('uses a pasted token without the line break that came along', async () => {
    const seen: (string | null)[] = [];
    const recording: typeof fetch = async (_url, init) => {
      seen.push(new Headers(init?.headers).get('authorization'));
      return new Response('{"data":{"NEW":1,"PROCESSED":2,"SENT":3,"DRAFT":4}}');
    };
    await createOrderApiClient({ ...good, token: `${good.token}\r\n`, fetch: recording }).totalSummary();
    expect(seen).toEqual([`Bearer ${good.token}`]);
  });

  it('never echoes the token while refusing the settings', () => {
    let message = '';
    try {
      createOrderApiClient({ ...good, baseUrl: 'nonsense' });
    } catch (error) {
      message = `${String(error)} ${JSON.stringify(error)} ${(error as Error).stack ?? ''}`;
    }
    expect(message).toContain('API address');
    expect(message).not.toContain(good.token);
  });
});

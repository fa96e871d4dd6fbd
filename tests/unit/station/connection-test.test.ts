import { describe, expect, it } from 'vitest';
import { ApiAuthError, ApiNetworkError, ApiProtocolError, ApiTimeoutError, ApiTooLargeError, type ApiErrorDetails } from '../../../electron/core/api/api-errors.ts';
import type { OrderApi, OrderApiConfig } from '../../../electron/core/api/order-api.ts';
import { testServerConnection } from '../../../electron/core/station/connection-test.ts';

const server = { apiBaseUrl: 'https://orders.example.test/public', userId: 'c0ffee00-0000-4000-8000-000000000001', token: 'tok-3f9a-secret' };
const details: ApiErrorDetails = { call: 'total_summary', method: 'GET', path: `/public/order/orders/total_summary/${server.userId}`, status: null };

/** A client factory whose `total_summary` fails as `error`, keeping the configurations it was built with. */
function failingWith(error: Error) {
  const configs: OrderApiConfig[] = [];
  const api = (config: OrderApiConfig): OrderApi => {
    configs.push(config);
    return { totalSummary: () => Promise.reject(error) } as unknown as OrderApi;
  };
  return { api, configs };
}

describe('testServerConnection', () => {
  it('builds one client from exactly the typed values, with one short try', async () => {
    const { api, configs } = failingWith(new ApiAuthError({ ...details, status: 401 }));
    await testServerConnection(api, server);
    expect(configs).toEqual([{ baseUrl: server.apiBaseUrl, userId: server.userId, token: server.token, timeoutMs: 10_000, retries: 0 }]);
  });

  it.each([
    ['a server that never answers', new ApiTimeoutError({ ...details, timeoutMs: 10_000 }), { code: 'connect-timeout', params: { seconds: 10 } }],
    ['a connection dropped before the answer', new ApiNetworkError({ ...details, reason: 'socket hang up' }), { code: 'connect-unreachable', params: { host: 'orders.example.test' } }],
    ['an answer of the wrong shape', new ApiProtocolError({ ...details, status: 200, problem: 'NEW: expected number', field: 'data.NEW' }), { code: 'connect-not-the-api', params: {} }],
    ['an endless answer', new ApiTooLargeError({ ...details, status: 200, limitBytes: 32 * 1024 * 1024 }), { code: 'connect-not-the-api', params: {} }],
  ])('names %s for the operator', async (_what, error, problem) => {
    const test = await testServerConnection(failingWith(error).api, server);
    expect(test).toMatchObject({ ok: false, problem });
  });

  it('keeps the user id and the token out of the detail, even when an error quotes them', async () => {
    const test = await testServerConnection(failingWith(new Error(`refused ${server.token} for ${server.userId}`)).api, server);
    expect(test).toMatchObject({ ok: false, problem: { code: 'connect-failed' } });
    if (test.ok) return;
    expect(test.problem.detail).toBe('refused [token] for {id_user}');
  });

  it('answers a refused configuration (a token with a line break inside) as a failed test, not a thrown error', async () => {
    const api = () => {
      throw new Error('Order API settings are incomplete: the API token has spaces, line breaks or other characters a token never has: paste it again');
    };
    expect(await testServerConnection(api, { ...server, token: 'abc\ndef' })).toMatchObject({ ok: false, problem: { code: 'connect-failed' } });
  });
});

import { operatorMessage, type OperatorMessage } from '../../shared/operator-message.ts';
import type { ConnectionTest, ServerConnection } from '../../shared/station-api.ts';
import { ApiAuthError, ApiError, ApiNetworkError, ApiRedirectError, ApiServerError, ApiTimeoutError } from '../api/api-errors.ts';
import type { OrderApi, OrderApiConfig } from '../api/order-api.ts';

/** An operator at the setup waits for this answer: one try, not the poller's patient retries. */
const testTimeoutMs = 10_000;

/** The error's English words, with the user id and the token taken out: what the Detail toggle shows. */
function detailOf(error: unknown, server: ServerConnection): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split(server.token).join('[token]').split(server.userId).join('{id_user}').slice(0, 2000);
}

/** What went wrong, as the setup dialog tells it: each code says what to check in the form. */
function problemOf(error: unknown, server: ServerConnection): OperatorMessage {
  const detail = detailOf(error, server);
  if (error instanceof ApiAuthError) return operatorMessage('connect-token-rejected', {}, detail);
  if (error instanceof ApiNetworkError) return operatorMessage('connect-unreachable', { host: new URL(server.apiBaseUrl).host }, detail);
  if (error instanceof ApiTimeoutError) return operatorMessage('connect-timeout', { seconds: testTimeoutMs / 1000 }, detail);
  if (error instanceof ApiServerError) return operatorMessage('connect-server-error', { status: error.status ?? 0 }, detail);
  if (error instanceof ApiRedirectError) return operatorMessage('connect-redirect', {}, detail);
  // A 404, a refusal, an answer that is not the API's or far too large: the address is not the order API.
  if (error instanceof ApiError) return operatorMessage('connect-not-the-api', {}, detail);
  return operatorMessage('connect-failed', {}, detail);
}

/**
 * Asks `total_summary` with exactly the values given, before anything is stored: the cheapest
 * call that proves the address is the order API and that the token and user id belong together.
 */
export async function testServerConnection(api: (config: OrderApiConfig) => OrderApi, server: ServerConnection): Promise<ConnectionTest> {
  try {
    const client = api({ baseUrl: server.apiBaseUrl, userId: server.userId, token: server.token, timeoutMs: testTimeoutMs, retries: 0 });
    return { ok: true, summary: await client.totalSummary() };
  } catch (error) {
    return { ok: false, problem: problemOf(error, server) };
  }
}

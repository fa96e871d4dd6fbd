import { z } from 'zod';
import type { SkippedRow } from './answer-rows.ts';
import type { OrderApi, OrderApiConfig, OrderInput, SkippedRows, SmartOrderRequest } from './order-api.ts';
import { createApiTransport, type ApiLogger } from './api-transport.ts';
import { nodeHttpFetch, type ApiFetch } from './node-http-fetch.ts';
import {
  batchCreateResponse,
  listResponse,
  orderRowsResponse,
  printOrderResponse,
  processedListResponse,
  smartOrderResponse,
  totalSummaryResponse,
} from './response-schemas.ts';

export interface OrderApiClientOptions extends OrderApiConfig {
  fetch?: ApiFetch;
  /** Waits between GET retries; tests pass a fake that returns at once. */
  sleep?: (ms: number) => Promise<void>;
  /** In [0, 1): jitters the backoff. */
  random?: () => number;
  /** First backoff, default 500 ms; doubles each retry up to `retryMaxMs` (default 8 000 ms). */
  retryBaseMs?: number;
  retryMaxMs?: number;
  /** The largest answer read; default `defaultMaxResponseBytes`. */
  maxResponseBytes?: number;
  logger?: ApiLogger;
}

/**
 * 32 MiB: a 10 000-order print_order answer is about 15 MB; anything far past that is not the
 * API speaking, and reading it would take the station's memory (JSON costs ~5× its size parsed).
 */
export const defaultMaxResponseBytes = 32 * 1024 * 1024;

const configSchema = z.object({
  baseUrl: z.url({ protocol: /^https?$/, error: 'the API address must be a URL starting with http:// or https://' }),
  userId: z.string().trim().min(1, { error: 'the user id is empty' }),
  token: z
    .string()
    .trim()
    .min(1, { error: 'the API token is empty' })
    // A header cannot carry it otherwise, and the runtime's complaint would quote it.
    .regex(/^[\x21-\x7E]+$/, { error: 'the API token has spaces, line breaks or other characters a token never has: paste it again' }),
  timeoutMs: z.number().int().positive({ error: 'the timeout must be a positive number of milliseconds' }).optional(),
  retries: z.number().int().nonnegative().optional(),
});

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A typed client of every call of the order API (see `OrderApi`). */
export function createOrderApiClient(options: OrderApiClientOptions): OrderApi {
  const checked = configSchema.safeParse(options);
  if (!checked.success) {
    // The token is never echoed: only the first problem's wording is.
    throw new Error(`Order API settings are incomplete: ${checked.error.issues[0]?.message ?? 'invalid'}`);
  }
  // Trimmed: a pasted token often brings a line break along.
  const { userId, token } = checked.data;
  const transport = createApiTransport({
    baseUrl: options.baseUrl,
    token,
    timeoutMs: options.timeoutMs ?? 15_000,
    maxResponseBytes: options.maxResponseBytes ?? defaultMaxResponseBytes,
    retries: options.retries ?? 3,
    retryBaseMs: options.retryBaseMs ?? 500,
    retryMaxMs: options.retryMaxMs ?? 8_000,
    fetch: options.fetch ?? nodeHttpFetch,
    sleep: options.sleep ?? realSleep,
    random: options.random ?? Math.random,
    logger: options.logger,
  });
  const orders = ['order', 'orders'];
  const report = (call: SkippedRows['call'], rows: SkippedRow[], batch?: { processed: string; printStatus: number }): void =>
    options.onSkippedRows?.({ call, processed: batch?.processed ?? null, printStatus: batch?.printStatus ?? null, rows });

  return {
    listOrders: async (offset, limit, filter = {}) => {
      const { page, skipped } = await transport.send(
        { call: 'list', method: 'GET', segments: [...orders, 'list', userId, offset, limit], query: { q: filter.q, status: filter.status } },
        listResponse,
      );
      report('list', skipped);
      return page;
    },

    totalSummary: () =>
      transport.send({ call: 'total_summary', method: 'GET', segments: [...orders, 'total_summary', userId] }, totalSummaryResponse),

    createOrder: (input: OrderInput) =>
      transport.send(
        { call: 'create', method: 'POST', segments: [...orders, 'create', userId], form: { data: JSON.stringify(input) } },
        orderRowsResponse,
      ),

    batchCreate: (inputs: OrderInput[]) =>
      transport.send(
        { call: 'batch_create', method: 'POST', segments: [...orders, 'batch_create', userId], form: { batchData: JSON.stringify(inputs) } },
        batchCreateResponse,
      ),

    orderDetails: (orderId: string) =>
      transport.send({ call: 'details', method: 'GET', segments: [...orders, 'details', userId, orderId] }, orderRowsResponse),

    smartOrderFetch: (request: SmartOrderRequest) =>
      transport.send(
        {
          call: 'fetch',
          method: 'POST',
          segments: ['smartorder', 'fetch', userId],
          form: {
            text: JSON.stringify(request.rows),
            marketplace: request.marketplace,
            shop: request.shop,
            excel: request.excel ? '1' : '0',
            header: request.header ? '1' : '0',
          },
        },
        smartOrderResponse,
      ),

    processedList: async (filter = {}, call = {}) => {
      const { rows, skipped } = await transport.send(
        { call: 'processed_list', method: 'GET', segments: [...orders, 'processed_list', userId], query: { q: filter.q }, signal: call.signal },
        processedListResponse,
      );
      report('processed_list', skipped);
      return rows;
    },

    printOrder: async (processed: string, printStatus: number, call = {}) => {
      const { rows, skipped } = await transport.send(
        { call: 'print_order', method: 'POST', segments: [...orders, 'print_order', userId, processed, printStatus], signal: call.signal },
        printOrderResponse,
      );
      report('print_order', skipped, { processed, printStatus });
      return rows;
    },
  };
}

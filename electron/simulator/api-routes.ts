import { z } from 'zod';
import type { ApiCallName } from '../core/api/api-errors.ts';
import { orderStatusSchema } from '../shared/domain.ts';
import { orderInputSchema } from './order-input-schema.ts';
import type { SimStore } from './sim-store.ts';
import { toOrderRecord, toOrderRows } from './sim-records.ts';
import { parseSmartOrderRows } from './smart-order-parser.ts';
import { HttpError, jsonField } from './sim-http.ts';

/** The eight calls of the order API under `/public`, answering in the reference's shapes. */

export interface ApiCallContext {
  params: string[];
  query: URLSearchParams;
  /** POST fields (form or JSON body); read lazily so faults can answer before a body is read. */
  fields(): Promise<Record<string, unknown>>;
}
export interface ApiAnswer {
  status: number;
  body: unknown;
}

interface Route {
  call: ApiCallName;
  method: 'GET' | 'POST';
  /** Literal segments, then how many parameters follow (the first is always the user id). */
  prefix: string[];
  params: number;
  handle(store: SimStore, ctx: ApiCallContext): Promise<ApiAnswer> | ApiAnswer;
}

function parse<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new HttpError(400, `Invalid ${what}: ${issue ? `${issue.path.join('.') || 'value'}: ${issue.message}` : 'invalid'}`);
}

const index = z.coerce.number().int().nonnegative();
const smartRows = z.array(z.array(z.union([z.string(), z.number(), z.null()])));
const flag = (value: unknown): boolean => value === true || value === 1 || value === '1' || value === 'true';

const routes: Route[] = [
  {
    call: 'list', method: 'GET', prefix: ['order', 'orders', 'list'], params: 3,
    handle(store, { params, query }) {
      const offset = parse(index, params[1], 'offset');
      const limit = Math.min(parse(index, params[2], 'limit'), 1000);
      const status = query.get('status') || undefined;
      if (status !== undefined) parse(orderStatusSchema, status, 'status');
      const page = store.list(offset, limit, { q: query.get('q') ?? undefined, status });
      return { status: 200, body: { message: 'Data retrieved successfully', data: page.orders.map(toOrderRecord), total: page.total, show: page.orders.length } };
    },
  },
  {
    call: 'total_summary', method: 'GET', prefix: ['order', 'orders', 'total_summary'], params: 1,
    handle: (store) => ({ status: 200, body: { message: 'data retrieved successfully', data: store.summary() } }),
  },
  {
    call: 'create', method: 'POST', prefix: ['order', 'orders', 'create'], params: 1,
    async handle(store, { fields }) {
      const input = parse(orderInputSchema, jsonField(await fields(), 'data'), 'data');
      const order = store.create(input);
      return { status: 200, body: { message: 'Data has been created succesfully.', data: toOrderRows(order, 0) } };
    },
  },
  {
    call: 'batch_create', method: 'POST', prefix: ['order', 'orders', 'batch_create'], params: 1,
    async handle(store, { fields }) {
      const inputs = parse(z.array(orderInputSchema).min(1), jsonField(await fields(), 'batchData'), 'batchData');
      const invoices = inputs.map((input) => store.create(input).id);
      return { status: 200, body: { message: 'Data has been created succesfully.', data: { invoices }, total: invoices.length } };
    },
  },
  {
    call: 'details', method: 'GET', prefix: ['order', 'orders', 'details'], params: 2,
    handle(store, { params }) {
      const order = store.find(params[1] ?? '');
      if (!order) throw new HttpError(404, `Order ${params[1] ?? ''} not found`);
      return { status: 200, body: { message: 'Data retrieved successfully', data: toOrderRows(order, store.printStatusOf(order.id)) } };
    },
  },
  {
    call: 'fetch', method: 'POST', prefix: ['smartorder', 'fetch'], params: 1,
    async handle(_store, { fields }) {
      const body = await fields();
      const rows = parse(smartRows, jsonField(body, 'text'), 'text');
      const drafts = parseSmartOrderRows(rows, flag(body.header));
      // PHP's json_encode turns an empty map into [].
      return { status: 200, body: { message: 'Data fetched successfully', data: Object.keys(drafts).length > 0 ? drafts : [] } };
    },
  },
  {
    call: 'processed_list', method: 'GET', prefix: ['order', 'orders', 'processed_list'], params: 1,
    handle(store, { query }) {
      const data = store.processedList(query.get('q') ?? undefined).map((b) => ({
        totalLabels: String(b.orderIds.length),
        printStatus: String(b.printStatus),
        processed: b.processed,
      }));
      return { status: 200, body: { message: 'data retrieved successfully', data } };
    },
  },
  {
    call: 'print_order', method: 'POST', prefix: ['order', 'orders', 'print_order'], params: 3,
    handle(store, { params }) {
      const processed = params[1] ?? '';
      const printStatus = parse(index, params[2], 'print_status');
      const orders = store.printBatch(processed, printStatus);
      if (!orders) throw new HttpError(404, `No processed batch at ${processed}`);
      return { status: 200, body: { message: 'data processed successfully', data: { data: orders.map(toOrderRecord), total: orders.length } } };
    },
  },
];

/** The route for a path below `/public` (segments already decoded), with its parameters. */
export function matchApiRoute(segments: string[]): { route: Route; params: string[] } | undefined {
  for (const route of routes) {
    const head = segments.slice(0, route.prefix.length);
    if (head.join('/') === route.prefix.join('/') && segments.length === route.prefix.length + route.params) {
      return { route, params: segments.slice(route.prefix.length) };
    }
  }
  return undefined;
}
export type MatchedRoute = NonNullable<ReturnType<typeof matchApiRoute>>;

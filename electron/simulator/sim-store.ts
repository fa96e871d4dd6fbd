import type { OrderStatus, StatusSummary } from '../shared/domain.ts';
import type { OrderInput } from '../core/api/order-api.ts';
import { createRng, type Rng } from './prng.ts';
import { generateOrder, simOrderFromRecord } from './order-generator.ts';
import { epochFromServerTime, serverTime, type SimBatch, type SimOrder, type SimRecord } from './sim-model.ts';

/** The simulated backend's data: orders, print batches, and the operations the API performs on them. */
export interface SimStore {
  readonly userId: string;
  readonly token: string;
  list(offset: number, limit: number, filter: { q?: string; status?: string }): { orders: SimOrder[]; total: number };
  summary(): StatusSummary;
  create(input: OrderInput): SimOrder;
  find(orderId: string): SimOrder | undefined;
  /** The print count of the batch an order belongs to (0 when in none). */
  printStatusOf(orderId: string): number;
  processedList(q?: string): SimBatch[];
  /** Sets the batch's print count and answers its orders; undefined for an unknown batch. */
  printBatch(processed: string, printStatus: number): SimOrder[] | undefined;
  /** A new batch of `count` new orders, processed now, never printed. */
  addBatch(count: number): { processed: string; orderIds: string[] };
  batches(): SimBatch[];
}

const minute = 60_000;

function matches(order: SimOrder, q: string): boolean {
  const { customer, order: part } = order.record;
  // The processed timestamp too, so `list?status=PROCESSED&q=<processed>` lists one batch's orders.
  const haystack = [part.invoice, order.updatedInvoice, part.awb, order.updatedAWB, customer.name, customer.phone, part.shopName, order.processedAt]
    .filter((v): v is string => typeof v === 'string')
    .join('\n')
    .toLowerCase();
  return haystack.includes(q.toLowerCase());
}

export function createSimStore(seed: number, now: () => number): SimStore {
  const rng: Rng = createRng(seed);
  const userId = rng.uuid();
  const token = `sim-${rng.uuid().replaceAll('-', '')}`;
  const orders = new Map<string, SimOrder>();
  const batchList: SimBatch[] = [];
  const batchOf = new Map<string, SimBatch>();

  const add = (order: SimOrder): SimOrder => {
    orders.set(order.id, order);
    return order;
  };

  const makeBatch = (processedMs: number, size: number, printStatus: number): SimBatch => {
    let processed = serverTime(processedMs);
    const latest = batchList.reduce((max, b) => (b.processed > max ? b.processed : max), '');
    // A batch is identified by its timestamp: two batches in one second get distinct seconds.
    if (processed <= latest) processed = serverTime(epochFromServerTime(latest) + 1000);
    const batch: SimBatch = { processed, orderIds: [], printStatus };
    for (let i = 0; i < size; i++) {
      const createdAt = processedMs - rng.int(5, 600) * minute;
      batch.orderIds.push(add(generateOrder(rng, { status: 'PROCESSED', createdAt, processedAt: processed })).id);
    }
    batchList.push(batch);
    for (const id of batch.orderIds) batchOf.set(id, batch);
    return batch;
  };

  // A working history: a week of sent orders, printed batches (some twice), two not yet printed,
  // new orders waiting to be processed, and a few drafts.
  const start = now();
  for (let i = 0; i < 60; i++) {
    const createdAt = start - rng.int(2 * 24 * 60, 7 * 24 * 60) * minute;
    add(generateOrder(rng, { status: 'SENT', createdAt, processedAt: serverTime(createdAt + 90 * minute), sentAt: createdAt + 20 * 60 * minute }));
  }
  let at = start - 3 * 24 * 60 * minute;
  const history = 14;
  for (let i = 0; i < history; i++) {
    at += rng.int(60, 300) * minute;
    const size = rng.chance(0.3) ? rng.int(10, 35) : rng.int(1, 8);
    // The last two are waiting to be printed; every fourth was reprinted once.
    const printStatus = i >= history - 2 ? 0 : i % 4 === 1 ? 2 : 1;
    makeBatch(at, size, printStatus);
  }
  for (let i = 0; i < 24; i++) add(generateOrder(rng, { status: 'NEW', createdAt: start - rng.int(10, 24 * 60) * minute }));
  for (let i = 0; i < 5; i++) add(generateOrder(rng, { status: 'DRAFT', createdAt: start - rng.int(10, 3 * 24 * 60) * minute }));

  const newestFirst = (): SimOrder[] => [...orders.values()].sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));

  return {
    userId,
    token,
    list(offset, limit, filter) {
      const q = filter.q?.trim();
      const all = newestFirst().filter((o) => (!filter.status || o.status === filter.status) && (!q || matches(o, q)));
      return { orders: all.slice(offset, offset + limit), total: all.length };
    },
    summary() {
      const counts: Record<OrderStatus, number> = { NEW: 0, PROCESSED: 0, SENT: 0, DRAFT: 0 };
      for (const order of orders.values()) counts[order.status] += 1;
      return counts;
    },
    create(input) {
      const id = rng.uuid();
      const record: SimRecord = { ...input, order: { ...input.order, order_id: id } };
      return add(simOrderFromRecord(rng, record, { status: 'NEW', createdAt: now() }));
    },
    find: (orderId) => orders.get(orderId),
    printStatusOf: (orderId) => batchOf.get(orderId)?.printStatus ?? 0,
    processedList(q) {
      const query = q?.trim().toLowerCase();
      return [...batchList]
        .sort((a, b) => (a.processed < b.processed ? 1 : -1))
        .filter(
          (b) =>
            !query ||
            b.processed.includes(query) ||
            b.orderIds.some((id) => {
              const order = orders.get(id);
              return order !== undefined && matches(order, query);
            }),
        );
    },
    printBatch(processed, printStatus) {
      const batch = batchList.find((b) => b.processed === processed);
      if (!batch) return undefined;
      batch.printStatus = printStatus;
      return batch.orderIds.flatMap((id) => orders.get(id) ?? []);
    },
    addBatch(count) {
      const batch = makeBatch(now(), count, 0);
      return { processed: batch.processed, orderIds: [...batch.orderIds] };
    },
    batches: () => batchList.map((b) => ({ ...b, orderIds: [...b.orderIds] })).sort((a, b) => (a.processed < b.processed ? 1 : -1)),
  };
}

import { ApiAuthError, ApiNotFoundError, type ApiCallName } from '../../../electron/core/api/api-errors.ts';
import type { OrderApi, OrderApiConfig } from '../../../electron/core/api/order-api.ts';
import { toServerTimestamp } from '../../../electron/core/station/server-time.ts';
import type { Batch, Order, OrderDetails, OrderPage } from '../../../electron/shared/domain.ts';
import { fakeOrder } from './fake-orders.ts';
import { mondayMorning } from './fake-clock.ts';

/** The calls the station makes on its own; the others are the operator's and answer plainly. */
export type FakedCall = Extract<ApiCallName, 'processed_list' | 'print_order' | 'details'>;

/**
 * How the next call misbehaves. `commit`: the server did the work (recorded the print count)
 * before it failed, as a backend whose connection drops after `print_order` committed.
 */
export type ServerFault =
  | { kind: 'fail'; error: Error; commit?: boolean }
  /** Never answers, until `answerHeld()`. */
  | { kind: 'hang' }
  /** The station's process dies during this call: `onCrash` runs; the dead station hears an error nobody reads. */
  | { kind: 'crash'; commit: boolean };

export interface ServerCall {
  call: FakedCall;
  /** Which client (one per station the test started) made it. */
  client: number;
  processed?: string;
  printStatus?: number;
  orderId?: string;
}

export class StationCrashedError extends Error {
  override name = 'StationCrashedError';
}

/** What `details` answers for an order: the backend's flat view, with the order as first processed. */
function detailsOf(id: string, order: Order): OrderDetails {
  return {
    id, invoice: order.invoice, awb: order.awb, status: order.status, printStatus: 1, courierName: order.courierName, shopName: order.shopName,
    customerName: order.customer.name, customerAddress: order.customer.address, senderName: order.sender.name, shippingCost: order.shippingCost,
    adminNote: order.adminNote, customerNote: order.customerNote, created: order.createdAt, updated: null, processed: order.processedAt, sent: null,
    products: order.items.map((i) => ({ productId: i.productId, productName: i.productName, productPrice: i.productPrice, qty: i.qty })), firstState: order,
  };
}

interface ServerBatch {
  orders: Order[];
  printStatus: number;
}

/**
 * The order backend as the station sees it through its client: batches with their print count,
 * `print_order` recording the count it is given (so a repeat with the same target is harmless),
 * a token that can be revoked, and scripted faults. It outlives the stations a test starts, as a
 * real server outlives a crashed station.
 */
export class FakeOrderServer {
  token = 'token-1';
  readonly calls: ServerCall[] = [];
  /** Runs when a `crash` fault fires, before the caller is left hanging. */
  onCrash: () => void = () => undefined;
  readonly #batches = new Map<string, ServerBatch>();
  readonly #faults: Record<FakedCall, ServerFault[]> = { processed_list: [], print_order: [], details: [] };
  readonly #held: (() => void)[] = [];
  #clients = 0;

  /**
   * A new batch of `labels` orders, by default processed a minute after the last one. Given an
   * existing `processed`, it replaces that batch: the server's list changed under the station.
   */
  addBatch(
    labels: number,
    options: { processed?: string; printStatus?: number; shape?: (order: Order, n: number) => Order } = {},
  ): { processed: string; orders: Order[] } {
    const processed = options.processed ?? toServerTimestamp(mondayMorning + (this.#batches.size + 1) * 60_000);
    const shape = options.shape ?? ((order: Order) => order);
    const orders = Array.from({ length: labels }, (_, i) => shape(fakeOrder(processed, i + 1), i + 1));
    this.#batches.set(processed, { orders, printStatus: options.printStatus ?? 0 });
    return { processed, orders };
  }

  /** The batch is deleted on the server: `print_order` answers 404 from now on. */
  removeBatch(processed: string): void {
    this.#batches.delete(processed);
  }

  printStatusOf(processed: string): number | undefined {
    return this.#batches.get(processed)?.printStatus;
  }

  /** The order ids the station asked `details` for, in order. */
  detailsCalls(): string[] {
    return this.calls.filter((c) => c.call === 'details').map((c) => c.orderId ?? '');
  }

  /** The `print_status` of every `print_order` call for this batch, in order. */
  printOrderCalls(processed: string): number[] {
    return this.calls.filter((c) => c.call === 'print_order' && c.processed === processed).map((c) => c.printStatus ?? -1);
  }

  pollCount(): number {
    return this.calls.filter((c) => c.call === 'processed_list').length;
  }

  /** The next `times` calls of `call` misbehave as `fault`. */
  fail(call: FakedCall, fault: ServerFault, times = 1): void {
    for (let i = 0; i < times; i++) this.#faults[call].push(fault);
  }

  /** The operator's token is revoked: every call with it is refused (401). Returns the new one. */
  revokeToken(): string {
    this.token = `${this.token}+`;
    return this.token;
  }

  /** Lets every hanging call answer now, as if the server had only been slow. */
  answerHeld(): void {
    for (const release of this.#held.splice(0)) release();
  }

  /** The client one station builds from its settings; `kill()` cuts it off when that station "dies". */
  client(config: OrderApiConfig): OrderApi & { kill(): void } {
    const id = ++this.#clients;
    let dead = false;
    const path = (call: string, rest = ''): string => `/order/orders/${call}/${config.userId}${rest}`;
    const call = async <T>(name: FakedCall, details: Omit<ServerCall, 'call' | 'client'>, work: () => T): Promise<T> => {
      if (dead) throw new StationCrashedError('this station has crashed');
      this.calls.push({ call: name, client: id, ...details });
      if (config.token !== this.token) throw new ApiAuthError({ call: name, method: 'GET', path: path(name), status: 401 });
      const fault = this.#faults[name].shift();
      if (!fault) return work();
      if (fault.kind === 'hang') {
        await new Promise<void>((resolve) => this.#held.push(resolve));
        return work();
      }
      if (fault.commit) work();
      if (fault.kind === 'fail') throw fault.error;
      dead = true;
      this.onCrash();
      throw new StationCrashedError('the station crashed during this call');
    };
    const notFaked = (what: string) => () => Promise.reject(new Error(`${what} is not part of the fake order server`));
    return {
      kill: () => void (dead = true),
      processedList: () =>
        call('processed_list', {}, (): Batch[] =>
          [...this.#batches].map(([processed, b]) => ({ processed, totalLabels: b.orders.length, printStatus: b.printStatus })),
        ),
      printOrder: (processed, printStatus) =>
        call('print_order', { processed, printStatus }, (): Order[] => {
          const batch = this.#batches.get(processed);
          if (!batch) throw new ApiNotFoundError({ call: 'print_order', method: 'POST', path: path('print_order', `/${encodeURIComponent(processed)}/${printStatus}`), status: 404 });
          batch.printStatus = printStatus;
          return batch.orders.map((o) => structuredClone(o));
        }),
      listOrders: async (offset, limit, filter): Promise<OrderPage> => {
        if (dead) throw new StationCrashedError('this station has crashed');
        const all = [...this.#batches.values()].flatMap((b) => b.orders).filter((o) => !filter?.status || o.status === filter.status);
        return { orders: all.slice(offset, offset + limit), total: all.length };
      },
      totalSummary: notFaked('total_summary'),
      createOrder: notFaked('create'),
      batchCreate: notFaked('batch_create'),
      orderDetails: (orderId) =>
        call('details', { orderId }, (): OrderDetails => {
          const order = [...this.#batches.values()].flatMap((b) => b.orders).find((o) => o.orderId === orderId);
          if (!order) throw new ApiNotFoundError({ call: 'details', method: 'GET', path: path('details', `/${orderId}`), status: 404 });
          return detailsOf(orderId, structuredClone(order));
        }),
      smartOrderFetch: notFaked('fetch'),
    };
  }
}

import type { Order, OrderDetails } from '../../shared/domain.ts';
import { operatorMessage, OperatorError } from '../../shared/operator-message.ts';
import type { PrinterProfile } from '../../shared/printer-profile.ts';
import type { JobView } from '../../shared/station-api.ts';
import { toJobView, type Journal, type NewEvent, type NewJob } from './journal.ts';
import type { SuppliedEntry } from './journal-supplied.ts';

export interface OrderJobDeps {
  journal: Pick<Journal, 'claimedJobFor' | 'storedLabels' | 'createJob'>;
  orderDetails: (orderId: string) => Promise<OrderDetails>;
  fetchSupplied: (orders: readonly { idx: number; order: Order }[]) => Promise<SuppliedEntry[]>;
  route: (printerId?: string) => PrinterProfile;
  log: (event: NewEvent) => void;
  emitJob: (job: JobView) => void;
  kick: () => void;
}

export interface PrintOrdersInput {
  processed: string;
  orderIds: readonly string[];
  printerId?: string;
}

type ChosenOrders = Pick<NewJob, 'orders' | 'batchPlaces' | 'suppliedFrom' | 'supplied'> & { from: string };

/** From the batch's stored orders: each label keeps its place in the batch, and its supplied label comes along. */
function fromStored(deps: OrderJobDeps, sourceId: string, batchLabels: number, orderIds: readonly string[]): ChosenOrders {
  const stored = deps.journal.storedLabels(sourceId);
  const chosen = orderIds.map((id) => {
    const label = stored.find((l) => l.order.orderId === id);
    if (!label) throw new OperatorError(operatorMessage('print-orders-not-in-batch', { order: id }), `order ${id} is not one of the batch's stored orders`);
    return label;
  });
  return {
    from: `the orders stored with job ${sourceId}`,
    orders: chosen.map((l) => l.order),
    batchPlaces: { indexes: chosen.map((l) => l.batchIndex), of: batchLabels },
    suppliedFrom: { jobId: sourceId, indexes: chosen.map((l) => l.idx) },
  };
}

/** A batch printed elsewhere: each order from the API's details; its place in the batch is not known. */
async function fromDetails(deps: OrderJobDeps, processed: string, orderIds: readonly string[]): Promise<ChosenOrders> {
  const orders: Order[] = [];
  for (const id of orderIds) {
    const order = (await deps.orderDetails(id)).firstState;
    if (!order) throw new OperatorError(operatorMessage('print-orders-no-details', { order: id }), `the server's details of order ${id} hold no order to print`);
    if (order.processedAt !== null && order.processedAt !== processed) {
      throw new OperatorError(operatorMessage('print-orders-other-batch', { order: order.invoice, batch: order.processedAt }), `order ${id} belongs to batch ${order.processedAt}, not ${processed}`);
    }
    orders.push(order);
  }
  const supplied = await deps.fetchSupplied(orders.map((order, idx) => ({ idx, order })));
  return { from: "the server's order details", orders, supplied };
}

/**
 * Chosen orders of a batch printed as their own labels: an `orders` job, stored in the journal
 * before anything prints, with no `print_order` call and no change to the batch's print count.
 */
export async function printOrders(deps: OrderJobDeps, input: PrintOrdersInput): Promise<JobView> {
  const orderIds = [...new Set(input.orderIds)];
  const printer = deps.route(input.printerId);
  const source = deps.journal.claimedJobFor(input.processed);
  const chosen = source ? fromStored(deps, source.id, source.batchLabels, orderIds) : await fromDetails(deps, input.processed, orderIds);
  const { from, ...labels } = chosen;
  const job = deps.journal.createJob({
    processed: input.processed,
    kind: 'orders',
    targetPrintStatus: null,
    printerId: printer.id,
    printerName: printer.name,
    expectedLabels: orderIds.length,
    ...labels,
    ...(source ? { sourceJobId: source.id } : {}),
  });
  deps.log({
    level: 'info',
    kind: 'job-created',
    message: `${orderIds.length} order(s) of the batch from ${from} on ${printer.name}, no print_order`,
    text: operatorMessage('ev-orders-job-created', { orders: orderIds.length, printer: printer.name }),
    jobId: job.id,
    processed: job.processed,
  });
  const view = toJobView(job);
  deps.emitJob(view);
  deps.kick();
  return view;
}

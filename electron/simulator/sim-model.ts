import type { OrderStatus } from '../shared/domain.ts';
import type { OrderInput } from '../core/api/order-api.ts';

/** An order record exactly as the backend sends it (calls 1 and 8), string numbers included. */
export type SimRecord = Omit<OrderInput, 'order' | 'details'> & {
  order: OrderInput['order'] & { order_id: string };
  details: (Omit<OrderInput['details'][number], 'qty' | 'productPrice'> & { qty: number | string; productPrice: number | string })[];
};

/** One order as the simulator keeps it: the wire record plus the backend's bookkeeping. */
export interface SimOrder {
  id: string;
  record: SimRecord;
  status: OrderStatus;
  customerId: string;
  senderId: string;
  /** The product rows' own ids (`detailsId`), one per detail. */
  detailIds: string[];
  /** Server-local `YYYY-MM-DD HH:MM:SS`. */
  createdAt: string;
  updatedAt: string;
  processedAt: string | null;
  sentAt: string | null;
  updatedAWB: string | null;
  updatedInvoice: string | null;
  /** As first submitted, for `order_first_state`. */
  firstState: string;
}

export interface SimBatch {
  processed: string;
  orderIds: string[];
  printStatus: number;
}

/** The server's zone is Asia/Bangkok (UTC+7), and its timestamps carry no zone. */
const serverOffsetMs = 7 * 60 * 60 * 1000;

export function serverTime(epochMs: number): string {
  return new Date(epochMs + serverOffsetMs).toISOString().slice(0, 19).replace('T', ' ');
}

export function epochFromServerTime(text: string): number {
  return Date.parse(`${text.replace(' ', 'T')}Z`) - serverOffsetMs;
}

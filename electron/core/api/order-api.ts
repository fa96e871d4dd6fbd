import type { Batch, Order, OrderDetails, OrderPage, OrderStatus, StatusSummary } from '../../shared/domain.ts';
import type { SkippedRow } from './answer-rows.ts';

/** What `createOrder` and `batchCreate` take: an order record as the reference's examples show it. */
export interface OrderInput {
  customer: {
    name: string;
    phone: string;
    address: string;
    provinceCode?: string | null;
    provinceName?: string;
    cityCode?: string | null;
    cityName?: string;
    districtCode?: string | null;
    districtName?: string;
    postCode?: string | null;
  };
  sender: { name: string; phone: string };
  order: {
    invoice: string;
    courierId?: string | null;
    courierName: string;
    shippingCost: number | string;
    shopId?: string | null;
    shopName: string;
    awb?: string | null;
    adminNote?: string | null;
    customerNote?: string | null;
    totalCost: number;
    labelImage?: string | null;
    printType?: string | null;
    assign?: unknown;
  };
  details: { productId?: string | null; qty: number; productPrice: number; totalPrice: number; productName: string }[];
}

export interface SmartOrderRequest {
  /** Rows of a marketplace export, each an array of cells (the reference's layout). */
  rows: (string | number)[][];
  marketplace: string;
  shop: string;
  excel: boolean;
  header: boolean;
}

export interface SmartOrderDraft {
  invoice: string;
  awb: string | null;
  shippingCost: number;
  note: string;
  customerName: string;
  customerNumber: string;
  customerAddress: string;
  cityName: string;
  provinceName: string;
  rawText: string;
  products: { product: string; qty: number; price: number; text: string; notes: string }[];
  courier: { courierId: string | null; status: string; text: string };
}

/** How one call may be cut short: a station shutting down aborts the poll in flight. */
export interface ApiCallOptions {
  signal?: AbortSignal;
}

/** Every call of the order API, typed and normalised. GETs retry transient faults; POSTs never do. */
export interface OrderApi {
  listOrders(offset: number, limit: number, filter?: { q?: string; status?: OrderStatus }): Promise<OrderPage>;
  totalSummary(): Promise<StatusSummary>;
  createOrder(input: OrderInput): Promise<OrderDetails>;
  batchCreate(inputs: OrderInput[]): Promise<{ invoices: string[]; total: number }>;
  orderDetails(orderId: string): Promise<OrderDetails>;
  smartOrderFetch(request: SmartOrderRequest): Promise<SmartOrderDraft[]>;
  processedList(filter?: { q?: string }, call?: ApiCallOptions): Promise<Batch[]>;
  /** The commit point of printing: returns the batch's orders and records `printStatus` as its count. */
  printOrder(processed: string, printStatus: number, call?: ApiCallOptions): Promise<Order[]>;
}

/** What one answer of a row-read call held that the client could not read (`rows` empty: all read). */
export interface SkippedRows {
  call: 'list' | 'processed_list' | 'print_order';
  /** For print_order: the batch and the print count asked for. */
  processed: string | null;
  printStatus: number | null;
  rows: SkippedRow[];
}

export interface OrderApiConfig {
  baseUrl: string;
  userId: string;
  token: string;
  /** Per request; default 15 000 ms. */
  timeoutMs?: number;
  /** Extra attempts for a GET after a network error, timeout or 5xx; default 3. */
  retries?: number;
  /** Told after every answer of list, processed_list and print_order which rows were left out. */
  onSkippedRows?: (report: SkippedRows) => void;
}

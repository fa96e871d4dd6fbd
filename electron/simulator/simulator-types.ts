import type { ApiCallName } from '../core/api/api-errors.ts';
import type { Fault, FaultMode, FaultRoute } from './sim-faults.ts';
import type { SuppliedKind, SuppliedPlan } from './labels/supplied-label-plan.ts';

/** A running simulator, as tests, demo mode and benchmarks hold it. */
export interface Simulator {
  /** e.g. `http://127.0.0.1:PORT/public`: the base URL the order-API client takes. */
  baseUrl: string;
  /** e.g. `http://127.0.0.1:PORT/__sim`: the test-control surface. */
  adminUrl: string;
  port: number;
  userId: string;
  token: string;
  /**
   * A new processed batch of `orders` new orders, print count 0. `supplied[i]` gives order i
   * (cycling) a supplied label of that kind; null leaves it to ours.
   */
  addBatch(orders: number, options?: { supplied?: readonly (SuppliedKind | null)[] }): { processed: string; orderIds: string[] };
  /** The supplied label an order carries (its marketplace AWB), if any. */
  suppliedLabel(orderId: string): SuppliedPlan | undefined;
  /** Every batch, newest first, with its current print count. */
  batches(): SimBatchView[];
  /** Every API call received, in order. */
  calls(): SimCall[];
  /** Arms a fault: the next `times` calls of `route` fail as `mode`. */
  addFault(fault: Fault): void;
  faults(): { route: FaultRoute | '*'; mode: FaultMode; times: number }[];
  /** Back to the seeded data; forgets calls and faults (the user id and token stay). */
  reset(): void;
  close(): Promise<void>;
}

export interface SimBatchView {
  processed: string;
  totalLabels: number;
  printStatus: number;
  orderIds: string[];
}

export interface SimCall {
  method: string;
  /** As received, percent-encoding and query included (print_order's print_status is in it). */
  path: string;
  /** The API call it matched, or null for an unknown path. */
  call: ApiCallName | null;
  /** The status answered; null when the connection was dropped or left hanging. */
  status: number | null;
  /** The injected fault that shaped the answer, if any. */
  fault: FaultMode | null;
  /** ISO instant, from the simulator's clock. */
  at: string;
}

import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import type { FaultMode } from '../sim-faults.ts';
import type { SimOrder } from '../sim-model.ts';
import { marketplaceImage, marketplacePdf } from './label-files.ts';
import { shapeOf, suppliedPlan, type SuppliedKind, type SuppliedPlan } from './supplied-label-plan.ts';

/** The path the simulator serves an order's label at (its origin is the API's: the token goes along). */
export const labelPathPrefix = '/labels/';

const extension = (kind: SuppliedKind): string => (kind.startsWith('pdf') ? 'pdf' : kind === 'jpeg' ? 'jpg' : 'png');

async function labelBytes(plan: SuppliedPlan): Promise<{ bytes: Buffer; type: string }> {
  const shape = shapeOf(plan.kind);
  if (plan.kind.startsWith('pdf')) return { bytes: await marketplacePdf(shape, [[plan.label]]), type: 'application/pdf' };
  if (plan.kind === 'jpeg') return { bytes: marketplaceImage(shape, [plan.label], 'jpeg'), type: 'image/jpeg' };
  return { bytes: marketplaceImage(shape, [plan.label], 'png'), type: 'image/png' };
}

/** The orders' supplied labels: which order has which, their `labelImage`, and the route that serves them. */
export interface SuppliedLabelBook {
  /** Gives an order its supplied label (a `kind`, or by `share`): sets its record's `labelImage`. */
  assign(order: SimOrder, options: { share?: number; kind?: SuppliedKind }): SuppliedPlan | null;
  plan(orderId: string): SuppliedPlan | undefined;
  /** Answers `GET /labels/<order id>.<ext>`; `fault` shapes the answer as the fault book says. */
  serve(req: IncomingMessage, res: ServerResponse, path: string, fault: FaultMode | undefined): Promise<number | null>;
}

export function createSuppliedLabelBook(origin: string): SuppliedLabelBook {
  const plans = new Map<string, SuppliedPlan>();
  const cache = new Map<string, Promise<{ bytes: Buffer; type: string }>>();
  const bytesOf = (orderId: string, plan: SuppliedPlan) => {
    let got = cache.get(orderId);
    if (!got) cache.set(orderId, (got = labelBytes(plan)));
    return got;
  };
  return {
    assign(order, options) {
      const { record } = order;
      const plan = suppliedPlan(order.id, record.order.invoice ?? '', record.customer.name ?? '', record.customer.cityName ?? '', options);
      if (!plan) return null;
      plans.set(order.id, plan);
      record.order.labelImage =
        plan.kind === 'data-png'
          ? `data:image/png;base64,${marketplaceImage('portrait', [plan.label], 'png').toString('base64')}`
          : `${origin}${labelPathPrefix}${encodeURIComponent(order.id)}.${extension(plan.kind)}`;
      return plan;
    },
    plan: (orderId) => plans.get(orderId),
    async serve(req, res, path, fault) {
      if (fault === 'hang') return null;
      if (fault === 'reset') {
        req.socket.destroy();
        return null;
      }
      if (fault === '500' || fault === '404') {
        res.writeHead(Number(fault), { 'Content-Type': 'text/html' }).end(`<html><body><h1>${fault}</h1></body></html>`);
        return Number(fault);
      }
      if (fault === 'garbage' || fault === 'malformed') {
        res.writeHead(200, { 'Content-Type': 'application/pdf' }).end(randomBytes(2048));
        return 200;
      }
      const match = /^([^/.]+)\.(pdf|png|jpg)$/.exec(path);
      const orderId = match ? decodeURIComponent(match[1] ?? '') : '';
      const plan = plans.get(orderId);
      if (!plan || req.method !== 'GET') {
        res.writeHead(404, { 'Content-Type': 'text/plain' }).end('No such label');
        return 404;
      }
      const { bytes, type } = await bytesOf(orderId, plan);
      res.writeHead(200, { 'Content-Type': type, 'Content-Length': bytes.length }).end(bytes);
      return 200;
    },
  };
}

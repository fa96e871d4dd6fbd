import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import type { Simulator } from './simulator-types.ts';
import { faultSchema } from './sim-faults.ts';
import { HttpError, readBody, sendJson } from './sim-http.ts';
import { suppliedKinds } from './labels/supplied-label-plan.ts';

/**
 * `/__sim`: the test-control surface (no auth, loopback only). It mirrors the controls the
 * in-process `Simulator` object offers, so a test in another process can drive the same things.
 */

const batchRequest = z.object({ orders: z.number().int().min(1).max(1000), supplied: z.array(z.enum(suppliedKinds).nullable()).max(1000).optional() });

async function jsonBody(req: IncomingMessage): Promise<unknown> {
  const text = await readBody(req);
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, 'The body is not valid JSON');
  }
}

function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new HttpError(400, result.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '));
}

export async function handleAdmin(sim: Simulator, req: IncomingMessage, res: ServerResponse, action: string): Promise<void> {
  const route = `${req.method ?? 'GET'} ${action}`;
  switch (route) {
    case 'GET ':
      return sendJson(res, 200, { baseUrl: sim.baseUrl, adminUrl: sim.adminUrl, userId: sim.userId });
    case 'GET batches':
      return sendJson(res, 200, sim.batches());
    case 'POST batches': {
      const request = parse(batchRequest, await jsonBody(req));
      return sendJson(res, 201, sim.addBatch(request.orders, { supplied: request.supplied }));
    }
    case 'GET calls':
      return sendJson(res, 200, sim.calls());
    case 'GET faults':
      return sendJson(res, 200, sim.faults());
    case 'POST faults':
      sim.addFault(parse(faultSchema, await jsonBody(req)));
      return sendJson(res, 201, sim.faults());
    case 'POST reset':
      sim.reset();
      return sendJson(res, 200, { message: 'reset' });
    default:
      throw new HttpError(404, `No control ${route} (try GET/POST /__sim/batches, GET /__sim/calls, POST /__sim/faults, POST /__sim/reset)`);
  }
}

import { z } from 'zod';
import { apiCallNames, type ApiCallName } from '../core/api/api-errors.ts';

/**
 * Injected failures: the next `times` calls of a route fail the given way.
 * - `500`: a server error page; `401`: the token is refused; `malformed`: 200 with cut-off JSON.
 * - `hang`: the request is accepted and never answered (the client's timeout must fire).
 * - `reset`: the server DOES the work (print_order records the print count, create stores the
 *   order), then drops the connection before answering. It is the dangerous real-world case: the
 *   commit happened but the client cannot know.
 * - `404`: not found; `garbage`: 200 with random bytes (a label that is not a PDF or picture).
 * - `bad-row`: the real answer with one more row in its `data` list that has none of the fields
 *   (the client leaves it out and reports it; the rest must still be used).
 */
export const faultModes = ['500', 'hang', 'malformed', '401', 'reset', '404', 'garbage', 'bad-row'] as const;
export type FaultMode = (typeof faultModes)[number];

/** `label`: the supplied-label route (`/labels/…`), not an API call; `*` does not include it. */
export type FaultRoute = ApiCallName | 'label';

export const faultSchema = z.object({
  route: z.enum([...apiCallNames, 'label', '*'], { error: `route must be one of ${apiCallNames.join(', ')}, label or *` }),
  mode: z.enum(faultModes, { error: `mode must be one of ${faultModes.join(', ')}` }),
  times: z.number().int().positive().default(1),
});
export type Fault = z.input<typeof faultSchema>;

export interface FaultBook {
  add(fault: Fault): void;
  /** Consumes and answers the fault for this call, if one is armed. */
  take(call: FaultRoute): FaultMode | undefined;
  pending(): { route: FaultRoute | '*'; mode: FaultMode; times: number }[];
  clear(): void;
}

export function createFaultBook(): FaultBook {
  let armed: { route: FaultRoute | '*'; mode: FaultMode; times: number }[] = [];
  return {
    add(fault) {
      armed.push(faultSchema.parse(fault));
    },
    take(call) {
      const fault = armed.find((f) => f.route === call || (f.route === '*' && call !== 'label'));
      if (!fault) return undefined;
      fault.times -= 1;
      armed = armed.filter((f) => f.times > 0);
      return fault.mode;
    },
    pending: () => armed.map((f) => ({ ...f })),
    clear() {
      armed = [];
    },
  };
}

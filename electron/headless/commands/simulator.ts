import { parseArgs } from 'node:util';
import { createSimulator } from '../../simulator/create-simulator.ts';
import { UsageError, type CliCommand } from '../cli-command.ts';

const help = `Usage: label-station simulator [--port N] [--host H] [--seed N] [--supplied-share F] [--json]

Serves a faithful simulator of the order API (all eight calls under /public, bearer auth,
seeded realistic Indonesian orders and print batches) and a test-control surface under /__sim.
Stops cleanly on Ctrl-C or SIGTERM.

Options:
  --port N    port to listen on; 0 picks a free one (default 8787)
  --host H    address to listen on (default 127.0.0.1)
  --seed N    data seed: the same seed gives the same orders, user id and token (default 1)
  --supplied-share F
              share 0-1 of the seeded orders that carry the marketplace's own label
              (labelImage: PDF, PNG or JPEG served under /labels/, some inline data: URIs);
              default 0.25
  --json      print one JSON line {"baseUrl","userId","token","adminUrl"} first, for scripts

Control surface (loopback only, no auth):
  POST /__sim/batches {"orders": N, "supplied": [KIND|null, ...]}
        add a processed batch of N new orders, never printed; order i gets a supplied label
        of supplied[i % length]: pdf, pdf-landscape, pdf-a4, png, png-landscape, jpeg, data-png
  GET  /__sim/batches                   every batch with its print count
  GET  /__sim/calls                     every API call received, in order
  POST /__sim/faults {"route","mode","times"}
        route: list, total_summary, create, batch_create, details, fetch, processed_list,
               print_order, label (the supplied labels) or *;
        mode: 500, hang, malformed, 401, reset, 404, garbage
        (reset does the work, e.g. records print_order's count, then drops the connection)
  POST /__sim/reset                     back to the seeded data

Example:
  label-station simulator --port 0 --json`;

function integer(value: string | undefined, name: string, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < min || parsed > max) throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, got "${value}"`);
  return parsed;
}

function share(value: string | undefined): number {
  if (value === undefined) return 0.25;
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed < 0 || parsed > 1) throw new UsageError(`--supplied-share must be a number from 0 to 1, got "${value}"`);
  return parsed;
}

export const simulatorCommand: CliCommand = {
  help,
  async run(argv) {
    let values: { port?: string; host?: string; seed?: string; 'supplied-share'?: string; json?: boolean };
    try {
      ({ values } = parseArgs({
        args: argv,
        options: { port: { type: 'string' }, host: { type: 'string' }, seed: { type: 'string' }, 'supplied-share': { type: 'string' }, json: { type: 'boolean' } },
        strict: true,
      }));
    } catch (error) {
      throw new UsageError(error instanceof Error ? error.message : String(error));
    }
    const sim = await createSimulator({
      port: integer(values.port, 'port', 8787, 0, 65535),
      host: values.host ?? '127.0.0.1',
      seed: integer(values.seed, 'seed', 1, 0, 2 ** 32 - 1),
      suppliedShare: share(values['supplied-share']),
    });
    const info = { baseUrl: sim.baseUrl, userId: sim.userId, token: sim.token, adminUrl: sim.adminUrl };
    if (values.json) console.log(JSON.stringify(info));
    else {
      console.log(`Order API simulator listening.
  API base URL   ${info.baseUrl}
  user id        ${info.userId}
  token          ${info.token}
  control        ${info.adminUrl}
Press Ctrl-C to stop.`);
    }
    await new Promise<void>((resolve) => {
      const stop = () => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        resolve();
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
    await sim.close();
    return 0;
  },
};

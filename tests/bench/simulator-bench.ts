import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { createOrderApiClient } from '../../electron/core/api/order-api-client.ts';
import { createSimulator } from '../../electron/simulator/create-simulator.ts';

/**
 * How fast the simulator starts (the CLI must print its JSON line in under 2 s) and how many
 * client round trips it serves per second. Run: `npx tsx tests/bench/simulator-bench.ts`.
 */

const repo = fileURLToPath(new URL('../../', import.meta.url));

async function cliStartMs(): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, ['bin/label-station.js', 'simulator', '--json', '--port', '0'], { cwd: repo, stdio: ['ignore', 'pipe', 'inherit'] });
  if (!child.stdout) throw new Error('no stdout');
  await once(createInterface({ input: child.stdout }), 'line');
  const elapsed = performance.now() - started;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  await exited;
  return elapsed;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

const starts: number[] = [];
for (let i = 0; i < 5; i++) starts.push(await cliStartMs());
console.log(`CLI start to first JSON line: median ${median(starts).toFixed(0)} ms, max ${Math.max(...starts).toFixed(0)} ms (target < 2000 ms)`);

const inProcess = performance.now();
const sim = await createSimulator({ seed: 1 });
console.log(`createSimulator in-process: ${(performance.now() - inProcess).toFixed(1)} ms`);
const api = createOrderApiClient({ baseUrl: sim.baseUrl, userId: sim.userId, token: sim.token });
for (const [name, call] of [
  ['processed_list', () => api.processedList()],
  ['list 50', () => api.listOrders(0, 50)],
  ['print_order 20 labels', async () => api.printOrder(sim.addBatch(20).processed, 1)],
] as const) {
  const n = 200;
  const t = performance.now();
  for (let i = 0; i < n; i++) await call();
  const ms = (performance.now() - t) / n;
  console.log(`${name}: ${ms.toFixed(2)} ms per round trip (${(1000 / ms).toFixed(0)}/s)`);
}
await sim.close();

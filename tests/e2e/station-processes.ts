import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../../bin/label-station.js', import.meta.url));

export interface RunningProcess {
  child: ChildProcess;
  stop(): Promise<void>;
}

/** Starts `label-station <args>` and resolves with the first stdout line `match` accepts. */
export function startCli(args: string[], match: (line: string) => boolean, env: Record<string, string> = {}): Promise<RunningProcess & { line: string }> {
  const child = spawn(process.execPath, [cli, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return new Promise((resolve, reject) => {
    let buffered = '';
    let errors = '';
    child.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.stdout?.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      const found = lines.find(match);
      if (found) resolve({ child, stop, line: found });
    });
    child.once('exit', (code) => reject(new Error(`label-station ${args[0]} exited with ${code}: ${errors}`)));
  });
}

export interface SimulatorInfo {
  baseUrl: string;
  adminUrl: string;
  userId: string;
  token: string;
}

/** `args` such as `--seed N`: another seed is another seller (its own user id, token and batches). */
export async function startSimulator(args: string[] = []): Promise<RunningProcess & { info: SimulatorInfo }> {
  const running = await startCli(['simulator', '--port', '0', '--json', ...args], (line) => line.startsWith('{"baseUrl"'));
  return { ...running, info: JSON.parse(running.line) as SimulatorInfo };
}

export async function startServe(args: string[], token: string): Promise<RunningProcess & { url: string; origin: string }> {
  const running = await startCli(['serve', '--port', '0', ...args], (line) => line.startsWith('Label Station is ready: open '), { LABEL_STATION_TOKEN: token });
  const url = running.line.slice('Label Station is ready: open '.length).trim();
  return { ...running, url, origin: new URL(url).origin };
}

import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../../../', import.meta.url));

export interface LogLine {
  level: string;
  message: string;
  kind?: string;
  jobId?: string | null;
  processed?: string | null;
}

/** `label-station run` as a child process, its JSON log lines parsed as they come. */
export interface HeadlessChild {
  process: ChildProcess;
  lines: LogLine[];
  stdout: () => string;
  waitForLine(what: string, match: (line: LogLine) => boolean, timeoutMs?: number): Promise<LogLine>;
  kill(signal: NodeJS.Signals): Promise<number | null>;
}

export function spawnHeadless(args: string[], env: Record<string, string>): HeadlessChild {
  const child = spawn(process.execPath, ['bin/label-station.js', 'run', ...args], { cwd: repo, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: LogLine[] = [];
  let text = '';
  let partial = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    text += chunk;
    const parts = (partial + chunk).split('\n');
    partial = parts.pop() ?? '';
    for (const part of parts) if (part.startsWith('{')) lines.push(JSON.parse(part) as LogLine);
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
  return {
    process: child,
    lines,
    stdout: () => text,
    async waitForLine(what, match, timeoutMs = 20_000) {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const found = lines.find(match);
        if (found) return found;
        if (child.exitCode !== null || Date.now() > until) throw new Error(`no log line "${what}"; output:\n${text.slice(-3000)}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    async kill(signal) {
      if (child.exitCode === null) child.kill(signal);
      return exited;
    },
  };
}

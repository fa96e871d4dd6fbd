import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { setTimeout as delay } from 'node:timers/promises';
import { childEnvironment } from './child-environment.ts';
import type { LabelRenderer } from './label-renderer.ts';

export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a program without a shell; `input` is written to its stdin. Rejects only if it cannot start. */
export type RunCommand = (command: string, args: readonly string[], options?: { input?: Buffer }) => Promise<CommandResult>;

export interface PrinterLogger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
}

/** Everything a printer adapter takes from outside, so tests control programs, time and rendering. */
export interface PrinterDeps {
  run: RunCommand;
  now: () => number;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  logger: PrinterLogger;
  /** The label engine: PDF for spoolers and folders, 1-bit raster for thermal printers. */
  labels: LabelRenderer;
  platform: NodeJS.Platform;
  /** Where spooler adapters may write a job's PDF before handing it over. */
  tmpDir: string;
}

export const runCommand: RunCommand = (command, args, options) =>
  new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'], env: childEnvironment({ LC_ALL: 'C' }) });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', reject);
    // A program that exits without reading all its input closes the pipe: its exit code tells why.
    child.stdin.on('error', () => undefined);
    child.on('close', (code) =>
      resolve({ code: code ?? -1, stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8') }),
    );
    child.stdin.end(options?.input);
  });

export const silentLogger: PrinterLogger = { info: () => undefined, warn: () => undefined };

export function defaultPrinterDeps(labels: LabelRenderer): PrinterDeps {
  return {
    run: runCommand,
    now: () => Date.now(),
    sleep: (ms, signal) => delay(ms, undefined, { signal }),
    logger: silentLogger,
    labels,
    platform: process.platform,
    tmpDir: tmpdir(),
  };
}

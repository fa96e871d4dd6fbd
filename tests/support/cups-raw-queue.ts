import { spawnSync } from 'node:child_process';
import { ensureCupsRunning } from './cups-label-printer.ts';

/** The tools `startCupsRawQueue` drives: pass to `missingTools(...)` to skip without them. */
export const cupsRawQueueTools = ['cupsd', 'lpadmin', 'lp', 'lpstat', 'ipptool', 'cupsenable', 'cupsdisable', 'dbus-daemon', 'dbus-send'] as const;

export interface CupsRawQueue {
  /** Unique per call: CUPS is shared by every test running. */
  queue: string;
  disable(): void;
  enable(): void;
  /** `job-state` of a job as CUPS reports it over IPP (`completed`, `processing`, …). */
  jobState(jobId: number): string | undefined;
  remove(): void;
}

let made = 0;

const run = (command: string, args: string[]): string => {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr || result.stdout}`);
  return result.stdout;
};

/**
 * A real CUPS raw queue (no PPD: CUPS passes bytes through unchanged) whose device is
 * `socket://127.0.0.1:PORT`, i.e. the repo's raw test printer: what a USB label printer's
 * queue is, with a TCP socket standing in for the cable.
 */
export async function startCupsRawQueue(port: number, prefix = 'RawLabel'): Promise<CupsRawQueue> {
  await ensureCupsRunning();
  const queue = `${prefix}_${process.pid}_${port}_${++made}`;
  run('lpadmin', ['-p', queue, '-E', '-v', `socket://127.0.0.1:${port}`]);
  return {
    queue,
    disable: () => void run('cupsdisable', [queue]),
    enable: () => void run('cupsenable', [queue]),
    jobState: (jobId) =>
      / job-state \(enum\) = (\S+)/.exec(spawnSync('ipptool', ['-tv', `ipp://localhost/jobs/${jobId}`, 'get-job-attributes.test'], { encoding: 'utf8' }).stdout ?? '')?.[1],
    remove: () => {
      spawnSync('cancel', ['-a', queue]);
      spawnSync('lpadmin', ['-x', queue]);
    },
  };
}

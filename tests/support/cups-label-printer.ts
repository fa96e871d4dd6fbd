import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as delay } from 'node:timers/promises';

/** The tools `startCupsLabelPrinter` drives: pass to `missingTools(...)` to skip without them. */
export const cupsLabelPrinterTools = ['cupsd', 'lpadmin', 'lp', 'lpstat', 'ipptool', 'ippeveprinter', 'dbus-daemon', 'dbus-send'] as const;

export interface CupsLabelPrinter {
  /** The CUPS queue name, unique per call. */
  queue: string;
  /** Where the virtual printer keeps each job it printed, as `<job-id>-<title>.pdf`. */
  spoolDir: string;
  uri: `system:${string}`;
  /** The PDFs the printer has received so far, oldest first. */
  printedFiles(): string[];
  stop(): Promise<void>;
}

const labelsimConf = fileURLToPath(new URL('../fixtures/printers/labelsim.conf', import.meta.url));

const until = async (what: string, ready: () => boolean, timeoutMs = 10_000): Promise<void> => {
  const started = Date.now();
  while (!ready()) {
    if (Date.now() - started > timeoutMs) throw new Error(`CUPS harness: timed out waiting for ${what}`);
    await delay(50);
  }
};

const schedulerRunning = (): boolean => /is running/.test(spawnSync('lpstat', ['-r'], { encoding: 'utf8' }).stdout ?? '');

const systemBusUp = (): boolean =>
  spawnSync('dbus-send', ['--system', '--print-reply', '--dest=org.freedesktop.DBus', '/', 'org.freedesktop.DBus.GetId']).status === 0;

/**
 * The D-Bus system bus (ippeveprinter needs it even without DNS-SD) and cupsd, started if absent.
 * A bus that died leaves its socket and pid file behind, so the bus is asked, not the file system.
 */
export async function ensureCupsRunning(): Promise<void> {
  if (!systemBusUp()) {
    mkdirSync('/run/dbus', { recursive: true });
    rmSync('/run/dbus/pid', { force: true });
    rmSync('/run/dbus/system_bus_socket', { force: true });
    spawnSync('dbus-daemon', ['--system', '--fork']);
    await until('the D-Bus system bus', systemBusUp);
  }
  if (!schedulerRunning()) spawnSync('/usr/sbin/cupsd');
  await until('the CUPS scheduler', schedulerRunning);
}

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (address !== null && typeof address !== 'string' ? resolve(address.port) : reject(new Error('no port'))));
    });
  });

// ipptool's stock test "fails" on attributes this printer does not have; the status code is what counts.
const printerAnswers = (port: number): boolean =>
  /status-code = successful-ok/.test(
    spawnSync('ipptool', ['-T', '2', '-tv', `ipp://127.0.0.1:${port}/ipp/print`, 'get-printer-attributes.test'], { encoding: 'utf8' }).stdout ?? '',
  );

/**
 * A real IPP label printer behind a real CUPS queue: `ippeveprinter` with 100×150 mm label media
 * (it completes each job at once, or after `printSeconds`, and keeps its PDF in a fresh spool folder), and a CUPS queue
 * `lpadmin -m everywhere` pointing at it. Each call makes its own printer, port and queue, so
 * test files can run in parallel.
 */
export async function startCupsLabelPrinter(options: { printSeconds?: number } = {}): Promise<CupsLabelPrinter> {
  await ensureCupsRunning();
  const spoolDir = mkdtempSync(join(tmpdir(), 'labelsim-'));
  const port = await freePort();
  const queue = `LabelSim_${process.pid}_${port}`;
  let printCommand = '/bin/true';
  if (options.printSeconds) {
    // A slow printer leaves time to stop the queue or cancel a job while it prints.
    printCommand = join(spoolDir, '.print.sh');
    writeFileSync(printCommand, `#!/bin/sh\nsleep ${options.printSeconds}\n`);
    chmodSync(printCommand, 0o755);
  }
  const printer = spawn('ippeveprinter', ['-k', '-c', printCommand, '-d', spoolDir, '-a', labelsimConf, '-p', String(port), '-r', 'off', queue], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  printer.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-2000);
  });
  const exited = new Promise<void>((resolve) => printer.once('exit', () => resolve()));
  try {
    await until(`ippeveprinter on port ${port}`, () => {
      if (printer.exitCode !== null) throw new Error(`CUPS harness: ippeveprinter exited (${printer.exitCode}): ${stderr.trim()}`);
      return printerAnswers(port);
    });
    execFileSync('lpadmin', ['-p', queue, '-E', '-v', `ipp://127.0.0.1:${port}/ipp/print`, '-m', 'everywhere']);
    // lpadmin returns before CUPS has written the queue's PPD; jobs sent before then fail.
    await until(`the PPD of ${queue}`, () => existsSync(`/etc/cups/ppd/${queue}.ppd`));
  } catch (error) {
    printer.kill();
    throw error;
  }
  return {
    queue,
    spoolDir,
    uri: `system:${queue}`,
    printedFiles: () =>
      readdirSync(spoolDir)
        .filter((name) => name.endsWith('.pdf'))
        .sort((a, b) => Number.parseInt(a, 10) - Number.parseInt(b, 10))
        .map((name) => join(spoolDir, name)),
    async stop() {
      spawnSync('cancel', ['-a', queue]);
      spawnSync('lpadmin', ['-x', queue]);
      printer.kill();
      await exited;
      rmSync(spoolDir, { recursive: true, force: true });
    },
  };
}

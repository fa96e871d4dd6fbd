import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimulator } from '../../../electron/simulator/create-simulator.ts';
import type { Simulator } from '../../../electron/simulator/simulator-types.ts';
import { startRawPrinter, type RawPrinter } from '../../support/raw-printer.ts';
import { canMountSmallDisk, mountSmallDisk, type SmallDisk } from '../../support/small-disk.ts';
import { spawnHeadless, type HeadlessChild, type LogLine } from './headless-child.ts';
import { printOrderCalls } from './station-rig.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.skipIf(!canMountSmallDisk())('a headless station whose disk fills up', () => {
  let sim: Simulator;
  let printer: RawPrinter;
  let dir: string;
  let args: string[];
  let env: Record<string, string>;
  let small: SmallDisk;
  let journalPath: string;

  beforeAll(async () => {
    small = mountSmallDisk(24);
    journalPath = join(small.dir, 'data', 'journal.db');
    sim = await createSimulator({ seed: 13, port: 0 });
    printer = await startRawPrinter();
    dir = mkdtempSync(join(tmpdir(), 'disk-full-'));
    const config = join(dir, 'station.json');
    writeFileSync(config, JSON.stringify({ printers: [{ id: 'desk', name: 'Desk', uri: `escpos://127.0.0.1:${printer.port}`, labelsPerJob: 2 }], defaultPrinterId: 'desk' }));
    args = ['--config', config, '--api', sim.baseUrl, '--user', sim.userId, '--data-dir', join(small.dir, 'data'), '--poll', '2', '--auto-print'];
    env = { LABEL_STATION_TOKEN: sim.token };
  });
  afterAll(async () => {
    await printer.stop();
    await sim.close();
    small.unmount();
    rmSync(dir, { recursive: true, force: true });
  });

  const diskFull = (l: LogLine) => l.kind === 'disk-full' && l.level === 'error';
  const expectSaysDiskFull = (line: LogLine) => {
    expect(line.message).toContain('disk full');
    expect(line.message).toContain(journalPath);
    expect(line.message).toMatch(/free at least 8\.0 MB on its disk \(0\.\d MB free now\)/);
  };

  it('stops taking work with one clear line, keeps its journal, and prints the waiting batch once there is room', { timeout: 90_000 }, async () => {
    const child = spawnHeadless(args, env);
    await child.waitForLine('first poll', (l) => l.kind === 'batches-listed');
    small.fill();
    const { processed } = sim.addBatch(4);
    expectSaysDiskFull(await child.waitForLine('disk full', diskFull));
    // Up, and taking no new work: the new batch is not claimed while the disk is full.
    await sleep(5000);
    expect(child.process.exitCode).toBeNull();
    expect(printOrderCalls(sim, processed)).toEqual([]);
    expect(child.stdout()).not.toMatch(/cannot rollback|SQLITE_|at .*\.ts:\d+/);

    small.free();
    await child.waitForLine('room again', (l) => l.kind === 'disk-space-back', 30_000);
    await child.waitForLine('the waiting batch printed', (l) => l.kind === 'job-done' && l.processed === processed, 30_000);
    expect(printOrderCalls(sim, processed)).toEqual([1]);
    expect(await child.kill('SIGTERM')).toBe(0);
  });

  it('restarted on a full disk, says so and waits, then starts when there is room', { timeout: 90_000 }, async () => {
    small.fill();
    let child: HeadlessChild | undefined;
    try {
      child = spawnHeadless(args, env);
      expectSaysDiskFull(await child.waitForLine('disk full at start', diskFull));
      await sleep(3000);
      expect(child.process.exitCode).toBeNull();
      expect(child.stdout()).not.toMatch(/cannot rollback|SQLITE_/);
    } finally {
      small.free();
    }
    await child.waitForLine('started once there is room', (l) => l.kind === 'station-started', 30_000);
    const { processed } = sim.addBatch(2);
    await child.waitForLine('a new batch printed', (l) => l.kind === 'job-done' && l.processed === processed, 30_000);
    expect(await child.kill('SIGTERM')).toBe(0);
  });
});

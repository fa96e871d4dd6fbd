import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimulator } from '../../../electron/simulator/create-simulator.ts';
import type { Simulator } from '../../../electron/simulator/simulator-types.ts';
import { spawnHeadless } from './headless-child.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('a headless station whose token the server rejects', () => {
  let sim: Simulator;
  let dir: string;
  let args: string[];

  beforeAll(async () => {
    sim = await createSimulator({ seed: 9, port: 0 });
    dir = mkdtempSync(join(tmpdir(), 'token-rejected-'));
    args = ['--api', sim.baseUrl, '--user', sim.userId, '--data-dir', join(dir, 'data'), '--poll', '2'];
  });
  afterAll(async () => {
    await sim.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stays up saying what to do, stops cleanly on SIGTERM, and the restart with a new token carries on', { timeout: 60_000 }, async () => {
    const wrongToken = 'not-the-token-0123456789';
    const child = spawnHeadless(args, { LABEL_STATION_TOKEN: wrongToken });
    const advice = await child.waitForLine('what to do', (l) => l.kind === 'waiting-for-token');
    expect(advice.level).toBe('error');
    expect(advice.message).toMatch(/start it again with the new token in LABEL_STATION_TOKEN/);
    // It used to end here, exit code 13, its lock left behind. Several poll intervals later it waits still.
    await sleep(5000);
    expect(child.process.exitCode).toBeNull();
    expect(sim.calls().filter((c) => c.status === 401)).toHaveLength(1);
    expect(await child.kill('SIGTERM')).toBe(0);
    expect(child.stdout()).not.toContain(wrongToken);

    // The documented way out: the same station started again with the new token.
    const next = spawnHeadless(args, { LABEL_STATION_TOKEN: sim.token });
    await next.waitForLine('a poll with the new token', (l) => l.kind === 'batches-listed');
    expect(await next.kill('SIGINT')).toBe(0);
  });
});

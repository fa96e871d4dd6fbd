import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSimulator } from '../../../electron/simulator/create-simulator.ts';
import type { Simulator } from '../../../electron/simulator/simulator-types.ts';
import { spawnHeadless, type HeadlessChild } from '../station/headless-child.ts';

/**
 * CUPS's tools replaced by scripts that write down the environment they were started with:
 * whatever the station starts to print, it starts with exactly that.
 */
function fakeCupsTools(dir: string, dumps: string): string {
  const bin = join(dir, 'bin');
  mkdirSync(bin);
  for (const tool of ['lp', 'lpstat', 'ipptool', 'cancel']) {
    const answer = tool === 'lp' ? 'cat > /dev/null; echo "request id is EnvProbe-1 (1 file(s))"; exit 0' : 'exit 1';
    // Written aside, then renamed: a reader never sees half a dump.
    writeFileSync(join(bin, tool), `#!/bin/sh\nenv > "${dumps}/.${tool}.$$" && mv "${dumps}/.${tool}.$$" "${dumps}/${tool}.$$"\n${answer}\n`);
    chmodSync(join(bin, tool), 0o755);
  }
  return bin;
}

let sim: Simulator;
let dir: string;
let child: HeadlessChild | undefined;

beforeEach(async () => {
  sim = await createSimulator({ seed: 5, port: 0 });
  dir = mkdtempSync(join(tmpdir(), 'ls-child-env-'));
});

afterEach(async () => {
  await child?.kill('SIGKILL');
  child = undefined;
  await sim.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('what the programs the station starts can see', () => {
  it('never the API token, the web UI token or anything else of the parent beyond what a tool needs', async () => {
    const dumps = join(dir, 'dumps');
    mkdirSync(dumps);
    const bin = fakeCupsTools(dir, dumps);
    const uiToken = 'u'.repeat(40);
    child = spawnHeadless(
      ['--api', sim.baseUrl, '--user', sim.userId, '--printer', 'system:EnvProbe', '--data-dir', join(dir, 'data'), '--poll', '2', '--auto-print'],
      { PATH: `${bin}:${process.env.PATH ?? ''}`, LABEL_STATION_TOKEN: sim.token, LABEL_STATION_UI_TOKEN: uiToken, DEPLOY_SECRET: 'not-for-children', LC_TIME: 'id_ID.UTF-8' },
    );
    await child.waitForLine('auto-print on', (line) => line.kind === 'auto-print');
    sim.addBatch(1);
    const finished = () => readdirSync(dumps).filter((name) => !name.startsWith('.'));
    await vi.waitFor(() => expect(finished().length).toBeGreaterThan(0), { timeout: 20_000, interval: 100 });

    for (const name of finished()) {
      const text = readFileSync(join(dumps, name), 'utf8');
      const names = text.split('\n').filter(Boolean).map((line) => line.slice(0, line.indexOf('=')));
      expect(text, name).not.toContain(sim.token);
      expect(text, name).not.toContain(uiToken);
      expect(names, name).not.toContain('LABEL_STATION_TOKEN');
      expect(names, name).not.toContain('LABEL_STATION_UI_TOKEN');
      expect(names, name).not.toContain('DEPLOY_SECRET');
      expect(text, name).toContain(`PATH=${bin}:`);
      expect(text, name).toContain('LC_ALL=C');
      expect(text, name).toContain('LC_TIME=id_ID.UTF-8');
    }
  });
});

import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'libsql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimulator } from '../../../electron/simulator/create-simulator.ts';
import type { Simulator } from '../../../electron/simulator/simulator-types.ts';
import { canMountSmallDisk, mountSmallDisk } from '../../support/small-disk.ts';
import { spawnHeadless } from './headless-child.ts';

const repo = fileURLToPath(new URL('../../../', import.meta.url));

/** `label-station run` on this data folder: its exit code and everything it wrote. */
async function runOn(dataDir: string, sim: Simulator): Promise<{ code: number | null; output: string }> {
  const child = spawnHeadless(['--api', sim.baseUrl, '--user', sim.userId, '--data-dir', dataDir], { LABEL_STATION_TOKEN: sim.token });
  const code = await new Promise<number | null>((resolve) => {
    // A station that starts is a failure here: stop it, and the assertions below say why.
    const timer = setTimeout(() => child.process.kill('SIGKILL'), 20_000);
    child.process.once('exit', (exit) => {
      clearTimeout(timer);
      resolve(exit);
    });
  });
  return { code, output: child.stdout() };
}

/** One line an operator can act on: no stack trace, no bare SQLite or errno code. */
function expectOneClearLine(output: string, ...says: RegExp[]): void {
  const lines = output.trim().split('\n');
  expect(lines, output).toHaveLength(1);
  expect(lines[0]).toMatch(/^label-station run: /);
  expect(output).not.toMatch(/\n\s+at |SQLITE_|ConnectionFailed|errno/);
  for (const phrase of says) expect(lines[0]).toMatch(phrase);
}

describe('the station refuses damaged or unusable files with one clear line', () => {
  let sim: Simulator;
  let dir: string;
  beforeAll(async () => {
    sim = await createSimulator({ seed: 17, port: 0 });
    dir = mkdtempSync(join(tmpdir(), 'file-faults-'));
  });
  afterAll(async () => {
    await sim.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a corrupt journal: names it and says to restore a backup', async () => {
    const data = join(dir, 'corrupt');
    mkdirSync(data);
    writeFileSync(join(data, 'journal.db'), Buffer.alloc(8192, 0x41));
    const { code, output } = await runOn(data, sim);
    expect(code).toBe(1);
    expectOneClearLine(output, new RegExp(`${join(data, 'journal.db')} is damaged`), /run `label-station restore` to put the newest whole backup from .*backups in its place/);
  });

  it('a journal from a newer app: names it and says to update', async () => {
    const data = join(dir, 'newer');
    mkdirSync(data);
    const db = new Database(join(data, 'journal.db'));
    db.exec('PRAGMA user_version = 99');
    db.close();
    const { code, output } = await runOn(data, sim);
    expect(code).toBe(1);
    expectOneClearLine(output, new RegExp(`the journal ${join(data, 'journal.db')} was written by a newer Label Station \\(schema 99`), /update the app/);
  });

  it('a damaged key file: names it and says to delete it and give the token again', async () => {
    const data = join(dir, 'key');
    mkdirSync(data);
    writeFileSync(join(data, 'station.key'), 'half a ke');
    const { code, output } = await runOn(data, sim);
    expect(code).toBe(1);
    expectOneClearLine(output, new RegExp(`the key file ${join(data, 'station.key')} is damaged: delete it`), /give the API token again/);
  });

  it('a data folder that cannot exist (a file is in its way): names it', async () => {
    writeFileSync(join(dir, 'a-file'), '');
    const { code, output } = await runOn(join(dir, 'a-file', 'data'), sim);
    expect(code).toBe(1);
    expectOneClearLine(output, new RegExp(`the data folder ${join(dir, 'a-file', 'data')} does not exist and cannot be made`));
  });

  it('a damaged journal comes back from the backup the station made at its start, with label-station restore', { timeout: 60_000 }, async () => {
    const data = join(dir, 'restore');
    const args = ['--api', sim.baseUrl, '--user', sim.userId, '--data-dir', data];
    const station = spawnHeadless(args, { LABEL_STATION_TOKEN: sim.token });
    const backedUp = await station.waitForLine('the backup at start', (l) => l.kind === 'journal-backup');
    expect(backedUp.message).toContain(join(data, 'backups', 'journal-'));
    await station.waitForLine('first poll', (l) => l.kind === 'batches-listed');
    expect(await station.kill('SIGTERM')).toBe(0);

    // The disk mangles the journal while the station is off.
    rmSync(join(data, 'journal.db-wal'), { force: true });
    rmSync(join(data, 'journal.db-shm'), { force: true });
    writeFileSync(join(data, 'journal.db'), Buffer.alloc(16384, 0x41));
    expect((await runOn(data, sim)).output).toMatch(/is damaged/);

    const restore = spawnSync(process.execPath, ['bin/label-station.js', 'restore', '--data-dir', data], { cwd: repo, encoding: 'utf8' });
    expect(restore.status, restore.stderr).toBe(0);
    expect(restore.stdout).toMatch(new RegExp(`restored ${join(data, 'journal.db')} from .*backups/journal-\\d+T\\d+Z\\.db; the journal it replaced is kept at .*journal\\.db\\.replaced-`));
    const again = spawnHeadless(args, { LABEL_STATION_TOKEN: sim.token });
    await again.waitForLine('a poll on the restored journal', (l) => l.kind === 'batches-listed');
    expect(await again.kill('SIGTERM')).toBe(0);
  });

  it.skipIf(!canMountSmallDisk())('a read-only data folder: names it and says to make it writable', async () => {
    const readOnly = mountSmallDisk(1, { readOnly: true });
    try {
      const { code, output } = await runOn(readOnly.dir, sim);
      expect(code).toBe(1);
      expectOneClearLine(output, /\(read-only\): make the data folder .* writable by this user, or choose another data folder/);
    } finally {
      readOnly.unmount();
    }
  });
});

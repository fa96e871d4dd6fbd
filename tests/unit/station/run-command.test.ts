import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UsageError, type CliContext } from '../../../electron/headless/cli-command.ts';
import { runCommand } from '../../../electron/headless/commands/run.ts';
import { readHeadlessConfig } from '../../../electron/headless/headless-station.ts';

// Every case is refused before the station would need a file of the app.
const context: CliContext = { assetsDir: '/nonexistent', rendererDir: () => Promise.reject(new Error('not served')) };

describe('label-station run: what it refuses before starting', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'run-cmd-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('never takes the token as a flag', async () => {
    await expect(runCommand.run(['--token', 'secret'], context)).rejects.toThrow(UsageError);
    await expect(runCommand.run(['--token', 'secret'], context)).rejects.toThrow(/LABEL_STATION_TOKEN/);
  });

  it('explains a bad poll interval, template or unknown flag', async () => {
    await expect(runCommand.run(['--poll', '1'], context)).rejects.toThrow(/between 2 and 3600/);
    await expect(runCommand.run(['--template', '4x6'], context)).rejects.toThrow(/unknown template "4x6"/);
    await expect(runCommand.run(['--printr', 'x'], context)).rejects.toThrow(UsageError);
  });

  it('reads a config file, but never a token from it', () => {
    const good = join(dir, 'good.json');
    writeFileSync(good, JSON.stringify({ apiBaseUrl: 'http://127.0.0.1:1/public', printer: 'pdf-dir:/tmp/x', autoPrint: true }));
    expect(readHeadlessConfig(good)).toMatchObject({ printer: 'pdf-dir:/tmp/x', autoPrint: true });
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ token: 'secret' }));
    expect(() => readHeadlessConfig(bad)).toThrow(/never read from a file: set LABEL_STATION_TOKEN/);
    expect(() => readHeadlessConfig(join(dir, 'missing.json'))).toThrow(/cannot read the config file/);
  });
});

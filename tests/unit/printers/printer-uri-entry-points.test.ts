import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UsageError } from '../../../electron/headless/cli-command.ts';
import { runCommand } from '../../../electron/headless/commands/run.ts';
import { readHeadlessConfig } from '../../../electron/headless/headless-station.ts';
import { Journal } from '../../../electron/core/station/journal.ts';
import { StationSettings } from '../../../electron/core/station/station-settings.ts';
import { callStationMethod } from '../../../electron/shared/station-transport.ts';
import { createFakeStation } from '../../support/fake-station.ts';

const unusedSecrets = { seal: (text: string) => text, open: (text: string) => text };

/** The command line is refused before the station needs any of this. */
const cliContext = { assetsDir: '', rendererDir: () => Promise.reject(new Error('not needed')) };

describe('a bad printer URI is refused where it comes in, naming the field', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'printer-uri-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('--printer on the command line: a usage error before anything starts', async () => {
    const failure = runCommand.run(['--printer', 'escpos://192.168.1.50:99999', '--data-dir', dir], cliContext);
    await expect(failure).rejects.toThrow(UsageError);
    await expect(failure).rejects.toThrow('--printer: port 99999 is out of range 1–65535');
    await expect(runCommand.run(['--printer', 'zpl://host/print?x'], cliContext)).rejects.toThrow(/--printer: zpl:\/\/ takes only a host and a port/);
  });

  it('the config file: its printer and each profile of its printers', () => {
    const file = join(dir, 'config.json');
    writeFileSync(file, JSON.stringify({ printer: 'tspl://printer.local:70000' }));
    expect(() => readHeadlessConfig(file)).toThrow(`the config file ${file} is wrong at "printer": port 70000 is out of range 1–65535`);
    writeFileSync(file, JSON.stringify({ printers: [{ name: 'Desk', uri: 'pdf-dir:labels' }] }));
    expect(() => readHeadlessConfig(file)).toThrow(/wrong at "printers.0.uri": the folder "labels" is not a full path/);
  });

  it('savePrinter over a transport: refused before it reaches the station', async () => {
    const station = createFakeStation();
    await expect(callStationMethod(station, 'savePrinter', { name: 'Desk', uri: 'escpos://host:99999' })).rejects.toThrow('savePrinter: uri: port 99999 is out of range 1–65535');
  });

  it('savePrinter in the core: refused, and nothing is stored', () => {
    const journal = new Journal(join(dir, 'journal.db'), () => 0);
    try {
      const settings = new StationSettings(journal, unusedSecrets, 10, () => 'p1');
      expect(() => settings.savePrinter({ name: 'Desk', uri: 'escpos://host:99999' })).toThrow(/port 99999 is out of range/);
      expect(settings.printers()).toEqual([]);
    } finally {
      journal.close();
    }
  });

  it('a profile stored by an older, laxer version hides only itself, not the other printers', () => {
    const journal = new Journal(join(dir, 'journal.db'), () => 0);
    try {
      const settings = new StationSettings(journal, unusedSecrets, 10, () => 'good');
      const good = settings.savePrinter({ name: 'Desk', uri: 'tspl://10.0.0.7' });
      journal.setSettings({ printers: [{ ...good, id: 'old', uri: 'escpos://host:99999' }, good] });
      expect(settings.printers().map((p) => p.id)).toEqual(['good']);
    } finally {
      journal.close();
    }
  });
});

import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openPrinter } from '../../../electron/core/printers/index.ts';
import { silentLogger } from '../../../electron/core/station/station-options.ts';
import { fileURLToPath } from 'node:url';
import { startDemoStation } from '../../../electron/app/demo-station.ts';
import { startStation } from '../../../electron/app/start-station.ts';
import { headlessShell } from '../../../electron/headless/headless-station.ts';
import { printerProfileInputSchema, type PrinterProfile } from '../../../electron/shared/printer-profile.ts';
import { batchOfLabels } from '../../support/printer-labels.ts';

const assetsDir = fileURLToPath(new URL('../../../assets/', import.meta.url));
const modeOf = (path: string): number => statSync(path).mode & 0o777;
const pdfsIn = (folder: string): string[] => readdirSync(folder).filter((name) => name.endsWith('.pdf')).map((name) => join(folder, name));

const hotFolder = (folder: string, fileMode?: string): PrinterProfile => ({
  id: 'hot', name: 'Hot folder', uri: `pdf-dir:${folder}`, template: '100x150', dpi: 203, offsetXmm: 0, offsetYmm: 0, darkness: null, labelsPerJob: 5,
  ...(fileMode ? { fileMode } : {}),
});

let dir: string;
let umask: number;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ls-modes-'));
  // The usual desktop umask: left alone, mkdir gives 0755 and files 0644.
  umask = process.umask(0o022);
});

afterEach(() => {
  process.umask(umask);
  rmSync(dir, { recursive: true, force: true });
});

describe('modes on disk: the data folder and label files hold names, phones and addresses', () => {
  it('pdf-dir writes label files 0600 into folders it creates 0700', async () => {
    const folder = join(dir, 'new', 'labels');
    await openPrinter(hotFolder(folder)).print(batchOfLabels(2), () => undefined);
    expect(modeOf(join(dir, 'new')).toString(8)).toBe('700');
    expect(modeOf(folder).toString(8)).toBe('700');
    const files = pdfsIn(folder);
    expect(files).toHaveLength(1);
    expect(files.map((file) => modeOf(file).toString(8))).toEqual(['600']);
  });

  it('a shared hot folder gets the mode its profile asks for, whatever the umask', async () => {
    process.umask(0o077);
    const folder = join(dir, 'shared');
    await openPrinter(hotFolder(folder, '0644')).print(batchOfLabels(1), () => undefined);
    expect(modeOf(folder).toString(8)).toBe('755');
    expect(pdfsIn(folder).map((file) => modeOf(file).toString(8))).toEqual(['644']);

    const group = join(dir, 'group');
    await openPrinter(hotFolder(group, '640')).printTestPage();
    expect(modeOf(group).toString(8)).toBe('750');
    expect(pdfsIn(group).map((file) => modeOf(file).toString(8))).toEqual(['640']);
  });

  it('leaves a folder the owner made as it is, and still writes the files private', async () => {
    const folder = join(dir, 'existing');
    mkdirSync(folder);
    chmodSync(folder, 0o775);
    await openPrinter(hotFolder(folder)).printTestPage();
    expect(modeOf(folder).toString(8)).toBe('775');
    expect(pdfsIn(folder).map((file) => modeOf(file).toString(8))).toEqual(['600']);
  });

  it('refuses a file mode that is executable, not octal or not the owner\'s to write', () => {
    for (const fileMode of ['0755', '0400', '0666x', '600 ', '0601', 'rw-r--r--']) {
      expect(printerProfileInputSchema.safeParse({ name: 'x', uri: 'pdf-dir:/x', fileMode }).success, fileMode).toBe(false);
    }
  });

  it('a headless station creates its data folder 0700 and its journal 0600', async () => {
    const dataDir = join(dir, 'fresh', 'station');
    const headless = await startStation({ ...headlessShell({ dataDir, env: {}, logger: silentLogger }, assetsDir), autoStart: false });
    await headless.stop();
    expect(modeOf(join(dir, 'fresh')).toString(8)).toBe('700');
    expect(modeOf(dataDir).toString(8)).toBe('700');
    expect(modeOf(join(dataDir, 'journal.db')).toString(8)).toBe('600');
  });

  it('the demo creates its folders 0700 and writes its label PDFs 0600', async () => {
    const dataDir = join(dir, 'demo-home');
    const demo = await startDemoStation({ ...headlessShell({ dataDir, env: {}, logger: silentLogger }, assetsDir), autoStart: false });
    try {
      const printer = (await demo.station.getSettings({})).printers[0];
      expect(printer).toBeDefined();
      await demo.station.printTestPage({ id: printer?.id ?? '' });
    } finally {
      await demo.stop();
    }
    for (const folder of [dataDir, join(dataDir, 'demo'), demo.labelsDir]) expect(modeOf(folder).toString(8), folder).toBe('700');
    expect(pdfsIn(demo.labelsDir).map((file) => modeOf(file).toString(8))).toEqual(['600']);
  });
});

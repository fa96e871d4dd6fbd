import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../../../electron/core/station/station-options.ts';
import { startShell, type Shell } from '../../../electron/main/start-shell.ts';
import { stationMethodNames } from '../../../electron/shared/station-api.ts';
import { createElectronMock } from './electron-mock.ts';

const paths = { rendererDir: '/opt/app/renderer', preload: '/opt/app/preload.cjs', icon: '/opt/app/icon.png', assetsDir: fileURLToPath(new URL('../../../assets/', import.meta.url)) };
let shell: Shell | undefined;
let dir: string | undefined;

afterEach(async () => {
  await shell?.headless()?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
  shell = undefined;
});

describe('desktop shell wiring', () => {
  it('a second instance hands over and quits without opening anything', () => {
    const { electron, record } = createElectronMock({ gotLock: false, userData: '/nonexistent' });
    shell = startShell(electron, paths);
    expect(record.quit).toBe(1);
    expect(record.windows).toEqual([]);
    expect(record.handlers.size).toBe(0);
  });

  it('starts the demo station, a locked window on the app origin, IPC for every method and the tray', async () => {
    dir = mkdtempSync(join(tmpdir(), 'ls-shell-'));
    const { electron, record } = createElectronMock({ gotLock: true, userData: dir });
    shell = startShell(electron, paths, { argv: ['electron', '.'], logger: silentLogger });
    await vi.waitFor(() => expect(record.trays).toHaveLength(1), { timeout: 10_000 });

    expect(record.schemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
    expect(record.protocolHandlers).toEqual(['app']);
    expect(record.permissionsDenied).toBe(true);
    const [window] = record.windows;
    expect(window?.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, preload: paths.preload });
    expect(window?.url).toBe('app://label-station/index.html');
    expect(window?.shown).toBe(true);
    expect([...record.handlers.keys()]).toHaveLength(stationMethodNames.length);

    const state = await shell.headless()?.station.getState({});
    expect(state?.demo).toBe(true);
    const found = await shell.headless()?.station.discoverPrinters({});
    expect(found).toContainEqual(expect.objectContaining({ uri: 'system:Office_Laser', name: 'Office Laser', kind: 'system' }));
    expect(record.trays[0]?.tooltip).toBe('Label Station — cetak otomatis mati');
  });

  it('says why and quits when the station cannot start', async () => {
    dir = mkdtempSync(join(tmpdir(), 'ls-shell-'));
    const notAFolder = join(dir, 'file');
    writeFileSync(notAFolder, 'not a folder');
    const { electron, record } = createElectronMock({ gotLock: true, userData: notAFolder });
    shell = startShell(electron, paths, { argv: ['electron', '.'], logger: silentLogger });
    await vi.waitFor(() => expect(record.errorBoxes).toHaveLength(1), { timeout: 10_000 });
    expect(record.errorBoxes[0]).toMatch(/^The station cannot start: .*file/);
    expect(record.quit).toBe(1);
    expect(record.windows).toEqual([]);
  });

  it("the tray's auto-print item opens the window and asks before switching on; cancelled, it stays off", async () => {
    dir = mkdtempSync(join(tmpdir(), 'ls-shell-'));
    const { electron, record } = createElectronMock({ gotLock: true, userData: dir });
    shell = startShell(electron, paths, { argv: ['electron', '.', '--minimised'], logger: silentLogger });
    await vi.waitFor(() => expect(record.trays).toHaveLength(1), { timeout: 10_000 });
    const item = (record.trays[0]?.menu as { label?: string; click?: () => void }[]).find((i) => i.label === 'Cetak otomatis');
    item?.click?.();
    await vi.waitFor(() => expect(record.messageBoxes).toHaveLength(1));
    expect(record.messageBoxes[0]?.message).toBe('Nyalakan cetak otomatis?');
    expect(record.windows[0]?.shown).toBe(true);
    expect((await shell.headless()?.station.getState({}))?.autoPrint.enabled).toBe(false);
  });

  it('closing the window hides it: the station keeps printing', async () => {
    dir = mkdtempSync(join(tmpdir(), 'ls-shell-'));
    const { electron, record } = createElectronMock({ gotLock: true, userData: dir });
    shell = startShell(electron, paths, { argv: ['electron', '.', '--minimised'], logger: silentLogger });
    await vi.waitFor(() => expect(record.trays).toHaveLength(1), { timeout: 10_000 });
    const [window] = record.windows;
    expect(window?.shown).toBe(false);
    window?.show();
    let prevented = false;
    window?.emit('close', { preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
    expect(window?.shown).toBe(false);
  });
});

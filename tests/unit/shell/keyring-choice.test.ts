import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createKeyFileSecretStore } from '../../../electron/core/station/key-file-secret-store.ts';
import { createSafeStorageSecretStore, keychainProtects } from '../../../electron/main/safe-storage-secret-store.ts';
import { startShell, type Shell } from '../../../electron/main/start-shell.ts';
import { createSimulator } from '../../../electron/simulator/create-simulator.ts';
import type { Simulator } from '../../../electron/simulator/simulator-types.ts';
import { createElectronMock, type MockSafeStorage } from './electron-mock.ts';

const paths = { rendererDir: '/opt/app/renderer', preload: '/opt/app/preload.cjs', icon: '/opt/app/icon.png', assetsDir: fileURLToPath(new URL('../../../assets/', import.meta.url)) };
const dirs: string[] = [];
const tempDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'ls-keyring-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function keychain(state: MockSafeStorage) {
  const sealedByKeychain: string[] = [];
  return {
    sealedByKeychain,
    safeStorage: {
      isEncryptionAvailable: () => state.available,
      getSelectedStorageBackend: () => state.backend,
      encryptString: (plain: string) => {
        sealedByKeychain.push(plain);
        return Buffer.from(plain, 'utf8').reverse();
      },
      decryptString: (sealed: Buffer) => Buffer.from(sealed).reverse().toString('utf8'),
    },
  };
}

describe('which store seals the token', () => {
  it('on Linux with only basic_text (a fixed password), the key file, never safeStorage', () => {
    const dir = tempDir();
    const { safeStorage, sealedByKeychain } = keychain({ available: true, backend: 'basic_text' });
    const store = createSafeStorageSecretStore(safeStorage, createKeyFileSecretStore(dir), 'linux');
    const sealed = store.seal('sk-live-token');
    expect(sealedByKeychain).toEqual([]);
    expect(sealed.startsWith('safe:')).toBe(false);
    expect(sealed).not.toContain('sk-live-token');
    expect(existsSync(join(dir, 'station.key'))).toBe(true);
    expect(store.open(sealed)).toBe('sk-live-token');
  });

  it.each(['gnome_libsecret', 'kwallet5', 'kwallet6'] as const)('on Linux with %s, the keyring', (backend) => {
    const { safeStorage, sealedByKeychain } = keychain({ available: true, backend });
    const store = createSafeStorageSecretStore(safeStorage, createKeyFileSecretStore(tempDir()), 'linux');
    expect(store.seal('sk-live-token').startsWith('safe:')).toBe(true);
    expect(sealedByKeychain).toEqual(['sk-live-token']);
  });

  it('on Linux with a backend it cannot name, the key file', () => {
    expect(keychainProtects(keychain({ available: true, backend: 'unknown' }).safeStorage, 'linux')).toBe(false);
  });

  it('on Windows and macOS, the keychain whenever it is available (there is no basic_text there)', () => {
    const { safeStorage } = keychain({ available: true, backend: 'basic_text' });
    const noBackendQuery = { ...safeStorage, getSelectedStorageBackend: () => { throw new Error('Linux only'); } };
    expect(keychainProtects(noBackendQuery, 'win32')).toBe(true);
    expect(keychainProtects(noBackendQuery, 'darwin')).toBe(true);
    expect(keychainProtects({ ...noBackendQuery, isEncryptionAvailable: () => false }, 'darwin')).toBe(false);
  });
});

describe('the desktop shell on Linux without a keyring', () => {
  let shell: Shell | undefined;
  let sim: Simulator | undefined;
  afterEach(async () => {
    await shell?.headless()?.stop();
    await sim?.close();
    shell = undefined;
  });

  it.skipIf(process.platform !== 'linux')('seals the token of a server connected from the demo with the key file and says so in its log', async () => {
    const userData = tempDir();
    sim = await createSimulator({ seed: 9, port: 0 });
    const { electron, record } = createElectronMock({ gotLock: true, userData, safeStorage: { available: true, backend: 'basic_text' } });
    const warnings: string[] = [];
    const logger = { info: () => undefined, warn: (message: string) => void warnings.push(message), error: () => undefined };
    shell = startShell(electron, paths, { argv: ['electron', '.'], logger });
    await vi.waitFor(() => expect(record.trays).toHaveLength(1), { timeout: 10_000 });
    expect(warnings).toContainEqual(expect.stringContaining('no system keyring'));

    const connected = await shell.headless()?.station.connectServer({ apiBaseUrl: sim.baseUrl, userId: sim.userId, token: sim.token });
    expect(connected?.test.ok).toBe(true);
    expect(connected?.settings.hasToken).toBe(true);
    expect(record.encrypted).toEqual([]);
    expect(existsSync(join(userData, 'station.key'))).toBe(true);
    await vi.waitFor(async () => expect((await shell?.headless()?.station.getState({}))?.connection).toBe('ok'));
  });

  it.skipIf(process.platform !== 'linux')('uses the keyring when there is one', async () => {
    const userData = tempDir();
    sim = await createSimulator({ seed: 9, port: 0 });
    const { electron, record } = createElectronMock({ gotLock: true, userData, safeStorage: { available: true, backend: 'gnome_libsecret' } });
    shell = startShell(electron, paths, { argv: ['electron', '.'], logger: { info: () => undefined, warn: () => undefined, error: () => undefined } });
    await vi.waitFor(() => expect(record.trays).toHaveLength(1), { timeout: 10_000 });
    const connected = await shell.headless()?.station.connectServer({ apiBaseUrl: sim.baseUrl, userId: sim.userId, token: sim.token });
    expect(connected?.test.ok).toBe(true);
    expect(record.encrypted).toContain(sim.token);
  });
});

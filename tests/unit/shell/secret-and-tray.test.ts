import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSafeStorageSecretStore, SecretStorageUnavailableError } from '../../../electron/main/safe-storage-secret-store.ts';
import { createShellPreferencesStore } from '../../../electron/main/shell-preferences.ts';
import { trayMenuTemplate, trayTooltip } from '../../../electron/main/tray-menu.ts';
import { createKeyFileSecretStore } from '../../../electron/core/station/key-file-secret-store.ts';

/** Stands in for the OS keychain: a reversible transform that does not leave the text readable. */
function fakeSafeStorage(available: { value: boolean }) {
  return {
    isEncryptionAvailable: () => available.value,
    encryptString: (plain: string) => Buffer.from(Buffer.from(plain, 'utf8').map((b) => b ^ 0x5a)),
    decryptString: (sealed: Buffer) => Buffer.from(sealed.map((b) => b ^ 0x5a)).toString('utf8'),
    getSelectedStorageBackend: () => 'gnome_libsecret' as const,
  };
}

describe('token storage', () => {
  it('seals with the keychain and never stores the token readable', () => {
    const store = createSafeStorageSecretStore(fakeSafeStorage({ value: true }), createKeyFileSecretStore(mkdtempSync(join(tmpdir(), 'ls-key-'))));
    const sealed = store.seal('sk-live-token');
    expect(sealed).not.toContain('sk-live-token');
    expect(store.open(sealed)).toBe('sk-live-token');
  });

  it('falls back to the key file without a keychain, and says what to do when it disappears', () => {
    const available = { value: false };
    const store = createSafeStorageSecretStore(fakeSafeStorage(available), createKeyFileSecretStore(mkdtempSync(join(tmpdir(), 'ls-key-'))));
    const sealedWithoutKeychain = store.seal('sk-live-token');
    expect(sealedWithoutKeychain).not.toContain('sk-live-token');
    expect(store.open(sealedWithoutKeychain)).toBe('sk-live-token');
    available.value = true;
    const sealed = store.seal('sk-live-token');
    available.value = false;
    expect(() => store.open(sealed)).toThrow(SecretStorageUnavailableError);
  });
});

describe('tray', () => {
  const preferences = { openAtLogin: false, startMinimised: true };

  it('speaks the station language and toggles auto-print and start options', () => {
    const done: string[] = [];
    const actions = {
      open: () => done.push('open'),
      setAutoPrint: (on: boolean) => done.push(`auto-print ${on}`),
      setPreference: (patch: object) => done.push(JSON.stringify(patch)),
      quit: () => done.push('quit'),
    };
    const id = trayMenuTemplate({ language: 'id', autoPrint: true, preferences }, actions);
    expect(id.map((i) => i.label).filter(Boolean)).toEqual(['Buka Label Station', 'Cetak otomatis', 'Mulai bersama sistem', 'Mulai tersembunyi (kios)', 'Keluar']);
    const en = trayMenuTemplate({ language: 'en', autoPrint: true, preferences }, actions);
    const byLabel = (label: string) => en.find((i) => i.label === label);
    expect(byLabel('Auto-print')?.checked).toBe(true);
    byLabel('Auto-print')?.click?.({} as never, undefined, {} as never);
    byLabel('Start with the system')?.click?.({} as never, undefined, {} as never);
    byLabel('Quit')?.click?.({} as never, undefined, {} as never);
    expect(done).toEqual(['auto-print false', '{"openAtLogin":true}', 'quit']);
    expect(trayTooltip({ language: 'en', autoPrint: false, preferences })).toBe('Label Station — auto-print off');
  });

  it('keeps the start options across restarts', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ls-shell-'));
    expect(createShellPreferencesStore(dir).get()).toEqual({ openAtLogin: false, startMinimised: false });
    createShellPreferencesStore(dir).set({ startMinimised: true });
    expect(createShellPreferencesStore(dir).get()).toEqual({ openAtLogin: false, startMinimised: true });
  });
});

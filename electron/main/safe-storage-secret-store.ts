import type { SafeStorage } from 'electron';
import type { SecretStore } from '../core/station/station-options.ts';

export class SecretStorageUnavailableError extends Error {
  override name = 'SecretStorageUnavailableError';
}

export type KeychainSafeStorage = Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString' | 'getSelectedStorageBackend'>;

/** The Linux backends that keep the key in a real keyring; `basic_text` is a password built into Chromium. */
const keyringBackends: ReadonlySet<string> = new Set(['gnome_libsecret', 'kwallet', 'kwallet5', 'kwallet6']);

/**
 * Whether `safeStorage` protects a secret better than the key file. On Linux without a keyring it
 * reports itself available but encrypts with `basic_text`, a fixed password anyone can apply:
 * that is no protection, so it does not count.
 */
export function keychainProtects(safeStorage: KeychainSafeStorage, platform: NodeJS.Platform = process.platform): boolean {
  if (!safeStorage.isEncryptionAvailable()) return false;
  return platform !== 'linux' || keyringBackends.has(safeStorage.getSelectedStorageBackend());
}

/**
 * Seals the API token with the OS keychain's key (`safeStorage`). Where the OS has no keychain
 * (or only `basic_text`), `fallback` (the headless key file) is used rather than storing the
 * token as good as readable.
 */
export function createSafeStorageSecretStore(safeStorage: KeychainSafeStorage, fallback: SecretStore, platform: NodeJS.Platform = process.platform): SecretStore {
  const prefix = 'safe:';
  return {
    seal(plain) {
      if (!keychainProtects(safeStorage, platform)) return fallback.seal(plain);
      return prefix + safeStorage.encryptString(plain).toString('base64');
    },
    open(sealed) {
      if (!sealed.startsWith(prefix)) return fallback.open(sealed);
      if (!safeStorage.isEncryptionAvailable()) {
        throw new SecretStorageUnavailableError('the system keychain is locked or missing, so the stored token cannot be read: unlock it or enter the token again in Settings');
      }
      return safeStorage.decryptString(Buffer.from(sealed.slice(prefix.length), 'base64'));
    },
  };
}

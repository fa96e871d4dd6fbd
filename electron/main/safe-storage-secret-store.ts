import type { SafeStorage } from 'electron';
import type { SecretStore } from '../core/station/station-options.ts';

export class SecretStorageUnavailableError extends Error {
  override name = 'SecretStorageUnavailableError';
}

/**
 * Seals the API token with the OS keychain's key (`safeStorage`). Where the OS has no keychain,
 * `fallback` (the headless key file) is used rather than storing the token readable.
 */
export function createSafeStorageSecretStore(
  safeStorage: Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'>,
  fallback: SecretStore,
): SecretStore {
  const prefix = 'safe:';
  return {
    seal(plain) {
      if (!safeStorage.isEncryptionAvailable()) return fallback.seal(plain);
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

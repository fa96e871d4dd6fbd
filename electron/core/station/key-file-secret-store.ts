import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dataFolderError, KeyFileError } from './station-file-errors.ts';
import type { SecretStore } from './station-options.ts';

const keyText = /^[A-Za-z0-9+/]{43}=$/;

function readKey(keyPath: string): Buffer | undefined {
  let text: string;
  try {
    text = readFileSync(keyPath, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw dataFolderError(error, keyPath);
  }
  // 32 bytes in base64; anything else (cut short by a full disk, edited, another file) is damaged.
  if (!keyText.test(text)) {
    throw new KeyFileError(`the key file ${keyPath} is damaged: delete it, then give the API token again (LABEL_STATION_TOKEN, or Settings)`, keyPath);
  }
  return Buffer.from(text, 'base64');
}

/**
 * The headless station's secret store: AES-256-GCM with a random key kept in `station.key`
 * (mode 0600) beside the journal. It keeps the token out of the journal file, its backups and
 * its logs; it does not protect against someone who can read the data folder as this user (the
 * key is right there). Desktop stations use the OS keychain (`safeStorage`) instead, which does.
 */
export function createKeyFileSecretStore(dataDir: string): SecretStore {
  const keyPath = join(dataDir, 'station.key');
  let key: Buffer | undefined;
  const loadKey = (): Buffer => {
    if (key) return key;
    try {
      key = readKey(keyPath);
      if (!key) {
        mkdirSync(dataDir, { recursive: true, mode: 0o700 });
        key = randomBytes(32);
        writeFileSync(keyPath, key.toString('base64'), { mode: 0o600, flag: 'wx' });
      }
      chmodSync(keyPath, 0o600);
    } catch (error) {
      key = undefined;
      throw dataFolderError(error, keyPath);
    }
    return key;
  };
  const reenter = `give the API token again (LABEL_STATION_TOKEN, or Settings)`;
  return {
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', loadKey(), iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return ['v1', iv.toString('base64'), cipher.getAuthTag().toString('base64'), body.toString('base64')].join('.');
    },
    open(sealed) {
      const [version, iv, tag, body] = sealed.split('.');
      if (version !== 'v1' || !iv || !tag || body === undefined) throw new KeyFileError(`the stored API token is unreadable: ${reenter}`, keyPath);
      const decipher = createDecipheriv('aes-256-gcm', loadKey(), Buffer.from(iv, 'base64'));
      decipher.setAuthTag(Buffer.from(tag, 'base64'));
      try {
        return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
      } catch {
        throw new KeyFileError(`the stored API token cannot be opened with the key in ${keyPath} (the key file was replaced): ${reenter}`, keyPath);
      }
    },
  };
}

import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SecretStore } from './station-options.ts';

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
    if (existsSync(keyPath)) {
      key = Buffer.from(readFileSync(keyPath, 'utf8').trim(), 'base64');
      if (key.length !== 32) throw new Error(`the key file ${keyPath} is damaged: delete it and enter the API token again`);
    } else {
      mkdirSync(dataDir, { recursive: true, mode: 0o700 });
      key = randomBytes(32);
      writeFileSync(keyPath, key.toString('base64'), { mode: 0o600, flag: 'wx' });
    }
    chmodSync(keyPath, 0o600);
    return key;
  };
  return {
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', loadKey(), iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return ['v1', iv.toString('base64'), cipher.getAuthTag().toString('base64'), body.toString('base64')].join('.');
    },
    open(sealed) {
      const [version, iv, tag, body] = sealed.split('.');
      if (version !== 'v1' || !iv || !tag || body === undefined) throw new Error('the stored API token is unreadable: enter it again in Settings');
      const decipher = createDecipheriv('aes-256-gcm', loadKey(), Buffer.from(iv, 'base64'));
      decipher.setAuthTag(Buffer.from(tag, 'base64'));
      try {
        return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
      } catch {
        throw new Error('the stored API token cannot be opened with this station\'s key: enter it again in Settings');
      }
    },
  };
}

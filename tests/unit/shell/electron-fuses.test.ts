import { readFileSync } from 'node:fs';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';

const config = z.object({ asar: z.boolean().optional(), electronFuses: z.record(z.string(), z.unknown()).optional() }).parse(load(readFileSync('electron-builder.yml', 'utf8')));
/** electron-builder's own schema: a misspelt fuse would be silently ignored, so every key is checked against it. */
const scheme = z
  .object({ definitions: z.object({ FuseOptionsV1: z.object({ properties: z.record(z.string(), z.object({ type: z.string() })) }) }) })
  .parse(JSON.parse(readFileSync('node_modules/app-builder-lib/scheme.json', 'utf8')));
const fuseKeys = scheme.definitions.FuseOptionsV1.properties;

describe('the packaged app is locked down by Electron fuses', () => {
  it('turns off run-as-node, NODE_OPTIONS and --inspect, and loads only an integrity-checked app.asar', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    });
    // Only-from-asar needs an asar: electron-builder's default, never switched off here.
    expect(config.asar).not.toBe(false);
  });

  it('names only fuses electron-builder knows, each a boolean', () => {
    for (const [key, value] of Object.entries(config.electronFuses ?? {})) {
      expect(Object.keys(fuseKeys), key).toContain(key);
      expect(typeof value, key).toBe('boolean');
    }
  });
});

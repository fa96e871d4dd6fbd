import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { childEnvironment } from '../../../electron/core/printers/child-environment.ts';
import { silentLogger } from '../../../electron/core/station/station-options.ts';
import { parseServeArgs } from '../../../electron/headless/commands/serve.ts';
import { startStation } from '../../../electron/app/start-station.ts';
import { headlessShell, readHeadlessConfig } from '../../../electron/headless/headless-station.ts';

describe('secrets in the environment', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ls-env-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('takes LABEL_STATION_TOKEN out of the environment it read it from, and still stores it', async () => {
    const env: Record<string, string | undefined> = { LABEL_STATION_TOKEN: ' the-api-token ', HOME: '/home/kiosk' };
    const headless = await startStation({ ...headlessShell({ dataDir: dir, env, logger: silentLogger }, fileURLToPath(new URL('../../../assets/', import.meta.url))), autoStart: false });
    try {
      expect(env).toEqual({ HOME: '/home/kiosk' });
      expect((await headless.station.getSettings({})).hasToken).toBe(true);
    } finally {
      await headless.stop();
    }
  });

  it('takes LABEL_STATION_UI_TOKEN out of the environment too', () => {
    const env: Record<string, string | undefined> = { LABEL_STATION_UI_TOKEN: 'k'.repeat(40) };
    expect(parseServeArgs([], env).accessToken).toBe('k'.repeat(40));
    expect(env).toEqual({});
  });

  it('gives a child the tool basics and the locale, and nothing else', () => {
    const parent = {
      PATH: '/usr/bin', HOME: '/home/kiosk', LANG: 'id_ID.UTF-8', LC_PAPER: 'A4', TMPDIR: '/var/tmp', CUPS_SERVER: 'printhost',
      LABEL_STATION_TOKEN: 'secret', LABEL_STATION_UI_TOKEN: 'secret2', NODE_OPTIONS: '--require evil.js', AWS_SECRET_ACCESS_KEY: 'x', ELECTRON_RUN_AS_NODE: '1',
    };
    expect(childEnvironment({ LC_ALL: 'C' }, parent)).toEqual({
      PATH: '/usr/bin', HOME: '/home/kiosk', LANG: 'id_ID.UTF-8', LC_PAPER: 'A4', TMPDIR: '/var/tmp', CUPS_SERVER: 'printhost', LC_ALL: 'C',
    });
  });
});

describe('config file errors', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ls-config-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    ['a bare token value', '{\n  "apiBaseUrl": "https://a.example/public",\n  "token": eyJhbGciOiJIUzI1NiJ9.secret\n}', ''],
    ['a missing comma after a secret', '{\n  "userId": "0f3c-secret"\n  "printer": "pdf-dir:/x"\n}', 'line 3, column 3'],
    ['a token in an unclosed string', '{"token": "eyJhbGciOiJIUzI1NiJ9.secret', ''],
    ['a value cut off', '{"userId": "0f3c', ''],
  ])('say where the file is broken, never what it holds (%s)', (_what, text, place) => {
    const file = join(dir, 'station.json');
    writeFileSync(file, text);
    let message = '';
    try {
      readHeadlessConfig(file);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(new RegExp(`^the config file ${file} is not valid JSON`));
    if (place) expect(message).toContain(place);
    for (const piece of ['eyJ', 'secret', '0f3c', '"']) expect(message).not.toContain(piece);
  });
});

describe('the config file, by the settings schema', () => {
  it('refuses a user id with a space inside, naming the file and the field, before the station starts', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ls-config-'));
    try {
      const file = join(dir, 'station.json');
      writeFileSync(file, JSON.stringify({ apiBaseUrl: 'https://a.example/public', userId: 'c0ffee00-0000-4000-8000 000000000001' }));
      expect(() => readHeadlessConfig(file)).toThrow(`the config file ${file} is wrong at "userId": the user id has a space`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rawRequest, rawUpgrade } from '../../support/raw-http.ts';

const modeOf = (path: string): string => (statSync(path).mode & 0o777).toString(8);

describe('label-station serve, as a process', () => {
  // The long limit is for a fresh checkout, where the first serve builds the web UI once.
  it('creates its data folder 0700 under a 022 umask, and outlives malformed requests and upgrades', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ls-serve-'));
    const dataDir = join(dir, 'new', 'data');
    const previous = process.umask(0o022);
    const child = spawn(process.execPath, ['bin/label-station.js', 'serve', '--demo', '--port', '0', '--data-dir', dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
    process.umask(previous);
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      const url = await new Promise<URL>((resolve, reject) => {
        let stdout = '';
        child.stdout.on('data', (chunk: Buffer) => {
          stdout += chunk.toString();
          const found = /Label Station is ready: open (\S+)/.exec(stdout);
          if (found?.[1]) resolve(new URL(found[1]));
        });
        void exited.then((code) => reject(new Error(`serve exited with ${code}: ${stderr}`)));
      });
      expect(modeOf(join(dir, 'new'))).toBe('700');
      expect(modeOf(dataDir)).toBe('700');

      const port = Number(url.port);
      const token = new URLSearchParams(url.hash.slice(1)).get('token') ?? '';
      expect((await rawRequest(port, 'http://[')).status).toBe(400);
      expect((await rawRequest(port, '/%')).status).toBe(400);
      expect((await rawUpgrade(port, 'http://[')).status).toBe(400);
      expect((await rawUpgrade(port, '/events', { Origin: 'http://evil.example', 'Sec-WebSocket-Protocol': `label-station, token.${token}` })).status).toBe(403);
      const state = await rawRequest(port, '/api/getState', { Authorization: `Bearer ${token}` }, 'POST', '{}');
      expect(state.status).toBe(200);
      expect(JSON.parse(state.body)).toMatchObject({ demo: true });
      expect(child.exitCode).toBeNull();
    } finally {
      child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

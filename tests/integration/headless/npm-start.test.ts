import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const electronDir = join(process.cwd(), 'node_modules', 'electron');
const electronInstalled = existsSync(join(electronDir, 'path.txt')) && existsSync(join(electronDir, 'dist', readFileSync(join(electronDir, 'path.txt'), 'utf8').trim()));

describe.skipIf(electronInstalled)('npm start without the Electron binary', () => {
  it('says so plainly and serves the demo to a browser instead', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'ls-start-'));
    const child = spawn(process.execPath, ['bin/start.js', '--port', '0', '--data-dir', dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let stdout = '';
        child.stdout.on('data', (chunk: Buffer) => {
          stdout += chunk.toString();
          const found = /Label Station is ready: open (\S+)/.exec(stdout);
          if (found?.[1]) resolve(found[1]);
        });
        child.once('exit', (code) => reject(new Error(`npm start exited with ${code}: ${stderr}`)));
      });
      expect(stderr).toContain('The Electron binary is not installed on this machine');
      expect(stderr).toContain('DEMO MODE');
      const { origin, hash } = new URL(url);
      const token = new URLSearchParams(hash.slice(1)).get('token');
      const state = await fetch(`${origin}/api/getState`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: '{}' });
      expect(await state.json()).toMatchObject({ demo: true });
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const electronDir = join(process.cwd(), 'node_modules', 'electron');
const electronInstalled = existsSync(join(electronDir, 'path.txt')) && existsSync(join(electronDir, 'dist', readFileSync(join(electronDir, 'path.txt'), 'utf8').trim()));

/** Runs `npm start`'s script until it prints its address; checks it serves the demo; returns what it said. */
async function startWithout(env: Record<string, string>): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'ls-start-'));
  const child = spawn(process.execPath, ['bin/start.js', '--port', '0', '--data-dir', join(dir, 'data')], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env, electron_config_cache: join(dir, 'electron-cache') },
  });
  let stderr = '';
  let stdout = '';
  try {
    // stdout and stderr are separate pipes: the demo notice (stderr) can arrive after the ready
    // line (stdout) although it was written first, so wait for both.
    const url = await new Promise<string>((resolve, reject) => {
      const check = (): void => {
        const found = /Label Station is ready: open (\S+)/.exec(stdout);
        if (found?.[1] && stderr.includes('DEMO MODE')) resolve(found[1]);
      };
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        check();
      });
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        check();
      });
      child.once('exit', (code) => reject(new Error(`npm start exited with ${code}: ${stderr}`)));
    });
    expect(stderr).toContain('DEMO MODE');
    const { origin, hash } = new URL(url);
    const token = new URLSearchParams(hash.slice(1)).get('token');
    const state = await fetch(`${origin}/api/getState`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: '{}' });
    expect(await state.json()).toMatchObject({ demo: true });
    return stderr;
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
    rmSync(dir, { recursive: true, force: true });
  }
}

describe.skipIf(electronInstalled)('npm start without the Electron binary', () => {
  it('says so plainly and serves the demo to a browser instead', async () => {
    const said = await startWithout({ ELECTRON_SKIP_BINARY_DOWNLOAD: '1' });
    expect(said).toContain('The Electron binary is not installed on this machine (ELECTRON_SKIP_BINARY_DOWNLOAD=1 is set)');
    expect(said).not.toContain('Downloading');
  });

  it('tries to download it, says why that failed and what to do, and serves the demo instead', async () => {
    // A mirror nobody listens on: the download fails at once, as it does offline.
    const said = await startWithout({ ELECTRON_SKIP_BINARY_DOWNLOAD: '', ELECTRON_MIRROR: 'http://127.0.0.1:9/' });
    expect(said).toContain('Downloading the Electron binary');
    expect(said).toMatch(/not installed on this machine \(the download failed: .+; set ELECTRON_MIRROR to use a mirror, or ELECTRON_SKIP_BINARY_DOWNLOAD=1 to stop trying\)/);
  });
});

#!/usr/bin/env node
// `npm start`: opens the desktop app. With nothing configured it runs in demo mode (the built-in
// simulator, labels to a PDF folder). Where the Electron binary cannot be had, it says why and
// serves the same window to a browser instead.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildRenderer, buildShell } from './build.js';

const root = fileURLToPath(new URL('../', import.meta.url));
const args = process.argv.slice(2);

/** The electron package's folder, or null when npm install has not run. */
function electronPackage() {
  try {
    return dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return null;
  }
}

/** The Electron binary's path, or null. Never `require('electron')`: that downloads without a word. */
function electronBinary() {
  const pkg = electronPackage();
  const pathFile = pkg && join(pkg, 'path.txt');
  if (!pathFile || !existsSync(pathFile)) return null;
  const binary = join(pkg, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

/**
 * Electron fetches its binary on first use, not at `npm install`: fetch it here, once, saying so.
 * Returns why there is no binary, or null once it is there.
 */
function downloadElectron() {
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD === '1') return 'ELECTRON_SKIP_BINARY_DOWNLOAD=1 is set';
  const pkg = electronPackage();
  if (!pkg) return 'the electron package is missing: run npm install';
  console.error('Downloading the Electron binary (about 100 MB; only until it is here)...');
  const result = spawnSync(process.execPath, [join(pkg, 'install.js')], { cwd: root, encoding: 'utf8', timeout: 10 * 60_000 });
  if (result.status === 0 && electronBinary()) return null;
  // The installer prints a stack trace; its first line is the reason.
  const firstLine = (result.stderr ?? '').split('\n').find((line) => line.trim() !== '');
  const reason = result.error?.message ?? firstLine ?? `exit code ${result.status}`;
  return `the download failed: ${reason}; set ELECTRON_MIRROR to use a mirror, or ELECTRON_SKIP_BINARY_DOWNLOAD=1 to stop trying`;
}

function run(command, commandArgs) {
  const child = spawn(command, commandArgs, { cwd: root, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => {
    process.exitCode = code ?? (signal ? 1 : 0);
  });
}

await buildRenderer();
let missingBecause = null;
let electron = electronBinary();
if (!electron) {
  missingBecause = downloadElectron();
  electron = electronBinary();
}
if (electron) {
  await buildShell();
  run(electron, ['.', ...args]);
} else {
  console.error(
    `The Electron binary is not installed on this machine (${missingBecause}), so the desktop window cannot open.\n` +
      'Starting the headless web mode instead: open the address printed below in a browser on this machine.\n',
  );
  run(process.execPath, [join(root, 'bin/label-station.js'), 'serve', '--demo-if-unconfigured', ...args]);
}

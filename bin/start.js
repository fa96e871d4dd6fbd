#!/usr/bin/env node
// `npm start`: opens the desktop app. With nothing configured it runs in demo mode (the built-in
// simulator, labels to a PDF folder). Where the Electron binary is not installed, it says so and
// serves the same window to a browser instead.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildRenderer, buildShell } from './build.js';

const root = fileURLToPath(new URL('../', import.meta.url));
const args = process.argv.slice(2);

/** The Electron binary's path, or null. Never `require('electron')`: that starts a download. */
function electronBinary() {
  try {
    const pkg = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
    const pathFile = join(pkg, 'path.txt');
    if (!existsSync(pathFile)) return null;
    const binary = join(pkg, 'dist', readFileSync(pathFile, 'utf8').trim());
    return existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

function run(command, commandArgs) {
  const child = spawn(command, commandArgs, { cwd: root, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => {
    process.exitCode = code ?? (signal ? 1 : 0);
  });
}

await buildRenderer();
const electron = electronBinary();
if (electron) {
  await buildShell();
  run(electron, ['.', ...args]);
} else {
  console.error(
    'The Electron binary is not installed on this machine (it could not be downloaded), so the desktop window cannot open.\n' +
      'Starting the headless web mode instead: open the address printed below in a browser on this machine.\n',
  );
  run(process.execPath, [join(root, 'bin/label-station.js'), 'serve', '--demo-if-unconfigured', ...args]);
}

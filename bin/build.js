#!/usr/bin/env node
// Builds what the packaged desktop app runs: the renderer (Vite) and the Electron main and
// preload bundles (esbuild). A packaged app has no tsx, so the TypeScript is compiled here.
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));

export async function buildRenderer() {
  await viteBuild({ configFile: `${root}renderer/vite.config.ts`, logLevel: 'warn' });
}

export async function buildShell() {
  const common = { absWorkingDir: root, bundle: true, platform: 'node', target: 'node22', sourcemap: true, logLevel: 'warning' };
  await Promise.all([
    // Dependencies stay in node_modules (electron-builder ships them; native ones are unpacked).
    esbuild({ ...common, entryPoints: ['electron/main/main.ts'], outfile: 'dist/electron/main/main.js', format: 'esm', packages: 'external' }),
    // A sandboxed preload is one CommonJS file that may require only `electron`.
    esbuild({ ...common, entryPoints: ['electron/preload/preload.ts'], outfile: 'dist/electron/preload/preload.cjs', format: 'cjs', external: ['electron'], minify: true }),
  ]);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  await buildRenderer();
  await buildShell();
  console.log(`built dist/renderer and dist/electron in ${Date.now() - started} ms`);
}

#!/usr/bin/env node
// Runs the bundled CLI, rebuilding it first when its sources changed (a fresh clone builds once).
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildRenderer, ensureCli, root } from './build.js';

const { runCli } = await import(pathToFileURL(await ensureCli()).href);
process.exitCode = await runCli(process.argv.slice(2), {
  assetsDir: join(root, 'assets'),
  async rendererDir() {
    if (await buildRenderer()) process.stderr.write('built the web UI (dist/renderer) from its changed sources\n');
    return join(root, 'dist', 'renderer');
  },
});

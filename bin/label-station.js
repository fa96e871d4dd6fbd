#!/usr/bin/env node
// Runs the bundled CLI, rebuilding it first when its sources changed (a fresh clone builds once).
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { buildRenderer, ensureCli, root } from './build.js';

// A kiosk runs for days and a render may be 10 000 labels: V8 then grows its heap far ahead of
// what is live (a 10 000-label render peaked at 320 MB with 60 MB live). Favouring size keeps it
// near the live data (136 MB) for a few percent of speed.
setFlagsFromString('--optimize-for-size');

const { runCli } = await import(pathToFileURL(await ensureCli()).href);
process.exitCode = await runCli(process.argv.slice(2), {
  assetsDir: join(root, 'assets'),
  async rendererDir() {
    if (await buildRenderer()) process.stderr.write('built the web UI (dist/renderer) from its changed sources\n');
    return join(root, 'dist', 'renderer');
  },
});

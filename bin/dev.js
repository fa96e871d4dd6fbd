#!/usr/bin/env node
// `npm run dev`: the renderer from its sources with hot reload (Vite's dev server), talking to a
// running station. Without --station it starts one (`serve`, demo mode while nothing is
// configured; other arguments go to serve). Vite forwards the station's calls and its event
// socket, so the page works as it does when serve itself sends it.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { URLSearchParams } from 'node:url';
import { createServer } from 'vite';
import { root } from './build.js';

/** `--station URL` and `--ui-port N` are dev's own; every other argument goes to serve as given. */
function splitArgs(argv) {
  const own = { station: undefined, uiPort: '5173' };
  const rest = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--station') own.station = argv[++i];
    else if (argv[i] === '--ui-port') own.uiPort = argv[++i];
    else rest.push(argv[i]);
  }
  return { own, rest };
}
const { own, rest } = splitArgs(process.argv.slice(2));

/** Starts `serve` on a free port and resolves to the address it prints, token and all. */
function startStation(args) {
  const child = spawn(process.execPath, [join(root, 'bin/label-station.js'), 'serve', '--port', '0', '--demo-if-unconfigured', ...args], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const ready = new Promise((resolve, reject) => {
    let seen = '';
    child.stdout.on('data', (chunk) => {
      seen += chunk.toString();
      const found = /Label Station is ready: open (\S+)/.exec(seen);
      if (found) resolve(found[1]);
    });
    child.once('exit', (code) => reject(new Error(`label-station serve exited with ${code} before it was ready`)));
  });
  return { child, ready };
}

const station = own.station ? null : startStation(rest);
const address = new URL(own.station ?? (await station.ready));
const token = new URLSearchParams(address.hash.slice(1)).get('token');
if (!token) throw new Error('--station takes the address serve printed, with its #token=…');
const target = address.origin;

// serve answers only its own origin: the forwarded requests say they come from it.
const asStation = (proxy) => {
  proxy.on('proxyReq', (request) => request.setHeader('origin', target));
  proxy.on('proxyReqWs', (request) => request.setHeader('origin', target));
};
const server = await createServer({
  configFile: join(root, 'renderer/vite.config.ts'),
  server: {
    host: '127.0.0.1',
    port: Number(own.uiPort),
    proxy: {
      '/api': { target, changeOrigin: true, configure: asStation },
      '/events': { target, ws: true, changeOrigin: true, configure: asStation },
    },
  },
});
await server.listen();
const local = server.resolvedUrls?.local[0] ?? `http://127.0.0.1:${own.uiPort}/`;
console.log(`Renderer with hot reload on the station at ${target}: open ${local}#token=${token}`);

const stop = async () => {
  await server.close();
  station?.child.kill('SIGTERM');
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
station?.child.once('exit', () => void server.close());

#!/usr/bin/env node
// The one build config: the CLI, the Electron main and preload (esbuild) and the renderer (Vite).
// Each output records a hash of the sources it came from, so `npm start`, the CLI and `serve`
// rebuild exactly when a source changed, never because a file merely exists or is missing.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../', import.meta.url));
const dist = join(root, 'dist');

/** Native modules load from node_modules; pdfkit reads its own data files beside its code and brings fontkit, which the label engine shares. */
const cliExternal = ['libsql', '@libsql/*', '@napi-rs/canvas', '@napi-rs/*', 'pdfkit', 'fontkit', 'bwip-js', 'pdf-to-printer', 'koffi', 'pdfjs-dist', 'vite', 'electron'];

/** What each output is built from: a change in any of these files rebuilds it. */
const sources = {
  cli: ['electron', 'bin/build.js', 'package.json'],
  shell: ['electron', 'bin/build.js', 'package.json'],
  renderer: ['renderer', 'electron/shared', 'bin/build.js', 'package.json'],
};

function listFiles(path, out) {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return out;
  if (stat.isFile()) out.push(path);
  else if (stat.isDirectory()) {
    for (const name of readdirSync(path).sort()) if (name !== 'node_modules') listFiles(join(path, name), out);
  }
  return out;
}

/**
 * A hash of the names and contents of every source file of `target`. Reading them all costs a
 * CLI start tens of milliseconds, so the hash is kept with the files' sizes and times: while
 * none of those moved, the contents are not read again.
 */
export function sourceHash(target) {
  const files = sources[target].flatMap((path) => listFiles(join(root, path), []));
  const stats = createHash('sha256');
  for (const file of files) {
    const { size, mtimeMs } = statSync(file);
    stats.update(`${relative(root, file)}\0${size}\0${mtimeMs}\0`);
  }
  const statKey = stats.digest('hex');
  const cacheFile = join(dist, `.${target}-hash-cache.json`);
  try {
    const cached = JSON.parse(readFileSync(cacheFile, 'utf8'));
    if (cached.statKey === statKey && typeof cached.hash === 'string') return cached.hash;
  } catch {
    // No cache yet, or a broken one: hash the contents.
  }
  const hash = createHash('sha256');
  for (const file of files) hash.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  const digest = hash.digest('hex').slice(0, 16);
  mkdirSync(dist, { recursive: true });
  const temp = `${cacheFile}.${process.pid}`;
  writeFileSync(temp, JSON.stringify({ statKey, hash: digest }));
  renameSync(temp, cacheFile);
  return digest;
}

/** Whether the sources are here at all: an installed package may ship only dist/. */
const haveSources = (target) => sources[target].every((path) => existsSync(join(root, path)));

const common = { absWorkingDir: root, bundle: true, platform: 'node', target: 'node20', sourcemap: true, logLevel: 'warning' };

/**
 * Builds the CLI into its own folder named by the source hash, then moves it into place in one
 * rename: processes started at the same moment cannot see a half-written bundle, and a station
 * still running an older build keeps the chunks it may load later.
 */
async function buildCliInto(dir) {
  const { build } = await import('esbuild');
  const temp = `${dir}.tmp-${process.pid}`;
  rmSync(temp, { recursive: true, force: true });
  await build({
    ...common,
    entryPoints: { cli: 'electron/headless/cli.ts' },
    outdir: temp,
    format: 'esm',
    // Each subcommand is its own chunk, loaded when run: `simulator` never loads pdfkit or SQLite.
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    // Less to parse at every start; names are kept, so stack traces and error names read as written.
    minifyWhitespace: true,
    minifySyntax: true,
    external: cliExternal,
    // Bundled CommonJS (fontkit's dependencies) still calls require for Node's own modules.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  });
  writeFileSync(join(temp, 'package.json'), '{"type":"module"}\n');
  try {
    renameSync(temp, dir);
  } catch (error) {
    // Another process finished the same build first: its copy is as good as ours.
    rmSync(temp, { recursive: true, force: true });
    if (!existsSync(join(dir, 'cli.js'))) throw error;
  }
}

/** Keeps the newest few CLI builds: an older one may still serve a running station. */
function pruneCliBuilds(keep) {
  const dirs = readdirSync(join(dist, 'cli'))
    .filter((name) => !name.includes('.tmp-') && name !== keep)
    .map((name) => ({ name, at: statSync(join(dist, 'cli', name)).mtimeMs }))
    .sort((a, b) => b.at - a.at);
  for (const old of dirs.slice(2)) rmSync(join(dist, 'cli', old.name), { recursive: true, force: true });
}

/** The bundled CLI for the current sources, built first if they changed. Returns its entry file. */
export async function ensureCli() {
  if (!haveSources('cli')) return newestCli();
  const hash = sourceHash('cli');
  const dir = join(dist, 'cli', hash);
  if (!existsSync(join(dir, 'cli.js'))) {
    if (!(await canBuild())) return newestCli();
    mkdirSync(join(dist, 'cli'), { recursive: true });
    await buildCliInto(dir);
    pruneCliBuilds(hash);
  }
  return join(dir, 'cli.js');
}

/** esbuild is a development tool: an install without it runs the CLI it was shipped with. */
async function canBuild() {
  try {
    await import('esbuild');
    return true;
  } catch {
    return false;
  }
}

function newestCli() {
  const builds = existsSync(join(dist, 'cli')) ? readdirSync(join(dist, 'cli')).filter((name) => existsSync(join(dist, 'cli', name, 'cli.js'))) : [];
  const newest = builds.map((name) => ({ name, at: statSync(join(dist, 'cli', name)).mtimeMs })).sort((a, b) => b.at - a.at)[0];
  if (!newest) throw new Error('the CLI is not built and cannot be (no esbuild): run npm install, then npm run build');
  return join(dist, 'cli', newest.name, 'cli.js');
}

const stampFile = (target) => join(dist, `.${target}-source-hash`);
const isFresh = (target, hash) => existsSync(stampFile(target)) && readFileSync(stampFile(target), 'utf8') === hash;

/**
 * Rebuilds `target` when its sources changed, one process at a time: a second process waits for
 * the first one's build instead of writing the same files beside it.
 */
async function buildIfStale(target, build) {
  if (!haveSources(target)) return false;
  const hash = sourceHash(target);
  if (isFresh(target, hash)) return false;
  mkdirSync(dist, { recursive: true });
  const lock = join(dist, `.${target}-build.lock`);
  for (;;) {
    try {
      writeFileSync(lock, String(process.pid), { flag: 'wx' });
      break;
    } catch {
      const holder = Number(readFileSync(lock, { encoding: 'utf8', flag: 'r' }) || 0);
      if (!isAlive(holder)) rmSync(lock, { force: true });
      else await new Promise((resolve) => setTimeout(resolve, 200));
      if (isFresh(target, hash)) return false;
    }
  }
  try {
    await build();
    writeFileSync(stampFile(target), hash);
    return true;
  } finally {
    rmSync(lock, { force: true });
  }
}

function isAlive(pid) {
  if (!pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

/** The renderer (dist/renderer), rebuilt when renderer/ or the contract changed. Returns whether it built. */
export function buildRenderer() {
  return buildIfStale('renderer', async () => {
    const { build } = await import('vite');
    await build({ configFile: join(root, 'renderer/vite.config.ts'), logLevel: 'warn' });
  });
}

/** The Electron main and preload bundles (dist/electron), rebuilt when their sources changed. */
export function buildShell() {
  return buildIfStale('shell', async () => {
    const { build } = await import('esbuild');
    await Promise.all([
      // Dependencies stay in node_modules (electron-builder ships them; native ones are unpacked).
      build({ ...common, entryPoints: ['electron/main/main.ts'], outfile: 'dist/electron/main/main.js', format: 'esm', packages: 'external' }),
      // A sandboxed preload is one CommonJS file that may require only `electron`.
      build({ ...common, entryPoints: ['electron/preload/preload.ts'], outfile: 'dist/electron/preload/preload.cjs', format: 'cjs', external: ['electron'], minify: true }),
    ]);
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  await Promise.all([buildRenderer(), buildShell(), ensureCli()]);
  console.log(`dist/renderer, dist/electron and dist/cli are up to date (${Date.now() - started} ms)`);
}

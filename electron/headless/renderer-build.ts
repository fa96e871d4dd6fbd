import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** Where `vite build` puts the renderer, relative to this checkout. */
export const rendererDist = fileURLToPath(new URL('../../dist/renderer/', import.meta.url));

/**
 * Builds the renderer when it has not been built yet, so a fresh clone's `serve` just works.
 * Vite is a build tool: it is loaded only here, only when needed.
 */
export async function ensureRendererBuilt(log: (message: string) => void): Promise<string> {
  if (existsSync(`${rendererDist}index.html`)) return rendererDist;
  log('building the web UI once (dist/renderer)…');
  const { build } = await import('vite');
  await build({ configFile: `${repoRoot}renderer/vite.config.ts`, logLevel: 'warn' });
  return rendererDist;
}

import { build } from 'vite';

/** The e2e tests drive the renderer as built from the current sources, never a stale dist/. */
export default async function globalSetup(): Promise<void> {
  await build({ configFile: 'renderer/vite.config.ts', logLevel: 'warn' });
}

import * as electron from 'electron';
import { fileURLToPath } from 'node:url';
import { startShell } from './start-shell.ts';

// Bundled to dist/electron/main/main.js; the renderer and preload sit beside it in dist/.
startShell(electron, {
  rendererDir: fileURLToPath(new URL('../../renderer/', import.meta.url)),
  preload: fileURLToPath(new URL('../preload/preload.cjs', import.meta.url)),
  icon: fileURLToPath(new URL('../../../assets/icons/icon.png', import.meta.url)),
  assetsDir: fileURLToPath(new URL('../../../assets/', import.meta.url)),
});

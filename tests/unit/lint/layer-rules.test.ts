import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { afterAll, describe, expect, it } from 'vitest';
import { layerConfigs } from '../../../eslint-layers.js';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
// The repo's own eslint.config.js: a rule dropped from it fails here.
const eslint = new ESLint({ cwd: repo });

/** The rules a snippet at `file` (a path in the repo, real or not) breaks. */
async function broken(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(repo, file) });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('the layer rules of eslint.config.js', () => {
  it('refuse the core importing a shell, the simulator or Electron', async () => {
    expect(await broken('electron/core/station/snippet.ts', "export { startHttpTransport } from '../../headless/http-transport.ts';\n")).toContain('import-x/no-restricted-paths');
    expect(await broken('electron/core/labels/snippet.ts', "export { createSimulator } from '../../simulator/create-simulator.ts';\n")).toContain('import-x/no-restricted-paths');
    expect(await broken('electron/core/printers/snippet.ts', "export { app } from 'electron';\n")).toContain('no-restricted-imports');
  });

  it('let the renderer import the contract and nothing else of electron/', async () => {
    expect(await broken('renderer/src/snippet.ts', "export { renderPdf } from '../../electron/core/labels/index.ts';\n")).toContain('import-x/no-restricted-paths');
    expect(await broken('renderer/src/snippet.ts', "export { jobStateSchema } from '../../electron/shared/station-api.ts';\n")).toEqual([]);
  });

  it('refuse the desktop shell importing the headless CLI or the renderer', async () => {
    expect(await broken('electron/main/snippet.ts', "export { startHeadlessStation } from '../headless/headless-station.ts';\n")).toContain('import-x/no-restricted-paths');
    expect(await broken('electron/main/snippet.ts', "export { createI18n } from '../../renderer/src/i18n/i18n.ts';\n")).toContain('import-x/no-restricted-paths');
  });
});

describe('the function-length rule', () => {
  /** A function of `lines` statements, with blank lines and comments that do not count. */
  const longFunction = (lines: number): string =>
    `export function long(): number {\n  let n = 0;\n${Array.from({ length: lines - 4 }, (_, i) => `  // step ${i}\n\n  n += ${i};`).join('\n')}\n  return n;\n}\n`;

  it('fails a function over 80 lines in the core and the composition root, counting code only', async () => {
    expect(await broken('electron/core/station/snippet.ts', longFunction(81))).toContain('max-lines-per-function');
    expect(await broken('electron/app/snippet.ts', longFunction(81))).toContain('max-lines-per-function');
    expect(await broken('electron/core/station/snippet.ts', longFunction(80))).toEqual([]);
  });
});

describe('the cycle rule', () => {
  const made: string[] = [];
  afterAll(async () => {
    for (const dir of made) await rm(dir, { recursive: true, force: true });
  });

  it('fails two modules that import each other, and passes them once the circle is cut', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'layer-rules-'));
    made.push(dir);
    const write = async (file: string, text: string): Promise<void> => {
      await mkdir(dirname(join(dir, file)), { recursive: true });
      await writeFile(join(dir, file), text);
    };
    await write('electron/core/a.ts', "import { b } from './b.ts';\nexport const a = (): number => b + 1;\n");
    await write('electron/core/b.ts', "import { a } from './a.ts';\nexport const b = 1;\nexport const twice = (): number => a() * 2;\n");
    const lint = new ESLint({
      cwd: dir,
      overrideConfigFile: true,
      overrideConfig: [{ files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } }, ...layerConfigs],
    });
    const rules = async (): Promise<string[]> => (await lint.lintFiles(['electron'])).flatMap((r) => r.messages.map((m) => m.ruleId ?? m.message));
    expect(await rules()).toEqual(['import-x/no-cycle', 'import-x/no-cycle']);

    await write('electron/core/b.ts', 'export const b = 1;\n');
    expect(await rules()).toEqual([]);
  });
});

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

/** What only the desktop shell knows: how the app starts. The station's settings live in its journal. */
export const shellPreferencesSchema = z.object({
  openAtLogin: z.boolean().default(false),
  startMinimised: z.boolean().default(false),
});
export type ShellPreferences = z.infer<typeof shellPreferencesSchema>;

export interface ShellPreferencesStore {
  get(): ShellPreferences;
  set(patch: Partial<ShellPreferences>): ShellPreferences;
}

/** Stored as `shell.json` in the app's data folder; a missing or broken file means the defaults. */
export function createShellPreferencesStore(dataDir: string): ShellPreferencesStore {
  const file = join(dataDir, 'shell.json');
  let current: ShellPreferences;
  try {
    current = shellPreferencesSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    current = shellPreferencesSchema.parse({});
  }
  return {
    get: () => current,
    set(patch) {
      current = { ...current, ...patch };
      writeFileSync(file, `${JSON.stringify(current, null, 2)}\n`);
      return current;
    },
  };
}

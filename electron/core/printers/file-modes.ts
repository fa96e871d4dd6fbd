import { chmodSync, mkdirSync } from 'node:fs';
import { chmod, mkdir } from 'node:fs/promises';
import { relative, resolve, sep } from 'node:path';

/**
 * Folders and files that hold orders (names, phones, addresses) are the user's alone from the
 * moment they exist: created with the mode, then chmod-ed, because the umask can only take bits
 * away from what `mkdir`/`open` ask for (a umask of 0277 would even leave a folder unwritable).
 * Folders that already existed are left as their owner set them.
 */

export const privateFolderMode = 0o700;
export const privateFileMode = 0o600;

/** The folders `mkdir -p` created: from the first new one down to `path`. */
function created(first: string | undefined, path: string): string[] {
  if (first === undefined) return [];
  const out = [resolve(first)];
  for (const part of relative(resolve(first), resolve(path)).split(sep).filter(Boolean)) out.push(resolve(out.at(-1) ?? first, part));
  return out;
}

export function makeFolderSync(path: string, mode = privateFolderMode): void {
  for (const folder of created(mkdirSync(path, { recursive: true, mode }), path)) chmodSync(folder, mode);
}

export async function makeFolder(path: string, mode = privateFolderMode): Promise<void> {
  for (const folder of created(await mkdir(path, { recursive: true, mode }), path)) await chmod(folder, mode);
}

/** A profile's `fileMode` ("0640", checked by its schema) as a number; none is private. */
export function parseFileMode(text: string | undefined): number {
  return text === undefined ? privateFileMode : Number.parseInt(text, 8);
}

/** A folder for files of `fileMode`: whoever may read the files may list the folder (r → r-x), w → w. */
export function folderModeFor(fileMode: number): number {
  let mode = privateFolderMode;
  for (const shift of [3, 0]) {
    const bits = (fileMode >> shift) & 0o7;
    mode |= ((bits & 0o4 ? 0o5 : 0) | (bits & 0o2)) << shift;
  }
  return mode;
}

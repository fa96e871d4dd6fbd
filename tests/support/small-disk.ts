import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, unlinkSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A real, small file system (tmpfs) that a test can fill to the last byte and free again. */
export interface SmallDisk {
  dir: string;
  /** Writes a filler file until the disk refuses another byte. */
  fill(): void;
  /** Deletes the filler. */
  free(): void;
  unmount(): void;
}

function tryMount(sizeMb: number, readOnly: boolean): { disk?: SmallDisk; error?: string } {
  const dir = mkdtempSync(join(tmpdir(), 'small-disk-'));
  const flags = `size=${sizeMb}m,mode=0700${readOnly ? ',ro' : ''}`;
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', flags, 'tmpfs', dir], { encoding: 'utf8' });
  if (mounted.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    return { error: (mounted.stderr || mounted.error?.message || 'mount failed').trim() };
  }
  const filler = join(dir, 'filler');
  const disk: SmallDisk = {
    dir,
    fill() {
      const fd = openSync(filler, 'a');
      try {
        // Large blocks first, then single pages, so the very last free page is taken too.
        for (const size of [1024 * 1024, 4096, 512]) {
          const block = Buffer.alloc(size, 0x55);
          for (;;) {
            try {
              if (writeSync(fd, block) < size) break;
            } catch (error) {
              if ((error as NodeJS.ErrnoException).code === 'ENOSPC') break;
              throw error;
            }
          }
        }
      } finally {
        closeSync(fd);
      }
    },
    free() {
      unlinkSync(filler);
    },
    unmount() {
      spawnSync('umount', ['-l', dir]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return { disk };
}

/**
 * Whether this machine lets tests mount a tmpfs (root or CAP_SYS_ADMIN): tried once, at once
 * undone. Where it does not, a loud message says the full-disk tests skip; under CI (`CI=true`)
 * it throws instead. Mount the real disk in `beforeAll`, so a filtered-out test mounts nothing.
 */
export function canMountSmallDisk(): boolean {
  const { disk, error } = tryMount(1, false);
  disk?.unmount();
  if (disk) return true;
  const message = `cannot mount a tmpfs (${error ?? 'mount failed'}): run as root`;
  if (process.env.CI === 'true') throw new Error(`${message}: CI must be able to`);
  console.warn(`\n!!! SKIPPING full-disk and read-only tests: ${message} !!!\n`);
  return false;
}

/** Mounts a tmpfs of `sizeMb`, read-only if asked; throws if it cannot. */
export function mountSmallDisk(sizeMb: number, options: { readOnly?: boolean } = {}): SmallDisk {
  const { disk, error } = tryMount(sizeMb, options.readOnly ?? false);
  if (!disk) throw new Error(`cannot mount a ${sizeMb} MB tmpfs: ${error ?? 'mount failed'}`);
  return disk;
}

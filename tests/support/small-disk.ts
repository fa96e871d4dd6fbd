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

/**
 * Mounts a tmpfs of `sizeMb` (needs root or CAP_SYS_ADMIN), read-only if asked. Where mounting
 * is not permitted it returns undefined after a loud message; under CI (`CI=true`) it throws.
 */
export function mountSmallDisk(sizeMb: number, options: { readOnly?: boolean } = {}): SmallDisk | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'small-disk-'));
  const flags = `size=${sizeMb}m,mode=0700${options.readOnly ? ',ro' : ''}`;
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', flags, 'tmpfs', dir], { encoding: 'utf8' });
  if (mounted.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    const message = `cannot mount a ${sizeMb} MB tmpfs (${(mounted.stderr || mounted.error?.message || 'mount failed').trim()}): run as root`;
    if (process.env.CI === 'true') throw new Error(`${message}: CI must be able to`);
    console.warn(`\n!!! SKIPPING full-disk tests: ${message} !!!\n`);
    return undefined;
  }
  const filler = join(dir, 'filler');
  return {
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
}

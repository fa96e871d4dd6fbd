import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';

export class StationLockedError extends Error {
  override name = 'StationLockedError';
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * One station per journal: two would print the same jobs. The lock is a file holding the owner's
 * pid; a lock left by a killed station (its pid gone) is taken over. Returns the release.
 */
export function lockJournal(journalPath: string, pid: number = process.pid): () => void {
  const lockPath = `${journalPath}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(lockPath, String(pid), { flag: 'wx' });
      return () => {
        try {
          if (readFileSync(lockPath, 'utf8') === String(pid)) unlinkSync(lockPath);
        } catch {
          // Already gone: nothing to release.
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const owner = Number(readFileSync(lockPath, 'utf8').trim());
    if (Number.isInteger(owner) && owner > 0 && owner !== pid && alive(owner)) {
      throw new StationLockedError(`another Label Station (process ${owner}) is already using ${journalPath}: stop it first, or give this one its own data folder`);
    }
    unlinkSync(lockPath);
  }
  throw new StationLockedError(`cannot lock ${journalPath}: another station keeps taking it`);
}

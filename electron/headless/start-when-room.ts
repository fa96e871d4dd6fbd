import { DiskFullError, freeBytes, journalHeadroomBytes } from '../core/station/station-file-errors.ts';
import type { AppStation } from '../app/start-station.ts';

export interface StartWhenRoomOptions {
  start: () => Promise<AppStation>;
  /** Resolves when the station is told to stop while it waits. */
  stopped: Promise<unknown>;
  log: (level: 'info' | 'error', message: string, kind: string) => void;
  checkEveryMs?: number;
}

/**
 * Starts the station; on a full disk it says so once and waits for room instead of exiting, so
 * a kiosk comes back by itself when space is freed. Undefined when told to stop while waiting.
 */
export async function startWhenThereIsRoom(options: StartWhenRoomOptions): Promise<AppStation | undefined> {
  let stop = false;
  void options.stopped.then(() => (stop = true));
  for (;;) {
    try {
      return await options.start();
    } catch (error) {
      if (!(error instanceof DiskFullError)) throw error;
      options.log('error', `${error.message}. Waiting for room, then starting`, 'disk-full');
      for (;;) {
        const waited = await Promise.race([new Promise((resolve) => setTimeout(resolve, options.checkEveryMs ?? 2000, 'tick')), options.stopped]);
        if (stop || waited !== 'tick') return undefined;
        let free = 0;
        try {
          free = freeBytes(error.path);
        } catch {
          // The disk is not even readable yet (being remounted): keep waiting.
        }
        if (free >= journalHeadroomBytes) break;
      }
    }
  }
}

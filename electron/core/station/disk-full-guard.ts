import { DiskFullError, freeBytes, isDiskFull, journalHeadroomBytes } from './station-file-errors.ts';
import type { StationLogger, Timers } from './station-options.ts';

export interface DiskFullGuardOptions {
  journalPath: string;
  timers: Timers;
  logger: StationLogger;
  /** The disk is full: take no new work (polls and print queues pause). */
  onFull: (error: DiskFullError) => void;
  /** A small journal write; it throws while the disk is still full. */
  probe: () => void;
  /** There is room again: carry on. */
  onRoom: () => void;
  /** How often the free space is looked at while full; default 5 s. */
  checkEveryMs?: number;
  freeBytes?: (path: string) => number;
}

/**
 * What the station does when the disk under its journal fills up. Every step is journalled
 * before it acts, so a write that fails means the step is not taken: the guard turns such a
 * failure into a pause (no polls, no prints, nothing lost), says so once with the path and the
 * room it wants, and resumes by itself when the free space is back and a write succeeds.
 */
export class DiskFullGuard {
  readonly #options: DiskFullGuardOptions;
  #full = false;
  #timer: unknown = undefined;
  #stopped = false;

  constructor(options: DiskFullGuardOptions) {
    this.#options = options;
  }

  get full(): boolean {
    return this.#full;
  }

  /** Runs a journal write; a full disk pauses the station instead of throwing. Other errors throw. */
  attempt<T>(write: () => T): T | undefined {
    try {
      return write();
    } catch (error) {
      if (!this.handle(error)) throw error;
      return undefined;
    }
  }

  /** True when `error` is the disk being full: the guard has taken over. */
  handle(error: unknown): boolean {
    if (!isDiskFull(error)) return false;
    if (this.#full || this.#stopped) return true;
    this.#full = true;
    const full = new DiskFullError(this.#options.journalPath, this.#free());
    this.#options.logger.error(`${full.message}. The station takes no new work and keeps what it has; it carries on by itself once there is room`, {
      kind: 'disk-full',
      path: full.path,
      freeBytes: full.freeBytes,
      neededBytes: full.neededBytes,
    });
    this.#options.onFull(full);
    this.#schedule();
    return true;
  }

  stop(): void {
    this.#stopped = true;
    if (this.#timer !== undefined) this.#options.timers.clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #free(): number {
    try {
      return (this.#options.freeBytes ?? freeBytes)(this.#options.journalPath);
    } catch {
      return 0;
    }
  }

  #schedule(): void {
    if (this.#stopped) return;
    this.#timer = this.#options.timers.setTimeout(() => {
      this.#timer = undefined;
      this.#check();
    }, this.#options.checkEveryMs ?? 5000);
  }

  #check(): void {
    if (this.#free() < journalHeadroomBytes) return this.#schedule();
    try {
      this.#options.probe();
    } catch (error) {
      if (!isDiskFull(error)) this.#options.logger.warn('the journal is still not writable', { kind: 'disk-full', error: error instanceof Error ? error.message : String(error) });
      return this.#schedule();
    }
    this.#full = false;
    this.#options.logger.info(`there is room on the disk of ${this.#options.journalPath} again: carrying on`, { kind: 'disk-space-back' });
    this.#options.onRoom();
  }
}

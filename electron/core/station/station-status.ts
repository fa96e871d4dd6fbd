import type { Explained, OperatorMessage } from '../../shared/operator-message.ts';
import type { ConnectionState, StationState } from '../../shared/station-api.ts';
import type { AutoPrintRule } from './auto-print.ts';

export interface StationStatusDeps {
  configured: () => boolean;
  autoPrint: () => AutoPrintRule;
  demo: boolean;
  emit: (state: StationState) => void;
}

/** How the station stands with its server: what the header shows. */
export class StationStatus {
  connection: ConnectionState = 'connecting';
  lastPollAt: string | null = null;
  /** The last polling or disk error; null once things work again. */
  lastError: string | null = null;
  /** What the operator reads of that error. */
  lastErrorText: OperatorMessage | null = null;
  readonly #deps: StationStatusDeps;

  constructor(deps: StationStatusDeps) {
    this.#deps = deps;
  }

  view(): StationState {
    return {
      connection: this.#deps.configured() ? this.connection : 'not-configured',
      lastPollAt: this.lastPollAt,
      lastError: this.lastError,
      lastErrorText: this.lastErrorText,
      autoPrint: this.#deps.autoPrint(),
      demo: this.#deps.demo,
    };
  }

  /** Records the error the header shows (its English and its operator text), or clears it. */
  setLastError(error: Explained | null): void {
    this.lastError = error?.message ?? null;
    this.lastErrorText = error?.text ?? null;
  }

  emit(): void {
    this.#deps.emit(this.view());
  }
}

export interface Pausable {
  pause(): void;
  resume(): void;
  /** Looks for work now (a poll, runnable jobs) instead of at the next timer. */
  wake(): void;
}

/** The poller and the print queues, held, let go and woken together (token rejected, disk full, new settings). */
export class StationQueues implements Pausable {
  readonly #parts: Pausable[] = [];

  add(part: Pausable): void {
    this.#parts.push(part);
  }

  wake(): void {
    for (const part of this.#parts) part.wake();
  }

  pause(): void {
    for (const part of this.#parts) part.pause();
  }

  resume(): void {
    for (const part of this.#parts) part.resume();
  }
}

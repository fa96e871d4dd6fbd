import { PrinterOfflineError, PrinterPaperOutError, PrintJobFailedError, type PrinterError } from '../../../electron/core/printers/printer-errors.ts';
import type { LabelToPrint, PrinterPort, PrintProgress } from '../../../electron/core/printers/printer-port.ts';
import type { PrinterProfile, PrinterStatus } from '../../../electron/shared/printer-profile.ts';
import { StationCrashedError } from './fake-order-server.ts';

/** A label as it came out of the printer: what a person reading it would see. */
export interface PaperLabel {
  invoice: string;
  batch: string | null;
  /** "Label k/n" in the footer. */
  place: string;
}

/** How the next `print()` goes. */
export type PrinterFault =
  /** Prints as it should: to let the calls before a later fault go through. */
  | { kind: 'ok' }
  /** Prints and confirms `after` labels, then runs out of labels. */
  | { kind: 'paper-out'; after: number }
  /** The spooler rejects the job as it is: nothing prints. */
  | { kind: 'job-failed' }
  /** `onPaper` labels come out but are never confirmed, then the connection drops: offline. */
  | { kind: 'cut'; onPaper: number }
  /** Reports success without confirming anything: an adapter that breaks its contract. */
  | { kind: 'lie' }
  /** Waits with every label until `release()`, then prints them all: a slow printer, to watch what else runs meanwhile. */
  | { kind: 'hold' }
  /** `onPaper` labels come out (the first `confirmed` of them confirmed), then the station dies. */
  | { kind: 'crash'; onPaper: number; confirmed: number };

function withUnconfirmed<E extends PrinterError>(error: E, keys: readonly string[]): E {
  error.unconfirmedKeys = keys;
  return error;
}

/**
 * One physical label printer: what came out of it survives the station that sent it, as paper
 * does. Each station gets its own port (`port(profile)`); `kill()` on a port cuts a dead
 * station off.
 */
export class FakePrinter {
  readonly paper: PaperLabel[] = [];
  /** The invoices of each `print()` call, as the station chunked them. */
  readonly jobs: string[][] = [];
  online = true;
  /** Runs when a `crash` fault fires. */
  onCrash: () => void = () => undefined;
  readonly #faults: PrinterFault[] = [];
  readonly #held: (() => void)[] = [];
  #active = 0;
  #mostActive = 0;

  constructor(readonly uri: string) {}

  /** The most `print()` calls this printer ever had in progress at once. */
  get mostAtOnce(): number {
    return this.#mostActive;
  }

  fail(fault: PrinterFault, times = 1): void {
    for (let i = 0; i < times; i++) this.#faults.push(fault);
  }

  /** Lets held jobs print. */
  release(): void {
    for (const release of this.#held.splice(0)) release();
  }

  invoices(): string[] {
    return this.paper.map((l) => l.invoice);
  }

  port(profile: PrinterProfile): PrinterPort & { kill(): void } {
    let dead = false;
    return {
      profile,
      kill: () => void (dead = true),
      status: async (): Promise<PrinterStatus> => (this.online ? { state: 'ready', message: '' } : { state: 'offline', message: 'switched off' }),
      printTestPage: async () => undefined,
      print: async (labels, onProgress) => {
        if (dead) throw new StationCrashedError('this station has crashed');
        this.#active += 1;
        this.#mostActive = Math.max(this.#mostActive, this.#active);
        try {
          await this.#print(labels, onProgress);
        } finally {
          this.#active -= 1;
        }
      },
    };
  }

  async #print(labels: readonly LabelToPrint[], onProgress: (p: PrintProgress) => void): Promise<void> {
    this.jobs.push(labels.map((l) => l.order.invoice));
    const keys = labels.map((l) => l.key);
    if (!this.online) throw withUnconfirmed(new PrinterOfflineError(this.uri, `${this.uri} is switched off`), keys);
    const fault = this.#faults.shift();
    if (fault?.kind === 'job-failed') throw withUnconfirmed(new PrintJobFailedError(this.uri, 'the spooler rejected the job', 'Unsupported document-format'), keys);
    // A printer finishes what it took, stopping station or not.
    if (fault?.kind === 'hold') await new Promise<void>((resolve) => this.#held.push(resolve));
    for (const [i, label] of labels.entries()) {
      if (fault?.kind === 'paper-out' && i === fault.after) {
        throw withUnconfirmed(new PrinterPaperOutError(this.uri, `${this.uri} is out of labels`), keys.slice(i));
      }
      if (fault?.kind === 'crash' && i === fault.onPaper) break;
      if (fault?.kind === 'cut' && i === fault.onPaper) throw withUnconfirmed(new PrinterOfflineError(this.uri, `${this.uri} dropped the connection`), keys);
      this.paper.push({ invoice: label.order.invoice, batch: label.meta.batch, place: `${label.meta.index}/${label.meta.count}` });
      onProgress({ key: label.key, state: 'sent' });
      if (fault?.kind === 'lie' || fault?.kind === 'cut' || (fault?.kind === 'crash' && i >= fault.confirmed)) continue;
      onProgress({ key: label.key, state: 'confirmed' });
    }
    if (fault?.kind === 'crash') {
      this.onCrash();
      throw new StationCrashedError('the station crashed while the printer printed');
    }
  }
}

import { Socket } from 'node:net';
import { PrinterOfflineError } from '../printer-errors.ts';

export interface RawConnectionOptions {
  host: string;
  port: number;
  /** The printer's name in errors. */
  printer: string;
  connectTimeoutMs: number;
  /** Longest time without progress while our bytes are still being written. */
  idleTimeoutMs: number;
}

/**
 * How the printer ended the connection after our end of stream:
 * - `clean`: every byte was written, our end of stream went out, and only then the printer
 *   closed its side: it read to our end;
 * - `early`: the printer closed its side before our end of stream went out, so it stopped
 *   reading somewhere inside the job;
 * - `broken`: the connection was reset or failed;
 * - `open`: the printer had not closed within the time given.
 */
export type RawEnding = 'clean' | 'early' | 'broken' | 'open';

const earlyClose = 'it stopped reading and closed the connection before it had taken the whole job';

/** Big enough for any status answer; a printer sending more is not answering our question. */
const maxAnswerBytes = 4096;
/** Written in pieces, so a printer that reads slowly but steadily is not taken for a silent one. */
const writeChunkBytes = 64 * 1024;

/**
 * One TCP connection to a raw (port 9100) printer. Every failure — refused, unreachable, reset,
 * silent for too long, closed while we were still sending — is a `PrinterOfflineError`.
 *
 * The socket is half-open: Node's default (`allowHalfOpen: false`) answers a printer's FIN by
 * flushing what is queued and sending ours, so the write callbacks of a job the printer never
 * read still succeed and the close looks clean. Half-open, a FIN from the printer is seen for
 * what it is: before our own end of stream it means the printer stopped reading early.
 */
export class RawConnection {
  private readonly socket = new Socket({ allowHalfOpen: true });
  private received = Buffer.alloc(0);
  private failure: Error | undefined;
  /** The printer sent its FIN before our end of stream had gone out. */
  private endedEarly = false;
  private peerEnded = false;
  private closed = false;
  private writing = 0;
  private readonly waiters = new Set<() => void>();

  private constructor(private readonly options: RawConnectionOptions) {
    this.socket.on('connect', () => this.wake());
    this.socket.on('data', (chunk: Buffer) => {
      if (this.received.length < maxAnswerBytes) this.received = Buffer.concat([this.received, chunk]);
      this.wake();
    });
    this.socket.on('end', () => {
      this.peerEnded = true;
      // `writableFinished` turns true once every write was flushed and our FIN handed over.
      if (!this.socket.writableFinished || this.socket.writableLength > 0) this.endedEarly = true;
      this.wake();
    });
    this.socket.on('error', (error) => {
      this.failure ??= error;
      this.wake();
    });
    this.socket.on('close', () => {
      this.closed = true;
      this.wake();
    });
    this.socket.on('timeout', () => {
      // Only connecting and writing are bounded by the socket's idle timer; the waits after
      // the job have their own limits.
      if (!this.socket.connecting && this.writing === 0) return;
      this.failure ??= new Error(this.socket.connecting ? `no connection within ${options.connectTimeoutMs} ms` : `it took no data for ${options.idleTimeoutMs} ms`);
      this.socket.destroy();
    });
  }

  static async open(options: RawConnectionOptions): Promise<RawConnection> {
    const connection = new RawConnection(options);
    const { socket } = connection;
    socket.setTimeout(options.connectTimeoutMs);
    socket.setNoDelay(true);
    socket.connect(options.port, options.host);
    await connection.until(() => socket.readyState === 'open', 'connecting');
    socket.setTimeout(options.idleTimeoutMs);
    return connection;
  }

  /**
   * Resolves once every byte is handed to the operating system. A reset, a printer that closes
   * its side meanwhile, or one that takes nothing for the idle time rejects.
   */
  async write(bytes: Buffer): Promise<void> {
    let pending = 0;
    let failed: Error | undefined;
    this.writing++;
    try {
      for (let at = 0; at < bytes.length; at += writeChunkBytes) {
        pending++;
        this.socket.write(bytes.subarray(at, at + writeChunkBytes), (error) => {
          pending--;
          failed ??= error ?? undefined;
          this.wake();
        });
      }
      await this.until(() => pending === 0 && this.socket.writableLength === 0, 'sending', () => failed);
    } finally {
      this.writing--;
    }
  }

  /**
   * Sends a status query and waits for an answer `parse` can read. Resolves undefined when the
   * printer stays silent for `timeoutMs`: many printers never answer, which is not a fault.
   */
  async query<T>(question: Buffer, parse: (answer: Buffer) => T | undefined, timeoutMs: number): Promise<T | undefined> {
    this.received = Buffer.alloc(0);
    await this.write(question);
    let answer: T | undefined;
    await this.during(timeoutMs, 'waiting for its status', () => (answer = parse(this.received)) !== undefined);
    return answer;
  }

  /** Waits `ms`, rejecting if the printer closes, resets or closes its side meanwhile. */
  async watch(ms: number): Promise<void> {
    await this.during(ms, 'sending', () => false);
  }

  /**
   * Ends the job: sends our end of stream and waits up to `timeoutMs` for the printer to close
   * its side. Never rejects: what the ending proves is for the caller to judge.
   */
  async finish(timeoutMs: number): Promise<RawEnding> {
    if (this.endedEarly) return 'early';
    if (this.failure) return 'broken';
    this.socket.end();
    try {
      await this.during(timeoutMs, 'finishing the job', () => this.peerEnded);
    } catch {
      return this.endedEarly ? 'early' : 'broken';
    }
    if (this.endedEarly) return 'early';
    return this.peerEnded ? 'clean' : 'open';
  }

  destroy(): void {
    this.socket.destroy();
  }

  /** Waits until `done` or `ms` passed; rejects on a failure or an early close meanwhile. */
  private async during(ms: number, doing: string, done: () => boolean): Promise<void> {
    let over = false;
    const timer = setTimeout(() => {
      over = true;
      this.wake();
    }, ms);
    try {
      await this.until(() => done() || over, doing);
    } finally {
      clearTimeout(timer);
    }
  }

  private until(done: () => boolean, doing: string, failed: () => Error | undefined = () => undefined): Promise<void> {
    return new Promise((resolve, reject) => {
      const check = (): void => {
        const failure = this.failure ?? failed();
        if (failure) {
          this.waiters.delete(check);
          reject(this.offline(doing, failure));
        } else if (this.endedEarly) {
          this.waiters.delete(check);
          reject(this.offline(doing, new Error(earlyClose)));
        } else if (done()) {
          this.waiters.delete(check);
          resolve();
        } else if (this.closed) {
          this.waiters.delete(check);
          reject(this.offline(doing, new Error('it closed the connection')));
        }
      };
      this.waiters.add(check);
      check();
    });
  }

  private wake(): void {
    for (const waiter of [...this.waiters]) waiter();
  }

  private offline(doing: string, cause: Error): PrinterOfflineError {
    const { host, port, printer } = this.options;
    this.socket.destroy();
    return new PrinterOfflineError(
      printer,
      doing === 'connecting'
        ? `Printer ${printer} (${host}:${port}) is not reachable while connecting: ${cause.message}. Check that it is switched on, connected to the network and at this address.`
        : `Printer ${printer} (${host}:${port}) failed while ${doing}: ${cause.message}. Its labels in this job are not confirmed; check that it is switched on, has paper and shows no error.`,
      { cause },
    );
  }
}

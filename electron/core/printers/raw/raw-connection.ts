import { Socket } from 'node:net';
import { PrinterOfflineError } from '../printer-errors.ts';

export interface RawConnectionOptions {
  host: string;
  port: number;
  /** The printer's name in errors. */
  printer: string;
  connectTimeoutMs: number;
  /** Longest silence while writing or waiting for the printer to close, before it counts as gone. */
  idleTimeoutMs: number;
}

/**
 * One TCP connection to a raw (port 9100) printer. Every failure — refused, unreachable, reset,
 * silent for too long — is a `PrinterOfflineError`: from here the printer is simply not there.
 */
export class RawConnection {
  private readonly socket = new Socket();
  private received = Buffer.alloc(0);
  private failure: Error | undefined;
  private closed = false;
  private readonly waiters = new Set<() => void>();

  private constructor(private readonly options: RawConnectionOptions) {
    this.socket.on('connect', () => this.wake());
    this.socket.on('data', (chunk: Buffer) => {
      this.received = Buffer.concat([this.received, chunk]);
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
      this.failure ??= new Error(this.socket.connecting ? `no connection within ${options.connectTimeoutMs} ms` : `silent for ${options.idleTimeoutMs} ms`);
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

  /** Resolves once the bytes are handed to the operating system; a reset on the way rejects. */
  async write(bytes: Buffer): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.socket.write(bytes, (error) => (error ? reject(this.offline('sending', error)) : resolve()));
    });
    if (this.failure) throw this.offline('sending', this.failure);
  }

  /**
   * Sends a status query and waits for a complete answer. Resolves undefined when the printer
   * stays silent for `timeoutMs`: many printers never answer, which is not a fault.
   */
  async query<T>(question: Buffer, parse: (answer: Buffer) => T | undefined, timeoutMs: number): Promise<T | undefined> {
    this.received = Buffer.alloc(0);
    await this.write(question);
    let answer: T | undefined;
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      this.wake();
    }, timeoutMs);
    try {
      await this.until(() => (answer = parse(this.received)) !== undefined || timedOut, 'waiting for its status');
    } finally {
      clearTimeout(timer);
    }
    return answer;
  }

  /**
   * Ends the job: half-closes the connection and waits for the printer to close its side. A
   * printer closes only after reading everything up to our end of stream, so a clean close
   * is the strongest receipt a raw port gives.
   */
  async finish(): Promise<void> {
    this.socket.end();
    await this.until(() => this.closed, 'finishing the job');
  }

  destroy(): void {
    this.socket.destroy();
  }

  private until(done: () => boolean, doing: string): Promise<void> {
    return new Promise((resolve, reject) => {
      const check = (): void => {
        if (this.failure) {
          this.waiters.delete(check);
          reject(this.offline(doing, this.failure));
        } else if (done()) {
          this.waiters.delete(check);
          resolve();
        } else if (this.closed) {
          this.waiters.delete(check);
          reject(this.offline(doing, new Error('the printer closed the connection')));
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
      `Printer ${printer} (${host}:${port}) is not reachable while ${doing}: ${cause.message}. ` +
        'Check that it is switched on, connected to the network and at this address.',
      { cause },
    );
  }
}

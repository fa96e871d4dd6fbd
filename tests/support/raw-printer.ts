import { createServer, type Server, type Socket } from 'node:net';

export interface RawPrinterState {
  paperOut: boolean;
  coverOpen: boolean;
  paused: boolean;
}

/** How the printer treats each connection; the misbehaviours of real (or broken) printers. */
export interface RawPrinterBehaviour {
  /** Answer ESC/POS `DLE EOT`, TSPL `<ESC>!?` and ZPL `~HS` status queries, as most printers do. Default true. */
  answerStatus: boolean;
  /** Answers every status query with these bytes instead of a status: garbage. */
  statusReply: Buffer | undefined;
  /** Stops reading and closes its side (FIN, no reset) once it has read this many bytes. */
  closeEarlyAfter: number | undefined;
  /** Reads everything but never closes, not even after the sender's end of stream. */
  neverClose: boolean;
  /** Reads no faster than this, as a printer whose buffer drains at its print speed. */
  readBytesPerSecond: number | undefined;
  /** Loses power (see `freeze`) once it has read this many bytes of a connection. */
  freezeAfter: number | undefined;
}

export interface RawPrinterOptions extends Partial<RawPrinterBehaviour> {
  /** 0 (default) picks a free port. */
  port?: number;
}

export interface RawPrinter {
  host: string;
  port: number;
  /** The bytes of each connection, in the order the connections were accepted. */
  received(): Buffer[];
  /** Reports this condition to status queries from now on. */
  setState(state: Partial<RawPrinterState>): void;
  /** Forgets the bytes of connection `index` (it stays in `received()`, empty): a long soak keeps memory flat. */
  release(index: number): void;
  /** The most connections that were open at the same time: a real raw port serves one. */
  peakConnections(): number;
  /** The next connection is cut (reset) once it has received this many bytes: a printer dying mid-job. */
  dropNextConnectionAfter(bytes: number): void;
  /** Connections accepted from now on behave so (the ones open keep how they started). */
  misbehave(behaviour: Partial<RawPrinterBehaviour>): void;
  /**
   * Loses power without a word: stops listening, and its open connections get no more reads,
   * answers or closes (no reset reaches the sender). `comeBack` drops them, as a reboot would.
   */
  freeze(): Promise<void>;
  /** Stops listening once `connections` connections have ended, letting them finish: switched off between two jobs. */
  goOfflineAfter(connections: number): void;
  /** Switched off: stops listening and drops every open connection. */
  goOffline(): Promise<void>;
  /** Switched on again, on the same port. */
  comeBack(): Promise<void>;
  stop(): Promise<void>;
}

/** Finds ESC/POS `DLE EOT n` at command boundaries, skipping raster data that may contain the same bytes. */
function escposQueries(bytes: Buffer, from: number): { queries: number[]; next: number } {
  const queries: number[] = [];
  let i = from;
  while (i < bytes.length) {
    const [a, b, c] = [bytes[i], bytes[i + 1], bytes[i + 2]];
    if (b === undefined || (a === 0x1d && c === undefined)) break;
    if (a === 0x1b && b === 0x40) i += 2;
    else if (a === 0x10 && b === 0x04) {
      if (c === undefined) break;
      queries.push(c);
      i += 3;
    } else if (a === 0x1d && b === 0x76 && c === 0x30) {
      if (i + 8 > bytes.length) break;
      const length = 8 + bytes.readUInt16LE(i + 4) * bytes.readUInt16LE(i + 6);
      if (i + length > bytes.length) break;
      i += length;
    } else if (a === 0x1d && b === 0x56) {
      const length = c === 0x41 || c === 0x42 ? 4 : 3;
      if (i + length > bytes.length) break;
      i += length;
    } else i += 1;
  }
  return { queries, next: i };
}

/** Finds TSPL `<ESC>!?` between commands, skipping `BITMAP` data that may contain the same bytes. */
function tsplQueries(bytes: Buffer, from: number): { queries: number; next: number } {
  let queries = 0;
  let i = from;
  while (i < bytes.length) {
    if (bytes[i] === 0x1b) {
      if (i + 3 > bytes.length) break;
      if (bytes[i + 1] === 0x21 && bytes[i + 2] === 0x3f) queries++;
      i += 3;
      continue;
    }
    const lineEnd = bytes.indexOf('\r\n', i, 'latin1');
    if (bytes.toString('latin1', i, i + 7) === 'BITMAP ') {
      const fields = /^BITMAP (\d+),(\d+),(\d+),(\d+),(\d+),/.exec(bytes.toString('latin1', i, i + 60));
      if (!fields) break;
      const end = i + (fields[0] ?? '').length + Number(fields[3]) * Number(fields[4]);
      if (end > bytes.length) break;
      i = end;
    } else if (lineEnd < 0) break;
    else i = lineEnd + 2;
  }
  return { queries, next: i };
}

function tsplAnswer(state: RawPrinterState): number {
  return (state.coverOpen ? 0x01 : 0) | (state.paperOut ? 0x04 : 0) | (state.paused ? 0x10 : 0);
}

function escposAnswer(query: number, state: RawPrinterState): number {
  const fixed = 0x12;
  if (query === 1) return fixed | (state.paused ? 0x08 : 0);
  if (query === 2) return fixed | (state.coverOpen ? 0x04 : 0) | (state.paperOut ? 0x20 : 0);
  return fixed | (state.paperOut ? 0x60 : 0);
}

function zplAnswer(state: RawPrinterState): string {
  const flag = (on: boolean): string => (on ? '1' : '0');
  return (
    `\x02030,${flag(state.paperOut)},${flag(state.paused)},1218,000,0,0,0,000,0,0,0\x03\r\n` +
    `\x02000,0,${flag(state.coverOpen)},0,0,2,4,0,00000000,1,000\x03\r\n` +
    '\x021234,0\x03\r\n'
  );
}

/**
 * A network label printer's raw port (JetDirect, 9100) on 127.0.0.1: keeps every connection's
 * bytes, answers status queries like a healthy (or a settable unhealthy) printer, and closes its
 * side once it has read the sender's end of stream, as real printers do. `misbehave` teaches it
 * what broken printers do: close early, never close, answer garbage, read slowly.
 */
export async function startRawPrinter(options: RawPrinterOptions = {}): Promise<RawPrinter> {
  const host = '127.0.0.1';
  const connections: Buffer[][] = [];
  const open = new Set<Socket>();
  const state: RawPrinterState = { paperOut: false, coverOpen: false, paused: false };
  let behaviour: RawPrinterBehaviour = {
    answerStatus: options.answerStatus ?? true,
    statusReply: options.statusReply,
    closeEarlyAfter: options.closeEarlyAfter,
    neverClose: options.neverClose ?? false,
    readBytesPerSecond: options.readBytesPerSecond,
    freezeAfter: options.freezeAfter,
  };
  const timers = new Set<NodeJS.Timeout>();
  const frozen = new Set<Socket>();
  let dropAfter: number | undefined;
  let offlineAfter: number | undefined;
  let ended = 0;
  let peak = 0;

  const freeze = (): void => {
    for (const socket of open) {
      socket.pause();
      frozen.add(socket);
    }
    // Not waiting for the close: it completes only once the frozen connections are gone.
    server.close();
  };

  // Half-open, so the printer and not Node decides when its side closes.
  const server: Server = createServer({ allowHalfOpen: true }, (socket) => {
    const { answerStatus, statusReply, closeEarlyAfter, neverClose, readBytesPerSecond, freezeAfter } = behaviour;
    const answer = (reply: Buffer | string): void => {
      socket.write(statusReply ?? reply, 'latin1');
    };
    open.add(socket);
    peak = Math.max(peak, open.size);
    const chunks: Buffer[] = [];
    connections.push(chunks);
    let escposNext = 0;
    let tsplNext = 0;
    let zplNext = 0;
    const cutAt = dropAfter;
    dropAfter = undefined;
    let count = 0;
    socket.on('data', (data: Buffer) => {
      if (frozen.has(socket)) return;
      const stopsHere = closeEarlyAfter !== undefined && count + data.length >= closeEarlyAfter;
      const chunk = stopsHere ? data.subarray(0, closeEarlyAfter - count) : data;
      chunks.push(chunk);
      count += chunk.length;
      if (cutAt !== undefined && count >= cutAt) {
        socket.resetAndDestroy();
        return;
      }
      if (freezeAfter !== undefined && count >= freezeAfter) {
        freeze();
        return;
      }
      if (stopsHere) {
        socket.pause();
        socket.end();
        return;
      }
      if (readBytesPerSecond !== undefined) {
        socket.pause();
        const timer = setTimeout(() => {
          timers.delete(timer);
          socket.resume();
        }, (chunk.length / readBytesPerSecond) * 1000);
        timers.add(timer);
      }
      if (!answerStatus) return;
      const all = Buffer.concat(chunks);
      // A printer speaks one language; the first bytes tell which, so raster bytes are never read as commands.
      if (all[0] === 0x1b && all.length < 2) return;
      const speaksTspl = (all[0] === 0x1b && all[1] === 0x21) || (all[0] !== undefined && all[0] >= 0x41 && all[0] <= 0x5a);
      const speaksZpl = all[0] === 0x7e || all[0] === 0x5e;
      if (speaksTspl) {
        const tspl = tsplQueries(all, tsplNext);
        tsplNext = tspl.next;
        for (let q = 0; q < tspl.queries; q++) answer(Buffer.from([tsplAnswer(state)]));
        return;
      }
      if (!speaksZpl) {
        const escpos = escposQueries(all, escposNext);
        escposNext = escpos.next;
        if (escpos.queries.length > 0) answer(Buffer.from(escpos.queries.map((q) => escposAnswer(q, state))));
        return;
      }
      const text = all.toString('latin1');
      for (let at = text.indexOf('~HS', zplNext); at >= 0; at = text.indexOf('~HS', zplNext)) {
        zplNext = at + 3;
        answer(zplAnswer(state));
      }
    });
    socket.on('end', () => {
      if (!neverClose && !frozen.has(socket)) socket.end();
      if (++ended === offlineAfter && server.listening) server.close();
    });
    socket.on('error', () => undefined);
    socket.on('close', () => open.delete(socket));
  });

  const listen = (port: number): Promise<void> =>
    new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  const close = (): Promise<void> =>
    new Promise((resolve) => {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      for (const socket of open) socket.destroy();
      if (server.listening) server.close(() => resolve());
      else resolve();
    });

  await listen(options.port ?? 0);
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('raw printer: no TCP address');
  const port = address.port;

  return {
    host,
    port,
    received: () => connections.map((chunks) => Buffer.concat(chunks)),
    release: (index) => {
      const chunks = connections[index];
      if (chunks) chunks.length = 0;
    },
    setState: (next) => Object.assign(state, next),
    peakConnections: () => peak,
    dropNextConnectionAfter: (bytes) => {
      dropAfter = bytes;
    },
    misbehave: (next) => {
      behaviour = { ...behaviour, ...next };
    },
    goOfflineAfter: (connections) => {
      offlineAfter = ended + connections;
    },
    goOffline: close,
    freeze: () => {
      freeze();
      return Promise.resolve();
    },
    comeBack: () => {
      for (const socket of frozen) socket.destroy();
      frozen.clear();
      return listen(port);
    },
    stop: close,
  };
}

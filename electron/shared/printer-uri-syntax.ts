/**
 * What a printer URI may be, read once: the profile schema refuses what this refuses, and the
 * adapters take the target it returns, so a URI that was saved can always be opened.
 */

export type RawProtocol = 'escpos' | 'tspl' | 'zpl';

export type PrinterTarget =
  | { kind: 'system'; queue: string }
  /** A raw language delivered unchanged through the OS queue (CUPS raw, Windows RAW datatype). */
  | { kind: 'raw-system'; protocol: RawProtocol; queue: string }
  | { kind: RawProtocol; host: string; port: number }
  | { kind: 'pdf-dir'; path: string };

/** The JetDirect raw port every network label printer listens on unless told otherwise. */
export const defaultRawPort = 9100;

export const printerUriForms =
  'a printer is system:NAME, tspl+system:NAME (or escpos+, zpl+), escpos://HOST:PORT, tspl://HOST:PORT, zpl://HOST:PORT or pdf-dir:FOLDER';

export type PrinterUriReading = { ok: true; target: PrinterTarget } | { ok: false; problem: string };

const fail = (problem: string): PrinterUriReading => ({ ok: false, problem });
// Control characters would end up in command lines, file names and logs.
// eslint-disable-next-line no-control-regex
const controlCharacters = /[\u0000-\u001f\u007f]/;
/** CUPS allows 127 characters in a queue name; Windows printer names are shorter still in practice. */
const longestQueueName = 127;
const longestFolder = 1024;
const longestHost = 253;

function queueProblem(queue: string): string | undefined {
  if (queue.length === 0) return 'system: needs the queue name, e.g. system:LabelPrinter';
  if (queue.length > longestQueueName) return `the queue name is longer than ${longestQueueName} characters`;
  if (controlCharacters.test(queue)) return 'the queue name has a control character (a line break or tab?)';
  if (queue.trim() !== queue) return 'the queue name starts or ends with a space';
  return undefined;
}

function folderProblem(folder: string): string | undefined {
  if (folder.length === 0) return 'pdf-dir: needs a folder, e.g. pdf-dir:/srv/labels';
  if (folder.length > longestFolder) return `the folder is longer than ${longestFolder} characters`;
  if (controlCharacters.test(folder)) return 'the folder has a control character (a line break or tab?)';
  // A relative folder would depend on where the station was started from.
  if (!/^(\/|[A-Za-z]:[\\/]|\\\\)/.test(folder)) return `the folder "${folder}" is not a full path: start it with / (or C:\\ on Windows)`;
  return undefined;
}

function ipv4Problem(host: string): string | undefined {
  const parts = host.split('.');
  const bad = parts.length !== 4 || parts.some((part) => !/^(0|[1-9]\d{0,2})$/.test(part) || Number(part) > 255);
  return bad ? `"${host}" is not an IPv4 address (four numbers 0–255, like 192.168.1.50)` : undefined;
}

function hostProblem(host: string): string | undefined {
  if (host.length === 0) return 'the printer address (host) is missing, e.g. tspl://192.168.1.50:9100';
  if (/^[\d.]+$/.test(host)) return ipv4Problem(host);
  if (host.length > longestHost) return `the host name is longer than ${longestHost} characters`;
  const labels = host.split('.');
  const badLabel = labels.find((label) => !/^[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?$/.test(label));
  if (badLabel !== undefined) return `"${host}" is not a host name or address (letters, digits, - and . only)`;
  return undefined;
}

function ipv6Problem(address: string): string | undefined {
  const ok = /^[0-9A-Fa-f:.]+(%[A-Za-z0-9_.-]+)?$/.test(address) && (address.match(/:/g)?.length ?? 0) >= 2;
  return ok ? undefined : `"[${address}]" is not an IPv6 address`;
}

function readRawUri(kind: RawProtocol, rest: string): PrinterUriReading {
  const match = /^(\[[^\]]*\]|[^:/[\]]*)(?::([^/]*))?(\/?)(.*)$/.exec(rest);
  const [, hostPart = '', portPart, , tail = ''] = match ?? [];
  if (tail !== '' || /[?#@\s]/.test(rest)) {
    return fail(`${kind}:// takes only a host and a port, nothing after them: write ${kind}://HOST:PORT`);
  }
  const bracketed = hostPart.startsWith('[');
  const host = bracketed ? hostPart.slice(1, -1) : hostPart;
  const hostIssue = bracketed ? ipv6Problem(host) : hostProblem(host);
  if (hostIssue) return fail(hostIssue);
  if (portPart === undefined) return { ok: true, target: { kind, host, port: defaultRawPort } };
  if (!/^\d{1,5}$/.test(portPart)) return fail(`port "${portPart}" is not a number 1–65535`);
  const port = Number(portPart);
  if (port < 1 || port > 65535) return fail(`port ${port} is out of range 1–65535`);
  return { ok: true, target: { kind, host, port } };
}

/** Reads a printer URI (`system:NAME`, `escpos://HOST:PORT`, …), or says what is wrong with it. */
export function readPrinterUri(uri: string): PrinterUriReading {
  if (uri.startsWith('system:')) {
    const queue = uri.slice('system:'.length);
    const problem = queueProblem(queue);
    return problem ? fail(problem) : { ok: true, target: { kind: 'system', queue } };
  }
  const spooled = /^(escpos|tspl|zpl)\+system:(.*)$/s.exec(uri);
  if (spooled) {
    const queue = spooled[2] ?? '';
    const problem = queueProblem(queue);
    return problem ? fail(problem) : { ok: true, target: { kind: 'raw-system', protocol: spooled[1] as RawProtocol, queue } };
  }
  if (uri.startsWith('pdf-dir:')) {
    const path = uri.slice('pdf-dir:'.length);
    const problem = folderProblem(path);
    return problem ? fail(problem) : { ok: true, target: { kind: 'pdf-dir', path } };
  }
  const raw = /^(escpos|tspl|zpl):\/\/(.*)$/s.exec(uri);
  if (!raw) return fail(printerUriForms);
  return readRawUri(raw[1] as RawProtocol, raw[2] ?? '');
}

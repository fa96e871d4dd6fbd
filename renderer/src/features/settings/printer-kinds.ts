/**
 * The printer kinds the form offers in plain words, and the URI each one makes. The URI is the
 * truth (it is what is saved and what experts may type); the kind and its parts are read from it.
 */
export const printerKinds = ['tspl-usb', 'zpl-usb', 'escpos-usb', 'system', 'tspl-net', 'zpl-net', 'escpos-net', 'pdf-dir', 'custom'] as const;
export type PrinterKind = (typeof printerKinds)[number];

export interface UriParts {
  /** The OS queue for the `-usb` and `system` kinds. */
  queue: string;
  host: string;
  port: string;
  folder: string;
}

const emptyParts: UriParts = { queue: '', host: '', port: '9100', folder: '' };

export function kindOf(uri: string): PrinterKind {
  const value = uri.trim();
  const spooled = /^(tspl|zpl|escpos)\+system:/.exec(value);
  if (spooled) return `${spooled[1] as 'tspl' | 'zpl' | 'escpos'}-usb`;
  if (value.startsWith('system:')) return 'system';
  const network = /^(tspl|zpl|escpos):\/\//.exec(value);
  if (network) return `${network[1] as 'tspl' | 'zpl' | 'escpos'}-net`;
  if (value.startsWith('pdf-dir:')) return 'pdf-dir';
  return 'custom';
}

export function partsOf(uri: string): UriParts {
  const value = uri.trim();
  const queue = /^(?:(?:tspl|zpl|escpos)\+)?system:(.*)$/.exec(value);
  if (queue) return { ...emptyParts, queue: queue[1] ?? '' };
  const network = /^(?:tspl|zpl|escpos):\/\/([^/:]*)(?::(\d*))?/.exec(value);
  if (network) return { ...emptyParts, host: network[1] ?? '', port: network[2] ?? '9100' };
  if (value.startsWith('pdf-dir:')) return { ...emptyParts, folder: value.slice('pdf-dir:'.length) };
  return emptyParts;
}

/** The URI for a kind and its parts; `custom` keeps what was typed. */
export function buildUri(kind: PrinterKind, parts: UriParts, typed: string): string {
  switch (kind) {
    case 'tspl-usb':
    case 'zpl-usb':
    case 'escpos-usb':
      return `${kind.slice(0, -4)}+system:${parts.queue}`;
    case 'system':
      return `system:${parts.queue}`;
    case 'tspl-net':
    case 'zpl-net':
    case 'escpos-net':
      return `${kind.slice(0, -4)}://${parts.host}${parts.port && parts.port !== '9100' ? `:${parts.port}` : ''}`;
    case 'pdf-dir':
      return `pdf-dir:${parts.folder}`;
    case 'custom':
      return typed;
  }
}

/** Kinds whose printer has a media sensor and takes the medium, speed and darkness. */
export function takesMedia(kind: PrinterKind): boolean {
  return kind === 'tspl-usb' || kind === 'zpl-usb' || kind === 'tspl-net' || kind === 'zpl-net';
}

/** Kinds whose printer has a label sensor it can calibrate itself (TSPL and ZPL, USB or network). */
export function canCalibrate(kind: PrinterKind): boolean {
  return takesMedia(kind);
}

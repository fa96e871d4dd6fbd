import { kindOf, partsOf } from './printer-kinds.ts';

/**
 * A printer as the operator reads it: its kind in words and the one part of its address that
 * tells two of a kind apart (queue, IP and port, folder), never the URI's scheme syntax.
 */
export function describePrinter(uri: string, t: (key: string) => string): string {
  const kind = kindOf(uri);
  const parts = partsOf(uri);
  const where =
    kind === 'pdf-dir' ? parts.folder : kind.endsWith('-net') ? `${parts.host}:${parts.port}` : kind === 'custom' ? '' : parts.queue;
  const words = t(kind === 'custom' ? 'desk.printers.otherKind' : `printers.kinds.${kind}`);
  return where ? `${words} · ${where}` : words;
}

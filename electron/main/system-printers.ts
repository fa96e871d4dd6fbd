import type { PrinterInfo } from 'electron';
import type { DiscoveredPrinter } from '../shared/printer-profile.ts';

/** The OS's printers as Chromium sees them, offered as `system:` printers the core prints to. */
export function systemPrintersFrom(infos: readonly PrinterInfo[]): DiscoveredPrinter[] {
  return infos.map((info) => ({
    uri: `system:${info.name}`,
    name: info.displayName || info.name,
    kind: 'system',
    status: { state: 'unknown', message: '' },
  }));
}

/** The core's discovery plus Chromium's list, one entry per URI (the core's richer status wins). */
export function mergeDiscovered(core: readonly DiscoveredPrinter[], system: readonly DiscoveredPrinter[]): DiscoveredPrinter[] {
  const seen = new Set(core.map((p) => p.uri));
  return [...core, ...system.filter((p) => !seen.has(p.uri))];
}

import type { DiscoveredPrinter } from '../../../shared/printer-profile.ts';
import { guessPrinterLanguage, suggestedQueueUris } from '../language-guess.ts';
import type { RunCommand } from '../printer-deps.ts';
import { cupsPrinterStatus } from './cups-status.ts';
import { queryIpp } from './ipp-attributes.ts';

/**
 * Every CUPS queue on this machine with its status, make and model and the language that
 * suggests, then the USB printers CUPS sees that have no queue yet (`lpinfo`). None (not an
 * error) when CUPS is absent or down.
 */
export async function discoverCupsPrinters(run: RunCommand): Promise<DiscoveredPrinter[]> {
  let names: string[];
  try {
    const listed = await run('lpstat', ['-e']);
    if (listed.code !== 0) return [];
    names = listed.stdout.split('\n').map((line) => line.trim()).filter((line) => line.length > 0);
  } catch {
    return [];
  }
  const queues = await Promise.all(
    names.map(async (name): Promise<DiscoveredPrinter> => {
      try {
        const attributes = await queryIpp(run, name, `/printers/${encodeURIComponent(name)}`, 'get-printer-attributes.test');
        const makeAndModel = attributes.get('printer-make-and-model') || null;
        const guessedLanguage = guessPrinterLanguage(makeAndModel);
        return {
          uri: `system:${name}`,
          name,
          kind: 'system',
          status: cupsPrinterStatus(name, attributes),
          makeAndModel,
          connection: attributes.get('device-uri') || null,
          guessedLanguage,
          suggestedUris: suggestedQueueUris(name, guessedLanguage),
        };
      } catch {
        const status = { state: 'unknown' as const, message: 'ipptool is missing: install cups-ipp-utils to see its status' };
        return { uri: `system:${name}`, name, kind: 'system', status, suggestedUris: suggestedQueueUris(name, null) };
      }
    }),
  );
  const queued = new Set(queues.map((queue) => queue.connection).filter((uri) => uri));
  const devices = (await usbDevices(run)).filter((device) => !queued.has(device.uri));
  return [...queues, ...devices];
}

/** `usb://Make/Model?serial=…` → "Make Model". */
function usbMakeAndModel(uri: string): string {
  const path = uri.slice('usb://'.length).split('?')[0] ?? '';
  return path.split('/').map((part) => decodeURIComponent(part.replace(/\+/g, ' '))).join(' ').trim();
}

/** USB printers CUPS's usb backend finds; `--include-schemes usb` skips the slow network scans. */
async function usbDevices(run: RunCommand): Promise<DiscoveredPrinter[]> {
  let listed;
  try {
    listed = await run('lpinfo', ['--include-schemes', 'usb', '-v']);
  } catch {
    return [];
  }
  if (listed.code !== 0) return [];
  return listed.stdout
    .split('\n')
    .map((line) => /^\s*\S+\s+(usb:\/\/\S+)\s*$/.exec(line)?.[1])
    .filter((uri): uri is string => uri !== undefined)
    .map((uri) => {
      const makeAndModel = usbMakeAndModel(uri);
      return {
        uri,
        name: makeAndModel || uri,
        kind: 'usb-device',
        status: { state: 'unknown', message: 'a USB printer without a print queue: add it as a label printer to create one' },
        makeAndModel,
        connection: uri,
        guessedLanguage: guessPrinterLanguage(makeAndModel),
        suggestedUris: [],
      } satisfies DiscoveredPrinter;
    });
}

import type { DiscoveredPrinter } from '../../../shared/printer-profile.ts';
import type { RunCommand } from '../printer-deps.ts';
import { cupsPrinterStatus } from './cups-status.ts';
import { queryIpp } from './ipp-attributes.ts';

/** Every CUPS queue on this machine with its status; none (not an error) when CUPS is absent or down. */
export async function discoverCupsPrinters(run: RunCommand): Promise<DiscoveredPrinter[]> {
  let names: string[];
  try {
    const listed = await run('lpstat', ['-e']);
    if (listed.code !== 0) return [];
    names = listed.stdout.split('\n').map((line) => line.trim()).filter((line) => line.length > 0);
  } catch {
    return [];
  }
  return Promise.all(
    names.map(async (name): Promise<DiscoveredPrinter> => {
      const status = await queryIpp(run, name, `/printers/${encodeURIComponent(name)}`, 'get-printer-attributes.test')
        .then((attributes) => cupsPrinterStatus(name, attributes))
        .catch(() => ({ state: 'unknown' as const, message: 'ipptool is missing: install cups-ipp-utils to see its status' }));
      return { uri: `system:${name}`, name, kind: 'system', status };
    }),
  );
}

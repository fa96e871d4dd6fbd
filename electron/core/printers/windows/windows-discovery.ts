import type { DiscoveredPrinter } from '../../../shared/printer-profile.ts';
import { guessPrinterLanguage, suggestedQueueUris } from '../language-guess.ts';
import type { Winspool } from './winspool-api.ts';
import { windowsPrinterState } from './winspool-errors.ts';

/** The printers Windows lists (`EnumPrintersW` level 2) with their port, driver, state and guessed language. */
export function discoverWinspoolPrinters(ws: Winspool): DiscoveredPrinter[] {
  return ws.enumPrinters().map((printer) => {
    const guessedLanguage = guessPrinterLanguage(printer.driver) ?? guessPrinterLanguage(printer.name);
    return {
      uri: `system:${printer.name}`,
      name: printer.name,
      kind: 'system',
      status: windowsPrinterState(printer),
      makeAndModel: printer.driver,
      connection: printer.port,
      guessedLanguage,
      suggestedUris: suggestedQueueUris(printer.name, guessedLanguage),
    };
  });
}

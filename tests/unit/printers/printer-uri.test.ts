import { describe, expect, it } from 'vitest';
import { PrinterConfigError } from '../../../electron/core/printers/printer-errors.ts';
import { parsePrinterUri } from '../../../electron/core/printers/printer-uri.ts';
import { openPrinter } from '../../../electron/core/printers/index.ts';

describe('parsePrinterUri', () => {
  it('names the adapter and its address', () => {
    expect(parsePrinterUri('system:Zebra_ZD220')).toEqual({ kind: 'system', queue: 'Zebra_ZD220' });
    expect(parsePrinterUri('tspl://192.168.1.50:9101')).toEqual({ kind: 'tspl', host: '192.168.1.50', port: 9101 });
    expect(parsePrinterUri('zpl://printer.local')).toEqual({ kind: 'zpl', host: 'printer.local', port: 9100 });
    expect(parsePrinterUri('escpos://10.0.0.7:9100/')).toEqual({ kind: 'escpos', host: '10.0.0.7', port: 9100 });
    expect(parsePrinterUri('pdf-dir:/srv/hot folder')).toEqual({ kind: 'pdf-dir', path: '/srv/hot folder' });
  });

  it('refuses what is not a printer, saying what is', () => {
    expect(() => parsePrinterUri('ipp://x')).toThrow(PrinterConfigError);
    expect(() => parsePrinterUri('zpl://host:70000')).toThrow(/out of range/);
    expect(() => parsePrinterUri('lpt1')).toThrow(/system:NAME/);
  });
});

describe('openPrinter', () => {
  it('refuses settings outside what the profile allows, naming the field', () => {
    const profile = { id: 'p', name: 'Desk', uri: 'zpl://10.0.0.9', template: '100x150', dpi: 203, offsetXmm: 25, offsetYmm: 0, darkness: null, labelsPerJob: 5 } as const;
    expect(() => openPrinter(profile)).toThrow(/offsetXmm/);
    expect(() => openPrinter({ ...profile, offsetXmm: 0 })).not.toThrow();
  });
});

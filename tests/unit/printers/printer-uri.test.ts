import { describe, expect, it } from 'vitest';
import { PrinterConfigError } from '../../../electron/core/printers/printer-errors.ts';
import { parsePrinterUri } from '../../../electron/core/printers/printer-uri.ts';

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

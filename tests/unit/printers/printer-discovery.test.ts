import { describe, expect, it } from 'vitest';
import { discoverCupsPrinters } from '../../../electron/core/printers/cups/cups-discovery.ts';
import { createCupsRawQueue } from '../../../electron/core/printers/cups/cups-queue-admin.ts';
import { guessPrinterLanguage } from '../../../electron/core/printers/language-guess.ts';
import type { RunCommand } from '../../../electron/core/printers/printer-deps.ts';
import { PrinterConfigError } from '../../../electron/core/printers/printer-errors.ts';
import { discoverWinspoolPrinters } from '../../../electron/core/printers/windows/windows-discovery.ts';
import { printerStatus, type Winspool } from '../../../electron/core/printers/windows/winspool-api.ts';

const ipp = (attributes: Record<string, string>): string =>
  `RECEIVED: 100 bytes\n${Object.entries(attributes).map(([k, v]) => `        ${k} (textWithoutLanguage) = ${v}`).join('\n')}\n`;

describe('guessing the label language from make and model', () => {
  it('knows the desks\' printers and says nothing for the rest', () => {
    expect(guessPrinterLanguage('Xprinter XP-420B')).toBe('tspl');
    expect(guessPrinterLanguage('TSC TE200')).toBe('tspl');
    expect(guessPrinterLanguage('TSC TTP-244 Pro')).toBe('tspl');
    expect(guessPrinterLanguage('Gprinter GP-1324D')).toBe('tspl');
    expect(guessPrinterLanguage('ZDesigner GK420d')).toBe('zpl');
    expect(guessPrinterLanguage('Zebra ZD220')).toBe('zpl');
    expect(guessPrinterLanguage('EPSON TM-T82 Receipt')).toBe('escpos');
    expect(guessPrinterLanguage('Blueprint BP-LITE80D')).toBe('escpos');
    expect(guessPrinterLanguage('POS-80 Printer')).toBe('escpos');
    expect(guessPrinterLanguage('HP LaserJet Pro M404')).toBeNull();
    expect(guessPrinterLanguage(null)).toBeNull();
  });
});

describe('discovering CUPS printers', () => {
  const run: RunCommand = async (command, args) => {
    if (command === 'lpstat') return { code: 0, stdout: 'XP420\nOffice\n', stderr: '' };
    if (command === 'lpinfo') {
      return { code: 0, stdout: 'direct usb://Xprinter/XP-420B?serial=AB12\ndirect usb://Zebra%20Technologies/ZTC%20ZD220-203dpi%20ZPL?serial=9\ndirect usb://EPSON/TM-T82?serial=1\n', stderr: '' };
    }
    const queue = String(args[3]).includes('XP420') ? 'XP420' : 'Office';
    const model = queue === 'XP420' ? 'Xprinter XP-420B' : 'HP LaserJet';
    const device = queue === 'XP420' ? 'usb://Xprinter/XP-420B?serial=AB12' : 'ipp://office.local/ipp/print';
    return { code: 0, stdout: ipp({ 'printer-state': 'idle', 'printer-state-reasons': 'none', 'printer-is-accepting-jobs': 'true', 'printer-make-and-model': model, 'device-uri': device }), stderr: '' };
  };

  it('lists queues with make, model and device, the guessed raw kind first, then USB printers without a queue', async () => {
    const found = await discoverCupsPrinters(run);
    expect(found.map((p) => [p.kind, p.uri, p.guessedLanguage])).toEqual([
      ['system', 'system:XP420', 'tspl'],
      ['system', 'system:Office', null],
      ['usb-device', 'usb://Zebra%20Technologies/ZTC%20ZD220-203dpi%20ZPL?serial=9', 'zpl'],
      ['usb-device', 'usb://EPSON/TM-T82?serial=1', 'escpos'],
    ]);
    expect(found[0]?.suggestedUris?.slice(0, 2)).toEqual(['tspl+system:XP420', 'system:XP420']);
    expect(found[1]?.suggestedUris?.[0]).toBe('system:Office');
    expect(found[2]?.makeAndModel).toBe('Zebra Technologies ZTC ZD220-203dpi ZPL');
  });

  it('CUPS absent or lpinfo refused: queues only, or nothing, never an error', async () => {
    expect(await discoverCupsPrinters(async () => Promise.reject(Object.assign(new Error('spawn lpstat ENOENT'), { code: 'ENOENT' })))).toEqual([]);
    const noLpinfo: RunCommand = async (command, args, options) => (command === 'lpinfo' ? { code: 1, stdout: '', stderr: 'lpinfo: Forbidden' } : run(command, args, options));
    expect((await discoverCupsPrinters(noLpinfo)).map((p) => p.kind)).toEqual(['system', 'system']);
  });
});

describe('discovering Windows printers (fake winspool)', () => {
  it('gives port, driver, state and the guess from the driver name', () => {
    const ws = {
      enumPrinters: () => [
        { name: 'Label', port: 'USB001', driver: 'Xprinter XP-420B', status: 0, attributes: 0 },
        { name: 'Kasir', port: 'USB002', driver: 'EPSON TM-T82 Receipt', status: printerStatus.offline, attributes: 0 },
      ],
    } as unknown as Winspool;
    const found = discoverWinspoolPrinters(ws);
    expect(found.map((p) => [p.uri, p.connection, p.makeAndModel, p.guessedLanguage, p.status.state])).toEqual([
      ['system:Label', 'USB001', 'Xprinter XP-420B', 'tspl', 'ready'],
      ['system:Kasir', 'USB002', 'EPSON TM-T82 Receipt', 'escpos', 'offline'],
    ]);
    expect(found[0]?.suggestedUris?.[0]).toBe('tspl+system:Label');
  });
});

describe('creating a raw CUPS queue for a USB printer', () => {
  it('runs lpadmin -p NAME -E -v DEVICE and says what it did', async () => {
    const calls: string[][] = [];
    const created = await createCupsRawQueue(async (command, args) => (calls.push([command, ...args]), { code: 0, stdout: '', stderr: '' }), {
      deviceUri: 'usb://Xprinter/XP-420B?serial=AB12', name: 'XP420', language: 'tspl',
    });
    expect(calls).toEqual([['lpadmin', '-p', 'XP420', '-E', '-v', 'usb://Xprinter/XP-420B?serial=AB12']]);
    expect(created.uri).toBe('tspl+system:XP420');
    expect(created.message).toContain('lpadmin -p XP420 -E -v usb://Xprinter/XP-420B?serial=AB12');
  });

  it('refuses names and devices that are not, and says when it needs administrator rights', async () => {
    const never: RunCommand = async () => {
      throw new Error('must not run');
    };
    await expect(createCupsRawQueue(never, { deviceUri: 'usb://X/Y', name: 'bad name; rm', language: 'tspl' })).rejects.toThrow(PrinterConfigError);
    await expect(createCupsRawQueue(never, { deviceUri: 'file:///etc/passwd', name: 'Q', language: 'tspl' })).rejects.toThrow(/not a USB/);
    const forbidden: RunCommand = async () => ({ code: 1, stdout: '', stderr: 'lpadmin: Forbidden' });
    await expect(createCupsRawQueue(forbidden, { deviceUri: 'usb://X/Y', name: 'Q', language: 'zpl' })).rejects.toThrow(/administrator rights.*lpadmin -p Q -E -v usb:\/\/X\/Y/);
  });
});

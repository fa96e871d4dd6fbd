import { defaultPrinterMedia, type PrinterProfile } from '../../../shared/printer-profile.ts';
import { PrinterConfigError } from '../printer-errors.ts';
import type { RawProtocol } from '../printer-uri.ts';
import { tsplMediaCommands } from './tspl-encoder.ts';

/**
 * The printer's own sensor calibration, sent before a test page: it feeds a few labels and
 * learns where each begins, which cures blank, shifted and doubled labels after a roll change.
 * TSPL measures the gap (`GAPDETECT`) or the black mark (`BLINEDETECT`); ZPL's `~JC` sets the
 * media sensor up by itself. A continuous roll has nothing to find: only its setup is sent.
 * ESC/POS receipt printers have no such command.
 */
export function calibrationCommands(protocol: RawProtocol, profile: PrinterProfile, printer: string): Buffer {
  const media = profile.media ?? defaultPrinterMedia;
  if (protocol === 'escpos') {
    throw new PrinterConfigError(printer, `${printer} speaks ESC/POS, which has no label sensor to calibrate: print the test page and set the offsets from it.`);
  }
  if (protocol === 'zpl') {
    return Buffer.from(media.sensor === 'continuous' ? '^XA^MNN^XZ' : `^XA^MN${media.sensor === 'mark' ? 'M' : 'Y'}^XZ~JC`, 'latin1');
  }
  const detect = media.sensor === 'continuous' ? [] : [media.sensor === 'mark' ? 'BLINEDETECT' : 'GAPDETECT'];
  return Buffer.from([...tsplMediaCommands(media), ...detect, ''].join('\r\n'), 'latin1');
}

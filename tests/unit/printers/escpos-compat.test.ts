import ntp from 'node-thermal-printer';
import { describe, expect, it } from 'vitest';
import { renderRaster } from '../../../electron/core/labels/index.ts';
import { encodeEscPosLabel } from '../../../electron/core/printers/raw/escpos-encoder.ts';
import { monoBitmapToPngBuffer } from '../../support/mono-bitmap-png.ts';
import { decodeEscPos } from '../../support/printer-decoders.ts';
import { batchOfLabels } from '../../support/printer-labels.ts';

describe('ESC/POS raster', () => {
  it('puts the same dots on paper as node-thermal-printer does for the same label', async () => {
    const [label] = batchOfLabels(1);
    if (!label) throw new Error('no sample label');
    const bitmap = renderRaster(label, { template: '100x150', dpi: 203 });
    const library = new ntp.ThermalPrinter({ type: ntp.PrinterTypes.EPSON, interface: 'tcp://127.0.0.1:9' });
    await library.printImageBuffer(monoBitmapToPngBuffer(bitmap));
    library.cut();

    const [theirs] = decodeEscPos(library.getBuffer());
    const [ours] = decodeEscPos(encodeEscPosLabel(bitmap));
    expect(ours?.height).toBe(bitmap.height);
    expect(theirs?.height).toBe(bitmap.height);
    expect(Buffer.from(ours?.data ?? [])).toEqual(Buffer.from(theirs?.data ?? []));
  });
});

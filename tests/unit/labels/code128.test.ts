import bwipjs from 'bwip-js/node';
import { describe, expect, it } from 'vitest';
import { encodeCode128 } from '../../../electron/core/labels/code128.ts';

const bwipBars = (text: string): number[] => (bwipjs.raw('code128', text, '') as { sbs: number[] }[])[0]?.sbs ?? [];
const modules = (widths: number[]): number => widths.reduce((a, b) => a + b, 0);

describe('Code 128 for AWBs', () => {
  it.each(['JP7638199648', 'TJE2348621107726', 'ABC-DE0001', '001234567890', 'LP1234567890123456', 'SPXID0123456789'])(
    'draws %s with the same bars as the reference encoder',
    (awb) => {
      expect(encodeCode128(awb)).toEqual(bwipBars(awb));
    },
  );

  it('packs digit runs two to a symbol, never longer than the reference', () => {
    for (const text of ['123', 'X1234Y', '99999', '1A2B3C', 'AB12345678CD', '0'.repeat(21)]) {
      const mine = encodeCode128(text);
      expect(mine, text).not.toBeNull();
      expect(modules(mine ?? []), text).toBeLessThanOrEqual(modules(bwipBars(text)));
    }
  });

  it('leaves what sets B and C cannot hold to the fallback', () => {
    expect(encodeCode128('')).toBeNull();
    expect(encodeCode128('AWB\u00E9')).toBeNull();
    expect(encodeCode128('A\tB')).toBeNull();
  });
});

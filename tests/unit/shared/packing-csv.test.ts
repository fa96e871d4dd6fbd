import { describe, expect, it } from 'vitest';
import { packingCsv } from '../../../electron/shared/packing.ts';

describe('the packing CSV', () => {
  it('writes one line per parcel, quotes what needs quoting, and never lets a cell run as a formula', () => {
    const csv = packingCsv(
      [
        { processed: '2026-01-01 10:00:00', invoice: 'INV/1', awb: 'JP1', courier: 'J&T', recipient: 'Budi, "Toko"', packedAt: '2026-01-01T03:00:00.000Z' },
        { processed: '2026-01-01 10:00:00', invoice: '=HYPERLINK("x")', awb: null, courier: 'SPX', recipient: 'Sari', packedAt: null },
      ],
      ['Batch', 'Invoice', 'AWB', 'Kurir', 'Penerima', 'Dikemas pada'],
    );
    expect(csv.split('\r\n')).toEqual([
      'Batch,Invoice,AWB,Kurir,Penerima,Dikemas pada',
      '2026-01-01 10:00:00,INV/1,JP1,J&T,"Budi, ""Toko""",2026-01-01T03:00:00.000Z',
      `2026-01-01 10:00:00,"'=HYPERLINK(""x"")",,SPX,Sari,`,
      '',
    ]);
  });
});

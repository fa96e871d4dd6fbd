import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { products } from '../../../electron/simulator/data/people.ts';
import { parseSmartOrderRows } from '../../../electron/simulator/smart-order-parser.ts';

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../../fixtures/api/${name}.json`, import.meta.url), 'utf8'));

const referenceRow = (fixture('smart-order-request') as (string | number)[][])[0] ?? [];

describe('smartorder/fetch in the simulator', () => {
  it('answers the reference’s example row as the reference does', () => {
    const expected = (fixture('smart-order-response') as { data: Record<string, Record<string, unknown>> }).data;
    const drafts = parseSmartOrderRows([referenceRow], false);
    // The reference document masks phone numbers differently in its request and its answer.
    expect(drafts).toEqual({ TESTCREATEDBY: { ...expected.TESTCREATEDBY, customer_number: '6281289298109' } });
  });

  it('gathers the rows of one invoice into one draft with several products', () => {
    const known = products[0];
    if (!known) throw new Error('no products');
    const second = referenceRow.map((cell, i) => (i === 11 ? known.name : i === 16 ? 2 : cell));
    const drafts = parseSmartOrderRows([referenceRow, second], false);
    expect(Object.keys(drafts)).toEqual(['TESTCREATEDBY']);
    expect(drafts.TESTCREATEDBY?.productDetected).toMatchObject([
      { product: '', qty: 1 },
      { product: known.id, qty: 2, text: known.name },
    ]);
  });

  it('skips a header row when told, and flags a courier it cannot place', () => {
    const header = referenceRow.map((_, i) => `Kolom ${i}`);
    const unknownCourier = referenceRow.map((cell, i) => (i === 0 ? 'INV-2' : i === 4 ? 'Kurir Toko Sendiri' : cell));
    const drafts = parseSmartOrderRows([header, unknownCourier], true);
    expect(Object.keys(drafts)).toEqual(['INV-2']);
    expect(drafts['INV-2']?.courierDetected).toEqual({ courier: '', status: '0', text: 'Kurir Toko Sendiri' });
  });
});

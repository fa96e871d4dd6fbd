import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { missingTools } from '../../support/system-tools.ts';

const bin = fileURLToPath(new URL('../../../bin/label-station.js', import.meta.url));
const fixtures = fileURLToPath(new URL('../../fixtures/orders/label-fixtures.json', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'picklist-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const picklist = (...args: string[]) => spawnSync(process.execPath, [bin, 'picklist', ...args], { encoding: 'utf8', cwd: dir });

/** The quantities as the raw order records hold them, summed by product name: the oracle. */
function expectedTotals(file: string): Map<string, number> {
  const records = JSON.parse(readFileSync(file, 'utf8')) as { details: { productName: string; qty: string | number }[] }[];
  const totals = new Map<string, number>();
  for (const record of records) for (const item of record.details) totals.set(item.productName.trim(), (totals.get(item.productName.trim()) ?? 0) + Number(item.qty));
  return totals;
}

/** A name as the label font draws it: each emoji or CJK character it lacks is one box. */
const asPrinted = (name: string): string => name.replace(/\p{Extended_Pictographic}\uFE0F?|\p{Script=Han}/gu, '\u25A1');

/** Lines of the PDF's text, one per row, with a product's wrapped name joined back. */
const pdfText = (pdf: string): string => execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' });

describe('label-station picklist', () => {
  it('prints one line per product with its summed quantity, matching the order records', () => {
    const out = join(dir, 'list.pdf');
    const result = picklist('--orders', fixtures, '--out', out, '--template', 'a4');
    expect(result.status, result.stderr).toBe(0);
    const printed = new Map(result.stdout.split('\n').filter((l) => /^\s*\d+ {2}/.test(l)).map((l) => [l.slice(7), Number(l.slice(0, 5))]));
    expect(printed).toEqual(expectedTotals(fixtures));
    expect(readdirSync(dir).filter((f) => f.startsWith('.'))).toEqual([]);
  });

  it('refuses an output that is not a PDF and a template it does not know, and writes nothing', () => {
    expect(picklist('--orders', fixtures, '--out', join(dir, 'x.txt')).status).not.toBe(0);
    const bad = picklist('--orders', fixtures, '--out', join(dir, 'x.pdf'), '--template', 'a5');
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toMatch(/--template must be one of a4, 80mm, 100x150/);
    expect(readdirSync(dir).filter((f) => f.startsWith('x'))).toEqual([]);
  });

  describe.skipIf(missingTools('pdftotext', 'pdfinfo').length > 0)('the PDF', () => {
    it.each(['a4', '80mm', '100x150'])('on %s carries every product with its total and the parcels per courier', (template) => {
      const out = join(dir, `list-${template}.pdf`);
      expect(picklist('--orders', fixtures, '--out', out, '--template', template, '--language', 'en').status).toBe(0);
      // A name too long for its column wraps, even inside a word: compare without whitespace.
      const text = pdfText(out).replace(/\s+/g, '');
      for (const [name, qty] of expectedTotals(fixtures)) expect(text).toContain(`${asPrinted(name)}${qty}`.replace(/\s+/g, ''));
      // Seven couriers with one parcel each; Ninja Xpress has no AWB (the J&T with an updated AWB has one).
      for (const courier of ['J&T Express EZ', 'JNE REG', 'SiCepat HALU', 'AnterAja Regular', 'J&T Express', 'GoSend Instant', 'Lion Parcel REGPACK']) {
        expect(text).toContain(`${courier}1`.replace(/\s+/g, ''));
      }
      expect(text).not.toContain('NinjaXpress');
      expect(text).toMatch(/Bycourier.*noAWB1$/);
      if (template === '80mm') expect(execFileSync('pdfinfo', [out], { encoding: 'utf8' })).toMatch(/Pages:\s+1\n/);
    });

    it('breaks a long list over A4 pages without losing a line', () => {
      const records = JSON.parse(readFileSync(fixtures, 'utf8')) as { details: unknown[] }[];
      const many = records.map((record, r) => ({
        ...record,
        details: Array.from({ length: 40 }, (_, i) => ({ productId: null, productName: `Produk ${r}-${i}`, qty: String(i + 1), productPrice: '1000', totalPrice: '1000' })),
      }));
      const file = join(dir, 'many.json');
      writeFileSync(file, JSON.stringify(many));
      const out = join(dir, 'many.pdf');
      expect(picklist('--orders', file, '--out', out).status).toBe(0);
      expect(Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [out], { encoding: 'utf8' }))?.[1])).toBeGreaterThan(1);
      const text = pdfText(out).replace(/\s+/g, ' ');
      for (const [name, qty] of expectedTotals(file)) expect(text).toContain(`${name} ${qty} `);
    });
  });
});

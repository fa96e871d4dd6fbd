import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { marketplaceImage } from '../../../electron/simulator/labels/label-files.ts';
import { marketplaceLabel } from '../../support/supplied-fixtures.ts';
import { missingTools, zbarDecode } from '../../support/system-tools.ts';

const bin = fileURLToPath(new URL('../../../bin/label-station.js', import.meta.url));
const fixtures = fileURLToPath(new URL('../../fixtures/orders/label-fixtures.json', import.meta.url));
const printOrderResponse = fileURLToPath(new URL('../../fixtures/api/print-order-response.json', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'render-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function render(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [bin, 'render', ...args], { encoding: 'utf8', cwd: dir });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('label-station render', () => {
  it('writes one PDF page per order and warns about the labels without an AWB', () => {
    const out = join(dir, 'batch.pdf');
    const result = render('--orders', fixtures, '--template', 'a6', '--out', out);
    expect(result.stderr).toMatch(/1 label\(s\) have no AWB.*INV20221101SHP0000002/);
    expect(result.status).toBe(0);
    const pdf = spawnSync('pdfinfo', [out], { encoding: 'utf8' });
    if (pdf.status === 0) expect(pdf.stdout).toMatch(/Pages:\s+8/);
    expect(readdirSync(dir).filter((f) => f.startsWith('.'))).toEqual([]);
  });

  it.skipIf(missingTools('zbarimg').length > 0)('writes one scannable PNG per label into a folder, from a whole print_order response', () => {
    const folder = join(dir, 'pngs');
    const result = render('--orders', printOrderResponse, '--out', `${folder}/`, '--dpi', '300', '--template', '80mm');
    expect(result.status, result.stderr).toBe(0);
    const files = readdirSync(folder);
    expect(files).toEqual(['label-1-INV20220714MPL2488808764.png']);
    expect(zbarDecode(join(folder, files[0] ?? ''))).toContain('INV20220714MPL2488808764');
  });

  it('refuses a file that is not JSON, and writes nothing', () => {
    const bad = join(dir, 'not-json.json');
    writeFileSync(bad, 'Invoice,AWB\nINV1,JP1\n');
    const result = render('--orders', bad, '--out', join(dir, 'never.pdf'));
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/not-json\.json is not JSON/);
    expect(readdirSync(dir)).not.toContain('never.pdf');
  });

  it('names the first bad field of records that are not orders, and writes nothing', () => {
    const bad = join(dir, 'bad-orders.json');
    const records = JSON.parse(readFileSync(fixtures, 'utf8')) as { order: { totalCost: unknown } }[];
    if (records[2]) records[2].order.totalCost = 'seratus ribu';
    writeFileSync(bad, JSON.stringify(records));
    const result = render('--orders', bad, '--out', join(dir, 'half.pdf'));
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('[2].order.totalCost');
    expect(readdirSync(dir)).not.toContain('half.pdf');
  });

  it('explains a bad command line', () => {
    const result = render('--orders', fixtures, '--out', join(dir, 'x.pdf'), '--dpi', '600');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--dpi must be 203 or 300');
  });
});

describe.skipIf(missingTools('zbarimg').length > 0)('label-station render with supplied labels', () => {
  it('writes the supplied label\'s PNG for an order that carries one (data: URI), ours for the rest', () => {
    const response = JSON.parse(readFileSync(printOrderResponse, 'utf8')) as { data: { data: { order: Record<string, unknown> }[] } };
    const [record] = response.data.data;
    const png = marketplaceImage('portrait', [marketplaceLabel('JX9900112233')], 'png');
    response.data.data = [
      { ...record, order: { ...record?.order, invoice: 'INV-SUPPLIED', labelImage: `data:image/png;base64,${png.toString('base64')}` } },
      { ...record, order: { ...record?.order, invoice: 'INV-OURS', labelImage: '' } },
    ];
    const orders = join(dir, 'supplied.json');
    writeFileSync(orders, JSON.stringify(response));
    const folder = join(dir, 'supplied-pngs');
    const result = render('--orders', orders, '--out', `${folder}/`);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('1 of them are the orders\' own supplied labels');
    const [supplied, ours] = readdirSync(folder).sort();
    expect(zbarDecode(join(folder, supplied ?? ''))).toEqual(['JX9900112233']);
    expect(zbarDecode(join(folder, ours ?? ''))).toContain('INV-OURS');
  });

  it('writes nothing when a supplied label cannot be had, naming the order', () => {
    const response = JSON.parse(readFileSync(printOrderResponse, 'utf8')) as { data: { data: { order: Record<string, unknown> }[] } };
    const [record] = response.data.data;
    response.data.data = [{ ...record, order: { ...record?.order, invoice: 'INV-BROKEN', labelImage: 'data:image/png;base64,AAAA' } }];
    const orders = join(dir, 'broken.json');
    writeFileSync(orders, JSON.stringify(response));
    const folder = join(dir, 'broken-pngs');
    const result = render('--orders', orders, '--out', `${folder}/`);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('order INV-BROKEN');
    expect(() => readdirSync(folder)).toThrow();
  });
});

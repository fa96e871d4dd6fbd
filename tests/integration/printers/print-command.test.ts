import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeZpl } from '../../support/printer-decoders.ts';
import { startRawPrinter } from '../../support/raw-printer.ts';
import { runCli } from '../../support/run-cli.ts';

const work = mkdtempSync(join(tmpdir(), 'print-command-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A print_order response holding `count` orders with their own AWB and invoice. */
function ordersFile(count: number): string {
  const response = JSON.parse(readFileSync(new URL('../../fixtures/api/print-order-response.json', import.meta.url), 'utf8')) as {
    data: { data: { order: Record<string, unknown> }[] };
  };
  const [record] = response.data.data;
  response.data.data = Array.from({ length: count }, (_, i) => ({ ...record, order: { ...record?.order, awb: `JX${4400 + i}0077`, invoice: `INV/CLI/${i + 1}` } }));
  const file = join(work, `orders-${count}.json`);
  writeFileSync(file, JSON.stringify(response));
  return file;
}


describe('label-station print and printers', () => {
  it('prints an orders file on a ZPL printer, label by label, and exits 0', async () => {
    const printer = await startRawPrinter();
    try {
      const result = await runCli(['print', '--orders', ordersFile(3), '--printer', `zpl://127.0.0.1:${printer.port}`, '--labels-per-job', '2']);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/1\/3 sent\s+INV\/CLI\/1\n2\/3 sent\s+INV\/CLI\/2\n1\/3 confirmed INV\/CLI\/1\n/);
      expect(result.stdout).toContain('All 3 labels printed');
      expect(decodeZpl(Buffer.concat(printer.received()))).toHaveLength(3);

      const listed = await runCli(['printers', `zpl://127.0.0.1:${printer.port}`]);
      expect(listed.code).toBe(0);
      expect(listed.stdout).toContain(`zpl://127.0.0.1:${printer.port}\tready\t`);
    } finally {
      await printer.stop();
    }
  });

  it('exits 1 naming every label not printed when the printer is off', async () => {
    const printer = await startRawPrinter();
    await printer.stop();
    const result = await runCli(['print', '--orders', ordersFile(2), '--printer', `escpos://127.0.0.1:${printer.port}`]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/not reachable/);
    expect(result.stderr).toContain('print these again (2 of 2): INV/CLI/1, INV/CLI/2');
  });

  it('a bad option is a usage error (exit 2) that says what is allowed', async () => {
    const result = await runCli(['print', '--orders', ordersFile(1), '--printer', 'pdf-dir:/tmp/x', '--dpi', '600']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--dpi/);
  });
});

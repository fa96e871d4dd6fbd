import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { labelTemplateIds } from '../../../electron/shared/printer-profile.ts';
import { renderPng } from '../../../electron/core/labels/index.ts';
import { labelFixtures } from '../../fixtures/orders/label-fixtures.ts';
import { missingTools, zbarDecode } from '../../support/system-tools.ts';

const dir = mkdtempSync(join(tmpdir(), 'label-raster-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(missingTools('zbarimg').length > 0)('the printer raster as a scanner sees it', () => {
  describe.each(labelTemplateIds)('template %s', (template) => {
    it.each([203, 300] as const)('the raster (PNG) at %i dpi scans: AWB and invoice QR', (dpi) => {
      labelFixtures.forEach((label, i) => {
        const png = join(dir, `${template}-raster-${dpi}-${i}.png`);
        writeFileSync(png, renderPng(label, { template, dpi }));
        const decoded = zbarDecode(png);
        if (label.order.awb !== null) expect(decoded, `AWB of label ${i + 1}`).toContain(label.order.awb);
        expect(decoded, `invoice QR of label ${i + 1}`).toContain(label.order.invoice);
      });
    });
  });
});

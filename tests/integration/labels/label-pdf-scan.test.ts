import { execFileSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { labelTemplateIds } from '../../../electron/shared/printer-profile.ts';
import { renderPdf, templateSize } from '../../../electron/core/labels/index.ts';
import { labelFixtures } from '../../fixtures/orders/label-fixtures.ts';
import { missingTools, pdfToPngs, zbarDecode } from '../../support/system-tools.ts';

const dir = mkdtempSync(join(tmpdir(), 'label-scan-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Word {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** Every word pdftotext finds, page by page, with its box in pt. */
function wordsByPage(pdf: string): { width: number; height: number; words: Word[] }[] {
  const html = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  return html.split('<page ').slice(1).map((page) => {
    const [, width = '0', height = '0'] = /width="([\d.]+)" height="([\d.]+)"/.exec(page) ?? [];
    const words = [...page.matchAll(/<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">([^<]*)<\/word>/g)].map((m) => ({
      xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), yMax: Number(m[4]), text: m[5] ?? '',
    }));
    return { width: Number(width), height: Number(height), words };
  });
}

const decodeEntities = (s: string): string => s.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'");

const written = new Map<string, Promise<string>>();

/** The fixture batch as one PDF per template and dpi, rendered once for every check. */
function writePdf(template: (typeof labelTemplateIds)[number], dpi: 203 | 300): Promise<string> {
  const path = join(dir, `${template}-${dpi}.pdf`);
  let done = written.get(path);
  if (!done) {
    done = pipeline(renderPdf(labelFixtures, { template, dpi }), createWriteStream(path)).then(() => path);
    written.set(path, done);
  }
  return done;
}

const awbs = labelFixtures.map((l) => l.order.awb);

describe.skipIf(missingTools('pdftoppm', 'pdftotext', 'pdfinfo', 'zbarimg').length > 0)('labels as a scanner and a reader see them', () => {
  it('the fixtures cover the hard cases', () => {
    expect(awbs).toEqual(expect.arrayContaining(['JP7638199648', 'TJE2348621107726', 'ABC-DE0001', '001234567890', null]));
    expect(labelFixtures.some((l) => l.order.items.length >= 20)).toBe(true);
    expect(labelFixtures.some((l) => l.order.customer.cityName === '' && l.order.customer.provinceName === '')).toBe(true);
    expect(labelFixtures.some((l) => l.order.customer.address.includes('\r\n'))).toBe(true);
  });

  describe.each(labelTemplateIds)('template %s', (template) => {
    const perPage = template === 'a4-4up' ? 4 : 1;

    it.each([203, 300] as const)('every AWB and invoice QR decodes from the PDF rasterised at %i dpi, on its own page', async (dpi) => {
      const pdf = await writePdf(template, dpi);
      const pages = pdfToPngs(pdf, join(dir, `${template}-${dpi}`), dpi);
      expect(pages).toHaveLength(Math.ceil(labelFixtures.length / perPage));
      const decoded = pages.map((png) => zbarDecode(png));
      labelFixtures.forEach(({ order }, i) => {
        const page = decoded[Math.floor(i / perPage)];
        if (order.awb !== null) expect(page, `AWB ${order.awb}`).toContain(order.awb);
        expect(page, `invoice QR ${order.invoice}`).toContain(order.invoice);
      });
    });

    it('every word stays inside its label, and the recipient is readable', async () => {
      const pdf = await writePdf(template, 203);
      const pages = wordsByPage(pdf);
      const size = templateSize(template);
      const first = pages[0] ?? { width: 0, height: 0 };
      const cellW = template === 'a4-4up' ? first.width / 2 : Infinity;
      const cellH = template === 'a4-4up' ? first.height / 2 : Infinity;
      for (const page of pages) {
        expect(page.words.length).toBeGreaterThan(10);
        for (const w of page.words) {
          expect(w.xMin, `"${w.text}" left`).toBeGreaterThanOrEqual(0);
          expect(w.yMin, `"${w.text}" top`).toBeGreaterThanOrEqual(0);
          expect(w.xMax, `"${w.text}" right`).toBeLessThanOrEqual(page.width);
          expect(w.yMax, `"${w.text}" bottom`).toBeLessThanOrEqual(page.height);
          if (Number.isFinite(cellW)) {
            // Inside the cell that holds its centre: nothing crosses a cut line.
            const col = Math.floor((w.xMin + w.xMax) / 2 / cellW);
            const row = Math.floor((w.yMin + w.yMax) / 2 / cellH);
            expect(w.xMin, `"${w.text}" in its cell`).toBeGreaterThanOrEqual(col * cellW);
            expect(w.xMax, `"${w.text}" in its cell`).toBeLessThanOrEqual((col + 1) * cellW);
            expect(w.yMin, `"${w.text}" in its cell`).toBeGreaterThanOrEqual(row * cellH);
            expect(w.yMax, `"${w.text}" in its cell`).toBeLessThanOrEqual((row + 1) * cellH);
          }
        }
      }
      if (size.heightMm !== 'auto') expect(first.height).toBeCloseTo((size.heightMm * 72) / 25.4, 0);
      labelFixtures.forEach(({ order }, i) => {
        const text = decodeEntities((pages[Math.floor(i / perPage)]?.words ?? []).map((w) => w.text).join(' '));
        const { name, phone, cityName } = order.customer;
        // The name's first word in Latin script (CJK has no glyph in the label font and prints
        // as a box; a long name may be ellipsized at its end, never at its start).
        const latin = name.split(/[\s()]+/).find((w) => /^[\p{Script=Latin}\p{N}]+$/u.test(w));
        expect(latin, `fixture ${order.invoice} has a Latin name word`).toBeDefined();
        expect(text, `recipient of ${order.invoice}`).toContain(latin);
        expect(text).toContain(phone);
        for (const word of cityName.split(' ').filter(Boolean)) expect(text, `city of ${order.invoice}`).toContain(word);
      });
    });
  });
});

import { describe, expect, it } from 'vitest';
import { labelTemplateIds } from '../../../electron/shared/printer-profile.ts';
import { loadLabelFonts } from '../../../electron/core/labels/label-fonts.ts';
import { layoutLabel } from '../../../electron/core/labels/label-layout.ts';
import { labelTemplates } from '../../../electron/core/labels/label-templates.ts';
import { quietZoneModules } from '../../../electron/core/labels/barcodes.ts';
import { dotsToMm, type LabelLayout, type LayoutElement } from '../../../electron/core/labels/layout-model.ts';
import type { LabelToRender } from '../../../electron/core/labels/index.ts';
import { labelFixtures } from '../../fixtures/orders/label-fixtures.ts';

const fonts = loadLabelFonts();
const ptToMm = 25.4 / 72;

interface Box {
  what: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Each element's ink box in mm: text from its ascent to its descent. */
function box(el: LayoutElement, dpi: number): Box {
  switch (el.kind) {
    case 'text': {
      const font = fonts[el.weight];
      const size = el.sizePt * ptToMm;
      return { what: `text "${el.text}"`, x0: el.xMm, x1: el.xMm + font.widthMm(el.text, el.sizePt), y0: el.baselineMm - font.ascent * size, y1: el.baselineMm - font.descent * size };
    }
    case 'rect':
      return { what: 'rect', x0: el.xMm, y0: el.yMm, x1: el.xMm + el.widthMm, y1: el.yMm + el.heightMm };
    case 'bars': {
      const quiet = quietZoneModules * el.moduleDots;
      const width = el.widths.reduce((a, b) => a + b, 0) * el.moduleDots;
      return { what: 'barcode with quiet zones', x0: dotsToMm(el.xDots - quiet, dpi), x1: dotsToMm(el.xDots + width + quiet, dpi), y0: dotsToMm(el.yDots, dpi), y1: dotsToMm(el.yDots + el.heightDots, dpi) };
    }
    case 'matrix':
      return { what: 'QR', x0: dotsToMm(el.xDots, dpi), y0: dotsToMm(el.yDots, dpi), x1: dotsToMm(el.xDots + el.columns * el.moduleDots, dpi), y1: dotsToMm(el.yDots + el.rows * el.moduleDots, dpi) };
  }
}

const overlap = (a: Box, b: Box): boolean => a.x0 < b.x1 - 1e-6 && b.x0 < a.x1 - 1e-6 && a.y0 < b.y1 - 1e-6 && b.y0 < a.y1 - 1e-6;

function layouts(dpi: number): { template: string; index: number; layout: LabelLayout }[] {
  return labelTemplateIds.flatMap((template) =>
    labelFixtures.map((label, index) => ({ template, index, layout: layoutLabel(label, labelTemplates[template], dpi, fonts) })),
  );
}

describe.each([203, 300])('label layouts at %i dpi', (dpi) => {
  it('keep every element inside the label, and no two elements overlap', () => {
    for (const { template, index, layout } of layouts(dpi)) {
      const boxes = layout.elements.map((el) => ({ el, b: box(el, dpi) }));
      for (const { b } of boxes) {
        const where = `${template} label ${index + 1}: ${b.what}`;
        expect(b.x0, where).toBeGreaterThanOrEqual(0);
        expect(b.y0, where).toBeGreaterThanOrEqual(0);
        expect(b.x1, where).toBeLessThanOrEqual(layout.widthMm);
        expect(b.y1, where).toBeLessThanOrEqual(layout.heightMm);
      }
      for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i];
          const b = boxes[j];
          if (!a || !b) continue;
          // White text sits on its black banner by design.
          const banner = (x: LayoutElement, y: LayoutElement): boolean => x.kind === 'rect' && y.kind === 'text' && y.inverse === true;
          if (banner(a.el, b.el) || banner(b.el, a.el)) continue;
          expect(overlap(a.b, b.b), `${template} label ${index + 1}: ${a.b.what} overlaps ${b.b.what}`).toBe(false);
        }
      }
    }
  });

  it('put barcodes on the dot grid: whole-dot modules, 15 mm tall AWB on 100x150', () => {
    for (const { template, layout } of layouts(dpi)) {
      for (const el of layout.elements) {
        if (el.kind !== 'bars' && el.kind !== 'matrix') continue;
        expect(Number.isInteger(el.xDots) && Number.isInteger(el.yDots) && Number.isInteger(el.moduleDots)).toBe(true);
        expect(dotsToMm(el.moduleDots, dpi)).toBeGreaterThanOrEqual(el.kind === 'bars' ? 0.249 : 0.124);
        if (el.kind === 'bars' && template === '100x150') expect(dotsToMm(el.heightDots, dpi)).toBeGreaterThanOrEqual(15);
      }
    }
  });
});

/** The fixture matching a test's need: a missing fixture fails the test, loudly. */
function fixture(test: (label: LabelToRender) => boolean): LabelToRender {
  const found = labelFixtures.find(test);
  if (!found) throw new Error('the label fixtures lack the case this test needs');
  return found;
}

describe('label content', () => {
  const template = labelTemplates['100x150'];
  const texts = (label: LabelToRender, id = template): string =>
    layoutLabel(label, id, 203, fonts)
      .elements.flatMap((el) => (el.kind === 'text' ? [el.text] : []))
      .join(' | ');

  it('shows a NO AWB banner instead of a barcode when the AWB is missing', () => {
    const layout = layoutLabel(fixture((l) => l.order.awb === null), template, 203, fonts);
    expect(layout.elements.some((el) => el.kind === 'bars')).toBe(false);
    expect(layout.elements.some((el) => el.kind === 'text' && el.inverse === true && el.text === 'NO AWB')).toBe(true);
  });

  it('says NO BARCODE, and still prints the AWB as text, when the AWB is too long to scan on the label', () => {
    const base = fixture((l) => l.meta.index === 1);
    const awb = `JP-${'ABCDEFGHIJ'.repeat(6)}`;
    const layout = layoutLabel({ ...base, order: { ...base.order, awb } }, labelTemplates['80mm'], 203, fonts);
    expect(layout.elements.some((el) => el.kind === 'bars')).toBe(false);
    expect(layout.elements.some((el) => el.kind === 'text' && el.inverse === true && el.text === 'NO BARCODE')).toBe(true);
    expect(layout.elements.some((el) => el.kind === 'text' && el.text.startsWith('JP-ABCDEFGHIJ'))).toBe(true);
  });

  it('lists as many items as fit, then says how many more', () => {
    const label = fixture((l) => l.order.items.length >= 20);
    const items = label.order.items.length;
    const shown = texts(label).split(' | ').filter((t) => t.includes('\u00D7')).length;
    expect(shown).toBeGreaterThan(3);
    expect(texts(label)).toContain(`+${items - shown} more`);
    // A receipt roll grows instead: every item is listed.
    expect(texts(label, labelTemplates['80mm'])).not.toContain('more');
    expect(texts(label, labelTemplates['80mm']).split(' | ').filter((t) => t.includes('\u00D7'))).toHaveLength(items);
  });

  it('prints money in rupiah and the footer with batch, position and print time', () => {
    const first = fixture((l) => l.meta.index === 1);
    expect(texts(first)).toContain('Ongkir Rp 51.000');
    expect(texts(first)).toContain('Batch 2022-09-02 16:11:21 \u00B7 Label 1/8 \u00B7 Dicetak 2026-11-29 08:00 WIB');
  });

  it('cuts nothing on a roll: the longest texts are shown whole', () => {
    const longest = fixture((l) => l.order.customer.name.length > 100);
    const texts = layoutLabel(longest, labelTemplates['80mm'], 203, fonts).elements.flatMap((el) => (el.kind === 'text' ? [el.text] : []));
    expect(texts.filter((t) => t.includes('\u2026'))).toEqual([]);
    expect(texts.join(' ')).toContain('Standar Seratus Milimeter');
    // The same label on a fixed 100 x 100 mm cuts, with an ellipsis.
    const fixedTexts = layoutLabel(longest, labelTemplates['100x100'], 203, fonts).elements.flatMap((el) => (el.kind === 'text' ? [el.text] : []));
    expect(fixedTexts.some((t) => t.endsWith('\u2026'))).toBe(true);
  });

  it('a roll is as long as its content', () => {
    const short = layoutLabel(fixture((l) => l.meta.index === 1), labelTemplates['80mm'], 203, fonts);
    const long = layoutLabel(fixture((l) => l.order.items.length >= 20), labelTemplates['80mm'], 203, fonts);
    expect(short.widthMm).toBe(80);
    expect(long.heightMm).toBeGreaterThan(short.heightMm + 40);
  });
});

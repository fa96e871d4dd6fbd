import type PDFDocument from 'pdfkit';
import { afterEach, describe, expect, it } from 'vitest';
import { renderPdf, type LabelToRender } from '../../../electron/core/labels/index.ts';
import { pdfDocumentClass } from '../../../electron/core/labels/lazy-libraries.ts';
import { labelFixtures } from '../../fixtures/orders/label-fixtures.ts';

type Doc = InstanceType<typeof PDFDocument>;

/** What pdfkit keeps of the page tree: one reference per page, holding that page's dictionary. */
const pageTree = (doc: Doc): Array<{ data: Record<string, unknown> }> => {
  const root = Reflect.get(doc, '_root') as { data: { Pages: { data: { Kids: Array<{ data: Record<string, unknown> }> } } } };
  return root.data.Pages.data.Kids;
};

function batch(count: number): LabelToRender[] {
  return Array.from({ length: count }, (_, i) => {
    const base = labelFixtures[i % labelFixtures.length] as LabelToRender;
    return { order: base.order, meta: { ...base.meta, index: i + 1, count } };
  });
}

// The spy on pdfkit's addPage (the very class renderPdf loads), which finds the document renderPdf creates; undone after each test.
const { prototype } = pdfDocumentClass();
const addPage = prototype.addPage;
afterEach(() => {
  prototype.addPage = addPage;
});

describe('renderPdf over a long batch', () => {
  // The trim reaches into pdfkit's internals (see addPage in render-pdf.ts); pdfkit is pinned
  // exactly, and this fails the day an upgrade makes the trim silently stop working.
  it('keeps no dictionary, contents or resources of a page once it is written', async () => {
    const docs: Doc[] = [];
    prototype.addPage = function (this: Doc, options?: PDFKit.PDFDocumentOptions) {
      if (!docs.includes(this)) docs.push(this);
      return addPage.call(this, options);
    };

    const count = 12;
    const chunks: Buffer[] = [];
    for await (const chunk of renderPdf(batch(count), { template: '100x150', dpi: 203 })) chunks.push(chunk as Buffer);
    const pdf = Buffer.concat(chunks).toString('latin1');

    expect(docs).toHaveLength(1);
    const kids = pageTree(docs[0] as Doc);
    expect(kids).toHaveLength(count);
    // Every page but the last was written when the next one began; none still holds its objects.
    for (const [index, kid] of kids.slice(0, -1).entries()) expect(Object.keys(kid.data), `page ${index + 1}`).toEqual([]);
    // The file still has every page with its contents: what was dropped had already been written.
    expect(pdf.match(/\/Type \/Page\b(?!s)/g)).toHaveLength(count);
    expect(pdf.match(/\/Contents \d+ 0 R/g)).toHaveLength(count);
  });
});

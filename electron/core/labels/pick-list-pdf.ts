import type PDFDocument from 'pdfkit';
import { pdfDocumentClass } from './lazy-libraries.ts';
import type { PickList, PickListTemplate } from '../../shared/pick-list.ts';
import { pickListText, type PickListLanguage } from '../../shared/i18n/pick-list-text.ts';
import { loadLabelFonts } from './label-fonts.ts';
import { formatWib } from './label-format.ts';

export interface PickListPdfOptions {
  template: PickListTemplate;
  /** Another page size with the template's margins and type (a label printer's own medium); `auto` runs like the roll. */
  size?: { widthMm: number; heightMm: number | 'auto' };
  language: PickListLanguage;
  printedAt: Date;
  fontDir?: string;
}

const mm = (value: number): number => (value * 72) / 25.4;

interface Sheet {
  widthPt: number;
  /** Null for a roll: the page is as long as its content. */
  heightPt: number | null;
  marginPt: number;
  titlePt: number;
  bodyPt: number;
}

const sheets: Record<PickListTemplate, Sheet> = {
  a4: { widthPt: mm(210), heightPt: mm(297), marginPt: mm(15), titlePt: 18, bodyPt: 11 },
  '100x150': { widthPt: mm(100), heightPt: mm(150), marginPt: mm(4), titlePt: 13, bodyPt: 9 },
  '80mm': { widthPt: mm(80), heightPt: null, marginPt: mm(3), titlePt: 12, bodyPt: 9 },
};

type Doc = InstanceType<typeof PDFDocument>;

/** Draws the whole list once; on a roll it runs on an endless page and reports how far it went. */
function draw(doc: Doc, list: PickList, sheet: Sheet, options: PickListPdfOptions, newPage: () => void): number {
  const text = pickListText[options.language];
  // As on the labels: a character the font lacks prints as a box, never as nothing.
  const drawable = (value: string): string => loadLabelFonts(options.fontDir).regular.drawable(value);
  const left = sheet.marginPt;
  const width = sheet.widthPt - 2 * sheet.marginPt;
  doc.font('bold').fontSize(sheet.bodyPt);
  // Number columns as wide as their heading or five digits, so neither ever wraps.
  const column = (heading: string): number => Math.max(doc.widthOfString(heading), doc.widthOfString('99999')) + 2;
  const qtyWidth = column(text.qty);
  const ordersWidth = column(text.inOrders);
  const nameWidth = width - qtyWidth - ordersWidth - 8;
  const bottom = sheet.heightPt === null ? Number.POSITIVE_INFINITY : sheet.heightPt - sheet.marginPt;
  let y = sheet.marginPt;
  const ensure = (height: number): void => {
    if (y + height <= bottom) return;
    newPage();
    y = sheet.marginPt;
  };

  doc.font('bold').fontSize(sheet.titlePt).text(text.title, left, y, { width });
  y = doc.y + 2;
  doc.font('regular').fontSize(sheet.bodyPt);
  const heading = `${text.batches(list.batches.length)} · ${text.orders(list.orders)} · ${text.printedAt} ${formatWib(options.printedAt)}`;
  doc.text(heading, left, y, { width });
  y = doc.y;
  doc.text(drawable(list.batches.join(', ')), left, y, { width });
  y = doc.y + 6;

  const row = (name: string, qty: string, orders: string, bold: boolean): void => {
    doc.font(bold ? 'bold' : 'regular').fontSize(sheet.bodyPt);
    const height = Math.max(doc.heightOfString(name, { width: nameWidth }), doc.currentLineHeight());
    ensure(height + 3);
    doc.text(name, left, y, { width: nameWidth });
    doc.text(qty, left + nameWidth + 4, y, { width: qtyWidth, align: 'right' });
    doc.text(orders, left + nameWidth + qtyWidth + 8, y, { width: ordersWidth, align: 'right' });
    y += height + 2;
    doc.moveTo(left, y).lineTo(left + width, y).lineWidth(0.4).stroke();
    y += 2;
  };
  row(text.product, text.qty, text.inOrders, true);
  if (list.lines.length === 0) {
    doc.font('regular').text(text.nothing, left, y, { width });
    y = doc.y + 2;
  }
  for (const line of list.lines) row(drawable(line.productName) || '—', String(line.qty), String(line.orders), false);

  y += 6;
  doc.font('bold').fontSize(sheet.bodyPt);
  ensure(doc.currentLineHeight() * 2);
  doc.text(text.couriers, left, y, { width });
  y = doc.y + 2;
  doc.font('regular');
  const piles = drawable(list.couriers.map((c) => `${c.courier ?? text.withoutAwb} ${c.parcels}`).join(' · '));
  ensure(doc.heightOfString(piles, { width }));
  doc.text(piles, left, y, { width });
  return doc.y + sheet.marginPt;
}

function newDocument(sheet: Sheet, heightPt: number, fontDir: string | undefined): Doc {
  const doc = new (pdfDocumentClass())({ size: [sheet.widthPt, heightPt], margin: 0, autoFirstPage: true, info: { Title: 'Pick list', Creator: 'Label Station' } });
  const fonts = loadLabelFonts(fontDir);
  doc.registerFont('regular', fonts.regular.bytes);
  doc.registerFont('bold', fonts.bold.bytes);
  return doc;
}

function toBuffer(doc: Doc): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

/**
 * The pick list as a PDF: A4 and 100×150 pages break where the list runs over; on the 80 mm roll
 * the list is measured on a throwaway page first, so the one page is exactly as long as the list.
 */
export async function renderPickListPdf(list: PickList, options: PickListPdfOptions): Promise<Buffer> {
  const { size } = options;
  const sheet = size ? { ...sheets[options.template], widthPt: mm(size.widthMm), heightPt: size.heightMm === 'auto' ? null : mm(size.heightMm) } : sheets[options.template];
  if (sheet.heightPt !== null) {
    const doc = newDocument(sheet, sheet.heightPt, options.fontDir);
    draw(doc, list, sheet, options, () => doc.addPage());
    return toBuffer(doc);
  }
  const probe = newDocument(sheet, mm(5000), options.fontDir);
  const length = draw(probe, list, sheet, options, () => undefined);
  probe.end();
  const doc = newDocument(sheet, Math.ceil(length), options.fontDir);
  draw(doc, list, sheet, options, () => undefined);
  return toBuffer(doc);
}

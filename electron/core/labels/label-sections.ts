import type { LabelToRender } from './label-types.ts';
import type { LabelFonts } from './label-fonts.ts';
import type { LabelTemplate, SectionKind } from './label-templates.ts';
import { BarcodeError, code128Widths, placeBars, placeMatrix, qrMatrix, type QrMatrix } from './barcodes.ts';
import { formatRupiah, formatWib } from './label-format.ts';
import { mmToDots, type BarsElement, type LayoutElement } from './layout-model.ts';
import { bodySizes, inset, placeLines, textBlock, type Box, type SectionResult } from './section-kit.ts';
import { ellipsize, lineHeightMm, type Paragraph } from './text-fit.ts';

export interface SectionContext {
  label: LabelToRender;
  template: LabelTemplate;
  fonts: LabelFonts;
  dpi: number;
  /** A receipt roll grows with its content: nothing is cut to save room. */
  roll: boolean;
}

type SectionBuilder = (ctx: SectionContext, box: Box) => SectionResult;

/** Paragraphs as the medium allows them: on a roll, no line limits. */
const forMedium = (roll: boolean, paragraphs: Paragraph[]): Paragraph[] =>
  roll ? paragraphs.map((p) => ({ ...p, maxLines: undefined })) : paragraphs;

/** Height of the box, or of its content plus padding when the box grows (a roll). */
const used = (box: Box, contentMm: number, paddingMm: number): number =>
  Number.isFinite(box.heightMm) ? box.heightMm : contentMm + 2 * paddingMm;

const courier: SectionBuilder = ({ label, template, fonts, roll }, box) => {
  const { fonts: f, paddingMm } = template;
  const name = label.order.courierName.trim() || 'KURIR ?';
  const inner = inset(box, paddingMm);
  const block = textBlock(fonts, forMedium(roll, [{ text: name, weight: 'bold', maxLines: 2 }]), inner, { startPt: f.courierPt, floorPt: f.floorPt, lineHeight: 1.1 }, 'center');
  return { elements: block.elements, heightMm: used(box, block.heightMm, paddingMm) };
};

/** The AWB's bars placed across the box, or null when they cannot be drawn or do not fit it. */
function awbBars(code: string, box: Box, barTop: number, template: LabelTemplate, dpi: number): BarsElement | null {
  let widths: number[];
  try {
    widths = code128Widths(code);
  } catch (error) {
    if (error instanceof BarcodeError) return null;
    throw error;
  }
  const left = Math.ceil(mmToDots(box.xMm, dpi));
  return placeBars(widths, {
    boxXDots: left,
    boxWidthDots: Math.floor(mmToDots(box.xMm + box.widthMm, dpi)) - left,
    yDots: Math.ceil(mmToDots(barTop, dpi)),
    heightDots: Math.round(mmToDots(template.awbBarHeightMm, dpi)),
    maxModuleDots: Math.max(1, Math.floor(mmToDots(template.maxModuleMm, dpi))),
    dpi,
  });
}

/**
 * The courier barcode and its text. Without an AWB, or with one that cannot be barcoded on this
 * label, a black banner says so: the label still prints, and nobody mistakes it for a ready one.
 */
const awb: SectionBuilder = ({ label, template, fonts, dpi }, box) => {
  const { fonts: f, paddingMm } = template;
  const barTop = box.yMm + paddingMm;
  const textBox: Box = { xMm: box.xMm, yMm: barTop + template.awbBarHeightMm + 0.5, widthMm: box.widthMm, heightMm: lineHeightMm(f.awbPt, 1.2) };
  const code = label.order.awb;
  const bars = code === null ? null : awbBars(code, box, barTop, template, dpi);
  const elements: LayoutElement[] = [];
  if (bars) {
    elements.push(bars);
  } else {
    elements.push({ kind: 'rect', xMm: box.xMm, yMm: barTop, widthMm: box.widthMm, heightMm: template.awbBarHeightMm });
    const bannerBox = { ...box, yMm: barTop, heightMm: template.awbBarHeightMm };
    const banner = textBlock(fonts, [{ text: code === null ? 'NO AWB' : 'NO BARCODE', weight: 'bold', maxLines: 1 }], bannerBox, { startPt: f.courierPt * 1.6, floorPt: f.floorPt, lineHeight: 1.1 }, 'center');
    const shift = (template.awbBarHeightMm - banner.heightMm) / 2;
    elements.push(...banner.elements.map((e) => ({ ...e, baselineMm: e.baselineMm + shift, inverse: true })));
  }
  const caption = code ?? 'AWB belum ada: cek sebelum kirim';
  const captionSizes = { startPt: code === null ? f.bodyPt : f.awbPt, floorPt: f.floorPt, lineHeight: 1.2 };
  elements.push(...textBlock(fonts, [{ text: caption, weight: code === null ? 'regular' : 'bold', maxLines: 1 }], textBox, captionSizes, 'center').elements);
  return { elements, heightMm: used(box, textBox.yMm + textBox.heightMm - barTop, paddingMm) };
};

/** The invoice's QR code; an invoice too long for one is still printed as text. */
function invoiceQr(text: string): QrMatrix | null {
  try {
    return qrMatrix(text);
  } catch (error) {
    if (error instanceof BarcodeError) return null;
    throw error;
  }
}

const invoice: SectionBuilder = ({ label, template, fonts, dpi, roll }, box) => {
  const { order } = label;
  const { paddingMm } = template;
  const inner = inset(box, paddingMm);
  const qrMm = order.invoice === '' ? 0 : Math.min(template.invoiceQrMm, Number.isFinite(inner.heightMm) ? inner.heightMm : Infinity);
  const elements: LayoutElement[] = [];
  if (qrMm > 0) {
    const right = Math.floor(mmToDots(inner.xMm + inner.widthMm, dpi));
    const sizeDots = Math.floor(mmToDots(qrMm, dpi));
    const matrix = invoiceQr(order.invoice);
    if (matrix) elements.push(placeMatrix(matrix, right - sizeDots, Math.ceil(mmToDots(inner.yMm, dpi)), sizeDots));
  }
  const textBox = { ...inner, widthMm: inner.widthMm - (qrMm > 0 ? qrMm + 1 : 0) };
  const money = `Ongkir ${formatRupiah(order.shippingCost)}  Total ${formatRupiah(order.totalCost)}`;
  const block = textBlock(fonts, forMedium(roll, [
    { text: 'INVOICE', weight: 'bold', scale: template.fonts.smallScale },
    { text: order.invoice || '-', weight: 'bold', maxLines: 2, elastic: true },
    { text: money, weight: 'regular' },
  ]), textBox, bodySizes(template));
  elements.push(...block.elements);
  return { elements, heightMm: used(box, Math.max(block.heightMm, qrMm), paddingMm) };
};

const recipient: SectionBuilder = ({ label, template, fonts, roll }, box) => {
  const { customer } = label.order;
  const region = [customer.districtName, customer.cityName].map((s) => s.trim()).filter(Boolean).join(', ');
  const province = [customer.provinceName, customer.postCode ?? ''].map((s) => s.trim()).filter(Boolean).join(' ');
  const block = textBlock(fonts, forMedium(roll, [
    { text: 'PENERIMA', weight: 'bold', scale: template.fonts.smallScale },
    { text: customer.name || '-', weight: 'bold', scale: template.fonts.nameScale, maxLines: 2 },
    { text: customer.phone, weight: 'regular' },
    { text: customer.address, weight: 'regular', elastic: true },
    { text: region, weight: 'bold', maxLines: 2 },
    { text: province, weight: 'regular', maxLines: 1 },
  ]), inset(box, template.paddingMm), bodySizes(template));
  return { elements: block.elements, heightMm: used(box, block.heightMm, template.paddingMm) };
};

const sender: SectionBuilder = ({ label, template, fonts }, box) => {
  const { sender: from, shopName } = label.order;
  const line = [from.name, from.phone, shopName].map((s) => s.trim()).filter(Boolean).join(' \u00B7 ');
  const block = textBlock(fonts, [
    { text: 'PENGIRIM', weight: 'bold', scale: template.fonts.smallScale },
    { text: line || '-', weight: 'regular', elastic: true },
  ], inset(box, template.paddingMm), bodySizes(template));
  return { elements: block.elements, heightMm: used(box, block.heightMm, template.paddingMm) };
};

/** One line per item; when they do not all fit at the floor size, the last line says how many are left. */
const items: SectionBuilder = ({ label, template, fonts, roll }, box) => {
  const { fonts: f, paddingMm } = template;
  const inner = inset(box, paddingMm);
  const entries = label.order.items.map((item) => `${item.qty} \u00D7 ${item.productName.trim() || '(tanpa nama)'}`);
  const heading = `ISI PAKET (${label.order.items.reduce((sum, i) => sum + i.qty, 0)} pcs)`;
  if (roll) {
    // On a roll there is room for everything: each item wraps instead of being cut.
    const block = textBlock(fonts, [
      { text: heading, weight: 'bold', scale: f.smallScale },
      ...entries.map((text) => ({ text, weight: 'regular' as const })),
    ], inner, bodySizes(template));
    return { elements: block.elements, heightMm: used(box, block.heightMm, paddingMm) };
  }
  let size = f.bodyPt;
  let capacity = Infinity;
  const headingPt = (s: number): number => Math.max(f.floorPt, s * f.smallScale);
  const headingMm = (s: number): number => lineHeightMm(headingPt(s), f.lineHeight);
  for (;; size = Math.max(f.floorPt, size - 0.5)) {
    capacity = Math.floor((inner.heightMm - headingMm(size) + 1e-9) / lineHeightMm(size, f.lineHeight));
    if (capacity >= entries.length || size <= f.floorPt) break;
  }
  const shown = entries.length <= capacity ? entries : entries.slice(0, Math.max(0, capacity - 1));
  const lines = shown.map((text) => fonts.regular.drawable(text));
  if (shown.length < entries.length && capacity > 0) lines.push(`+${entries.length - shown.length} more`);
  const lineMm = lineHeightMm(size, f.lineHeight);
  const fitted = [
    { text: ellipsize(fonts.bold, heading, headingPt(size), inner.widthMm), weight: 'bold' as const, sizePt: headingPt(size), heightMm: headingMm(size) },
    ...lines.map((text) => ({ text: ellipsize(fonts.regular, text, size, inner.widthMm), weight: 'regular' as const, sizePt: size, heightMm: lineMm })),
  ].map((l) => ({ ...l, widthMm: fonts[l.weight].widthMm(l.text, l.sizePt) }));
  const block = placeLines(fonts, entries.length === 0 ? [] : fitted, inner, 'left');
  return { elements: block.elements, heightMm: used(box, block.heightMm, paddingMm) };
};

const notes: SectionBuilder = ({ label, template, fonts }, box) => {
  const { customerNote, adminNote } = label.order;
  const block = textBlock(fonts, [
    // The admin's note is an instruction to the packer: it goes first and is cut last.
    { text: adminNote.trim() && `Admin: ${adminNote}`, weight: 'bold', elastic: true },
    { text: customerNote.trim() && `Catatan: ${customerNote}`, weight: 'regular', elastic: true },
  ], inset(box, template.paddingMm), bodySizes(template));
  return { elements: block.elements, heightMm: used(box, block.heightMm, template.paddingMm) };
};

const footer: SectionBuilder = ({ label, template, fonts, roll }, box) => {
  const { meta } = label;
  const text = `Batch ${meta.batch ?? '-'} \u00B7 Label ${meta.index}/${meta.count} \u00B7 Dicetak ${formatWib(meta.printedAt)}`;
  const block = textBlock(fonts, forMedium(roll, [{ text, weight: 'regular', maxLines: 1 }]), inset(box, template.paddingMm), {
    startPt: template.fonts.bodyPt * template.fonts.smallScale,
    floorPt: Math.min(template.fonts.floorPt, template.fonts.bodyPt * template.fonts.smallScale),
    lineHeight: template.fonts.lineHeight,
  }, 'center');
  return { elements: block.elements, heightMm: used(box, block.heightMm, template.paddingMm) };
};

export const sectionBuilders: Record<SectionKind, SectionBuilder> = { courier, awb, invoice, recipient, sender, items, notes, footer };

/** A section with nothing to show takes no room, so the others get it. */
export function sectionIsEmpty(kind: SectionKind, label: LabelToRender): boolean {
  const { order } = label;
  if (kind === 'notes') return order.customerNote.trim() === '' && order.adminNote.trim() === '';
  if (kind === 'items') return order.items.length === 0;
  return false;
}

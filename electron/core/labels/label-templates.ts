import type { LabelTemplateId } from '../../shared/printer-profile.ts';

/** The parts of a label, top to bottom; each is drawn by one builder in `label-sections.ts`. */
export type SectionKind = 'courier' | 'awb' | 'invoice' | 'recipient' | 'sender' | 'items' | 'notes' | 'footer';

/** A fixed height, or a share of what the fixed sections leave (natural height on a roll). */
export type SectionSize = { heightMm: number } | { flex: number };

export interface SectionSpec {
  kind: SectionKind;
  size: SectionSize;
}

/** Font sizes in points. Text starts at its size and may shrink to `floorPt`, never below. */
export interface TemplateFonts {
  courierPt: number;
  awbPt: number;
  bodyPt: number;
  /** Headings ("PENERIMA") and the footer, relative to the body. */
  smallScale: number;
  /** The recipient's name, relative to the body. */
  nameScale: number;
  floorPt: number;
  lineHeight: number;
}

/** Several labels imposed on one sheet, with cut marks between them. */
export interface SheetSpec {
  widthMm: number;
  heightMm: number;
  columns: number;
  rows: number;
  cutMarkMm: number;
}

export interface LabelTemplate {
  id: LabelTemplateId;
  /** One label's size; `auto` grows with the content (a receipt roll). */
  widthMm: number;
  heightMm: number | 'auto';
  marginMm: number;
  /** Space inside each section, above and below its content. */
  paddingMm: number;
  fonts: TemplateFonts;
  awbBarHeightMm: number;
  /** Widest module a barcode may take: wider only wastes label. */
  maxModuleMm: number;
  invoiceQrMm: number;
  sections: SectionSpec[];
  sheet?: SheetSpec;
}

const fixed = (kind: SectionKind, heightMm: number): SectionSpec => ({ kind, size: { heightMm } });
const flex = (kind: SectionKind, share: number): SectionSpec => ({ kind, size: { flex: share } });

const largeFonts: TemplateFonts = { courierPt: 18, awbPt: 12, bodyPt: 10, smallScale: 0.72, nameScale: 1.25, floorPt: 6.5, lineHeight: 1.2 };
const smallFonts: TemplateFonts = { courierPt: 14, awbPt: 10, bodyPt: 8.5, smallScale: 0.78, nameScale: 1.2, floorPt: 6, lineHeight: 1.18 };

const tallSections = (awbMm: number): SectionSpec[] => [
  fixed('courier', 11),
  fixed('awb', awbMm),
  fixed('invoice', 19),
  flex('recipient', 3),
  fixed('sender', 10),
  flex('items', 2),
  flex('notes', 1),
  fixed('footer', 5),
];

export const labelTemplates: Record<LabelTemplateId, LabelTemplate> = {
  '100x150': {
    id: '100x150', widthMm: 100, heightMm: 150, marginMm: 2.5, paddingMm: 0.8, fonts: largeFonts,
    awbBarHeightMm: 18, maxModuleMm: 0.5, invoiceQrMm: 17, sections: tallSections(27),
  },
  '100x100': {
    id: '100x100', widthMm: 100, heightMm: 100, marginMm: 2, paddingMm: 0.6, fonts: smallFonts,
    awbBarHeightMm: 12, maxModuleMm: 0.5, invoiceQrMm: 15.5,
    sections: [
      fixed('courier', 8), fixed('awb', 19), fixed('invoice', 17), flex('recipient', 3),
      fixed('sender', 8), flex('items', 2), flex('notes', 1), fixed('footer', 4),
    ],
  },
  a6: {
    id: 'a6', widthMm: 105, heightMm: 148, marginMm: 3, paddingMm: 0.8, fonts: largeFonts,
    awbBarHeightMm: 17, maxModuleMm: 0.5, invoiceQrMm: 17, sections: tallSections(26),
  },
  'a4-4up': {
    id: 'a4-4up', widthMm: 105, heightMm: 148.5, marginMm: 6, paddingMm: 0.8, fonts: smallFonts,
    awbBarHeightMm: 16, maxModuleMm: 0.5, invoiceQrMm: 17, sections: tallSections(24),
    sheet: { widthMm: 210, heightMm: 297, columns: 2, rows: 2, cutMarkMm: 4 },
  },
  '80mm': {
    id: '80mm', widthMm: 80, heightMm: 'auto', marginMm: 4, paddingMm: 0.8, fonts: smallFonts,
    awbBarHeightMm: 15, maxModuleMm: 0.5, invoiceQrMm: 17,
    // On a roll the flexible sections, the footer too, take the height their content needs.
    sections: [...tallSections(23).filter((s) => s.kind !== 'footer'), flex('footer', 1)],
  },
};

/** The medium a template prints on: the label, or the sheet the labels are imposed on. */
export function templateSize(template: LabelTemplateId): { widthMm: number; heightMm: number | 'auto' } {
  const spec = labelTemplates[template];
  return spec.sheet ? { widthMm: spec.sheet.widthMm, heightMm: spec.sheet.heightMm } : { widthMm: spec.widthMm, heightMm: spec.heightMm };
}

import type { Order } from '../../shared/domain.ts';
import { summarisePickList, type PickListTemplate } from '../../shared/pick-list.ts';
import type { LabelTemplateId, PrinterProfile } from '../../shared/printer-profile.ts';
import type { PickListLanguage } from '../../shared/i18n/pick-list-text.ts';
import { labelTemplates } from '../labels/label-templates.ts';
import { renderPickListPdf } from '../labels/pick-list-pdf.ts';
import { fileLabelOrder } from '../labels/supplied/label-file.ts';
import { openPdf } from '../labels/supplied/pdf-document.ts';
import { prepareSuppliedArtwork } from '../labels/supplied/supplied-artwork.ts';
import type { LabelToPrint } from '../printers/printer-port.ts';

/** The pick list's sheet nearest each label medium: the roll keeps its roll, every label size its 100×150 page. */
const sheetFor: Record<LabelTemplateId, PickListTemplate> = { '100x150': '100x150', '100x100': '100x150', a6: '100x150', 'a4-4up': '100x150', '80mm': '80mm' };

/** Keys no label has (labels are keyed by their 0-based position): progress on these is never counted. */
export const pickListKeyPrefix = 'pick-list-';

export function isPickListKey(key: string): boolean {
  return key.startsWith(pickListKeyPrefix);
}

/**
 * A batch's pick list as pages for the printer's own medium, each a picture printed the way a
 * supplied label is, so every printer kind (system, raw, folder) prints it with no new path.
 */
export async function pickListSheets(batch: { processed: string; orders: readonly Order[] }, profile: PrinterProfile, language: PickListLanguage, printedAt: Date): Promise<LabelToPrint[]> {
  const list = summarisePickList([batch]);
  const pdf = await renderPickListPdf(list, { template: sheetFor[profile.template], language, printedAt });
  const pages = await openPdf(pdf);
  const count = pages.count;
  await pages.close();
  const template = labelTemplates[profile.template];
  const target = { widthMm: template.widthMm, heightMm: template.heightMm, dpi: profile.dpi };
  const sheets: LabelToPrint[] = [];
  for (let page = 1; page <= count; page++) {
    const supplied = await prepareSuppliedArtwork({ mediaType: 'application/pdf', bytes: pdf, page }, target);
    sheets.push({ key: `${pickListKeyPrefix}${page}`, order: fileLabelOrder('pick list'), meta: { batch: batch.processed, index: page, count, printedAt }, supplied });
  }
  return sheets;
}

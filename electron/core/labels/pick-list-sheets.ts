import type { Order } from '../../shared/domain.ts';
import { summarisePickList, type PickListTemplate } from '../../shared/pick-list.ts';
import type { LabelTemplateId, PrinterProfile } from '../../shared/printer-profile.ts';
import type { PickListLanguage } from '../../shared/i18n/pick-list-text.ts';
import { labelTemplates } from './label-templates.ts';
import { renderPickListPdf } from './pick-list-pdf.ts';
import { fileLabelOrder } from './supplied/label-file.ts';
import { openPdf } from './supplied/pdf-document.ts';
import { prepareSuppliedArtwork } from './supplied/supplied-artwork.ts';
import type { LabelToRender } from './label-types.ts';

/** The pick list's margins and type for each label medium: the roll's on the roll, the 100×150 label's on every label size. */
const typeFor: Record<LabelTemplateId, PickListTemplate> = { '100x150': '100x150', '100x100': '100x150', a6: '100x150', 'a4-4up': '100x150', '80mm': '80mm' };

/** A sheet handed to a printer beside the labels, keyed as they are. */
export type PickListSheet = LabelToRender & { key: string };

/** Keys no label has (labels are keyed by their 0-based position): progress on these is never counted. */
export const pickListKeyPrefix = 'pick-list-';

export function isPickListKey(key: string): boolean {
  return key.startsWith(pickListKeyPrefix);
}

/**
 * A batch's pick list as pages of the printer's own medium, each a picture printed the way a
 * supplied label is, so every printer kind (system, raw, folder) prints it with no new path.
 */
export async function pickListSheets(batch: { processed: string; orders: readonly Order[] }, profile: PrinterProfile, language: PickListLanguage, printedAt: Date): Promise<PickListSheet[]> {
  const list = summarisePickList([batch]);
  const template = labelTemplates[profile.template];
  const size = { widthMm: template.widthMm, heightMm: template.heightMm };
  const pdf = await renderPickListPdf(list, { template: typeFor[profile.template], size, language, printedAt });
  const pages = await openPdf(pdf);
  const count = pages.count;
  await pages.close();
  const target = { ...size, dpi: profile.dpi };
  const sheets: PickListSheet[] = [];
  for (let page = 1; page <= count; page++) {
    const supplied = await prepareSuppliedArtwork({ mediaType: 'application/pdf', bytes: pdf, page }, target);
    sheets.push({ key: `${pickListKeyPrefix}${page}`, order: fileLabelOrder('pick list'), meta: { batch: batch.processed, index: page, count, printedAt }, supplied });
  }
  return sheets;
}

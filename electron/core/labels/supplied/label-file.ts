import type { Order } from '../../../shared/domain.ts';
import { equalRegions, findLabelRegions, type FileLayout } from './label-regions.ts';
import { openSuppliedPage, pageGray, type SuppliedImage } from './supplied-artwork.ts';
import { openPdf, SuppliedLabelReadError } from './pdf-document.ts';
import { sniffMediaType } from './supplied-source.ts';

/** One label cut from a label file: its page and region, and a name for the operator. */
export interface FileLabel {
  name: string;
  image: SuppliedImage;
}

export const maxLabelFileBytes = 50_000_000;
const maxPages = 500;
/** The resolution the page is looked at to find its labels: enough for 2 mm of white between them. */
const findDpi = 50;

/**
 * Cuts a label file (PDF, PNG or JPEG) into labels: each page, or each label region of a page.
 * `auto` finds the regions from the page's ink (cut lines and white space between labels); the
 * explicit layouts split the page into equal parts. Every label keeps the whole file's bytes (the
 * journal stores them once) and says which page and part of it is the label.
 */
export async function splitLabelFile(bytes: Buffer, fileName: string, layout: FileLayout): Promise<FileLabel[]> {
  if (bytes.length > maxLabelFileBytes) throw new SuppliedLabelReadError(`${fileName} is over ${maxLabelFileBytes / 1e6} MB`);
  const mediaType = sniffMediaType(bytes);
  if (!mediaType) throw new SuppliedLabelReadError(`${fileName} is not a PDF, PNG or JPEG`);
  let pages = 1;
  if (mediaType === 'application/pdf') {
    const pdf = await openPdf(bytes);
    pages = pdf.count;
    await pdf.close();
    if (pages > maxPages) throw new SuppliedLabelReadError(`${fileName} has ${pages} pages: print at most ${maxPages} at once`);
  }
  const labels: FileLabel[] = [];
  for (let page = 1; page <= pages; page++) {
    let regions = layout === 'auto' ? undefined : equalRegions(layout);
    if (!regions) {
      const source = await openSuppliedPage({ bytes, mediaType, page });
      try {
        const pxWide = mediaType === 'application/pdf' ? Math.round((source.width / 72) * findDpi) : Math.min(source.width, 600);
        const small = await pageGray(source, pxWide);
        const dpi = mediaType === 'application/pdf' ? findDpi : (pxWide / source.width) * 203;
        regions = findLabelRegions(small.gray, small.width, small.height, dpi);
      } finally {
        await source.close();
      }
    }
    regions.forEach((region, i) => {
      const whole = region.width >= 0.999 && region.height >= 0.999;
      labels.push({
        name: `${fileName} ${pages > 1 ? `p${page}` : ''}${regions.length > 1 ? `#${i + 1}` : ''}`.trim(),
        image: { mediaType, bytes, page, ...(whole ? {} : { region }) },
      });
    });
  }
  return labels;
}

/** The order a file label stands for in the journal and History: its name, nothing else. */
export function fileLabelOrder(name: string): Order {
  return {
    orderId: null, invoice: name, awb: null, courierId: null, courierName: '', shopId: null, shopName: '', shippingCost: 0, totalCost: 0,
    adminNote: '', customerNote: '',
    customer: { name: '', phone: '', address: '', provinceCode: null, provinceName: '', cityCode: null, cityName: '', districtCode: null, districtName: '', postCode: null },
    sender: { name: '', phone: '' }, items: [], status: null, createdAt: null, processedAt: null, sentAt: null, printType: null, assign: null, labelImage: null,
  };
}

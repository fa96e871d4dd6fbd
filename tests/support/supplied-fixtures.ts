import { prepareSuppliedArtwork, type SuppliedImage } from '../../electron/core/labels/supplied/supplied-artwork.ts';
import type { LabelToPrint } from '../../electron/core/printers/printer-port.ts';
import type { PrinterProfile } from '../../electron/shared/printer-profile.ts';
import { labelTemplates } from '../../electron/core/labels/label-templates.ts';
import { marketplaceImage, marketplacePdf } from '../../electron/simulator/labels/label-files.ts';
import type { MarketplaceLabel } from '../../electron/simulator/labels/marketplace-label.ts';

/** A marketplace label whose AWB differs from every order's, so a scan tells whose label printed. */
export const marketplaceLabel = (awb: string): MarketplaceLabel => ({
  platform: 'Shopee Xpress', awb, sortCode: 'LOP-C-06', service: 'STANDARD', cod: 87000, recipient: 'Siti Rahma', city: 'KOTA SURABAYA', invoice: '221128QWERTY',
});

export interface SuppliedFixture {
  name: string;
  awb: string;
  image: SuppliedImage;
}

/** The supplied labels the Done-when list names: a PDF, a PNG, a JPEG and a landscape PDF. */
export async function suppliedFixtures(): Promise<SuppliedFixture[]> {
  const make = async (name: string, awb: string, image: Omit<SuppliedImage, 'page'>): Promise<SuppliedFixture> => ({ name, awb, image: { ...image, page: 1 } });
  return Promise.all([
    make('pdf', 'SPXID041100000001', { mediaType: 'application/pdf', bytes: await marketplacePdf('portrait', [[marketplaceLabel('SPXID041100000001')]]) }),
    make('png', 'JX2200000002', { mediaType: 'image/png', bytes: marketplaceImage('portrait', [marketplaceLabel('JX2200000002')], 'png') }),
    make('jpeg', 'AA103300000003', { mediaType: 'image/jpeg', bytes: marketplaceImage('portrait', [marketplaceLabel('AA103300000003')], 'jpeg') }),
    make('pdf-landscape', 'SPXID044400000004', { mediaType: 'application/pdf', bytes: await marketplacePdf('landscape', [[marketplaceLabel('SPXID044400000004')]]) }),
  ]);
}

/** The labels with their supplied artwork made ready for the printer, as the station does before sending. */
export async function withSupplied(labels: readonly LabelToPrint[], fixtures: readonly SuppliedFixture[], profile: PrinterProfile): Promise<LabelToPrint[]> {
  const template = labelTemplates[profile.template];
  return Promise.all(
    labels.map(async (label, i) => {
      const fixture = fixtures[i];
      if (!fixture) return label;
      return { ...label, supplied: await prepareSuppliedArtwork(fixture.image, { widthMm: template.widthMm, heightMm: template.heightMm, dpi: profile.dpi }) };
    }),
  );
}

import { createHash } from 'node:crypto';
import type { LabelShape } from './label-files.ts';
import type { MarketplaceLabel } from './marketplace-label.ts';

/** How an order's supplied label comes: a served PDF or picture of some shape, or inline. */
export const suppliedKinds = ['pdf', 'pdf-landscape', 'pdf-a4', 'png', 'png-landscape', 'jpeg', 'data-png'] as const;
export type SuppliedKind = (typeof suppliedKinds)[number];

export interface SuppliedPlan {
  kind: SuppliedKind;
  label: MarketplaceLabel;
}

const platforms = [
  { name: 'Shopee Xpress', prefix: 'SPXID0', sort: ['LOP-C-06', 'JKT-B-12', 'BDG-A-03'] },
  { name: 'J&T Express', prefix: 'JX', sort: ['JOG-JOG1000', 'SUB-SUB2010', 'JKT-JKT2010'] },
  { name: 'AnterAja', prefix: 'AA10', sort: ['CGK-01', 'SRG-04', 'MES-02'] },
] as const;

/** Draws from the order id alone, so the share never disturbs the seeded data's own draws. */
function draws(orderId: string): number[] {
  const digest = createHash('sha256').update(`supplied:${orderId}`).digest();
  return Array.from({ length: 8 }, (_, i) => digest.readUInt32BE(i * 4) / 2 ** 32);
}

export function shapeOf(kind: SuppliedKind): LabelShape {
  if (kind === 'pdf-landscape' || kind === 'png-landscape') return 'landscape';
  if (kind === 'pdf-a4') return 'a4-single';
  return 'portrait';
}

/**
 * The marketplace label of an order: its own AWB (never the order's, so a test can tell whose
 * label printed), sort code and COD. `kind` given: that kind; else a `share` of orders get one,
 * of a kind drawn from the order id (mostly portrait PDFs, as marketplaces hand out).
 */
export function suppliedPlan(orderId: string, invoice: string, recipient: string, city: string, options: { share?: number; kind?: SuppliedKind }): SuppliedPlan | null {
  const [pick = 0, kindDraw = 0, platformDraw = 0, digits = 0, sortDraw = 0, codDraw = 0] = draws(orderId);
  let kind = options.kind;
  if (!kind) {
    if (pick >= (options.share ?? 0)) return null;
    const weights: [SuppliedKind, number][] = [['pdf', 0.4], ['png', 0.15], ['pdf-landscape', 0.15], ['pdf-a4', 0.1], ['jpeg', 0.05], ['png-landscape', 0.05], ['data-png', 0.1]];
    let acc = 0;
    kind = weights.find(([, w]) => (acc += w) > kindDraw)?.[0] ?? 'pdf';
  }
  const platform = platforms[Math.floor(platformDraw * platforms.length)] ?? platforms[0];
  return {
    kind,
    label: {
      platform: platform.name,
      awb: `${platform.prefix}${String(Math.floor(digits * 1e10)).padStart(10, '0')}`,
      sortCode: platform.sort[Math.floor(sortDraw * platform.sort.length)] ?? platform.sort[0],
      service: 'STANDARD',
      cod: codDraw < 0.4 ? Math.round(codDraw * 500) * 1000 + 25000 : null,
      recipient: recipient.slice(0, 28),
      city: city || 'KOTA JAKARTA SELATAN',
      invoice: invoice.slice(-12),
    },
  };
}

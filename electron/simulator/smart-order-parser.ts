import { courierFromText } from './data/couriers.ts';
import { products } from './data/people.ts';

/**
 * `smartorder/fetch`: turns rows of a marketplace export (the reference's column layout) into
 * order drafts keyed by invoice. A multi-product order spans several rows with the same invoice.
 */

/** Column positions in the export, as the reference's example row lays them out. */
const column = {
  invoice: 0,
  awb: 3,
  courier: 4,
  productName: 11,
  productNotes: 12,
  variation: 13,
  price: 15,
  qty: 16,
  shippingCost: 32,
  note: 37,
  customerName: 40,
  customerPhone: 41,
  customerAddress: 42,
  cityName: 43,
  provinceName: 44,
} as const;

type Cell = string | number | null;

export interface SmartOrderDraftWire {
  invoice: string;
  awb: string;
  shippingCost: string;
  note: string;
  customer_name: string;
  customer_number: string;
  customer_address: string;
  cityName: string;
  provinceName: string;
  rawText: string;
  productDetected: { product: string; qty: number; price: string; text: string; notes: string }[];
  courierDetected: { courier: string; status: string; text: string };
}

function cell(row: readonly Cell[], index: number): string {
  const value = row[index];
  return value === null || value === undefined ? '' : String(value).trim();
}

function detectProduct(text: string): string {
  const lower = text.trim().toLowerCase();
  const found = products.find((p) => p.name.trim().toLowerCase() === lower);
  // The reference's example leaves an unknown product's id empty for the operator to choose.
  return found?.id ?? '';
}

export function parseSmartOrderRows(rows: readonly (readonly Cell[])[], hasHeader: boolean): Record<string, SmartOrderDraftWire> {
  const drafts: Record<string, SmartOrderDraftWire> = {};
  for (const row of hasHeader ? rows.slice(1) : rows) {
    const invoice = cell(row, column.invoice);
    if (invoice === '') continue;
    const product = {
      product: detectProduct(cell(row, column.productName)),
      qty: Number(cell(row, column.qty)) || 1,
      price: cell(row, column.price),
      text: cell(row, column.productName),
      notes: cell(row, column.productNotes),
    };
    const existing = drafts[invoice];
    if (existing) {
      existing.productDetected.push(product);
      continue;
    }
    const courierText = cell(row, column.courier);
    const courier = courierFromText(courierText);
    drafts[invoice] = {
      invoice,
      awb: cell(row, column.awb),
      shippingCost: cell(row, column.shippingCost),
      note: cell(row, column.note),
      customer_name: cell(row, column.customerName),
      customer_number: cell(row, column.customerPhone),
      customer_address: cell(row, column.customerAddress),
      cityName: cell(row, column.cityName),
      provinceName: cell(row, column.provinceName),
      rawText: row.map((c) => `${c ?? ''}|`).join(''),
      productDetected: [product],
      courierDetected: { courier: courier?.id ?? '', status: courier ? '1' : '0', text: courierText },
    };
  }
  return drafts;
}

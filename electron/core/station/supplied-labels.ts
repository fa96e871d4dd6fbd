import type { Order } from '../../shared/domain.ts';
import { operatorMessage, OperatorError, type OperatorMessage } from '../../shared/operator-message.ts';
import type { LabelTemplateId, PrinterProfile } from '../../shared/printer-profile.ts';
import type { LabelToRender } from '../labels/label-types.ts';
import { labelTemplates } from '../labels/label-templates.ts';
import { defaultSuppliedLimits, fetchSuppliedLabel } from '../labels/supplied/fetch-supplied-label.ts';
import { openSuppliedPage, prepareSuppliedArtwork, type SuppliedImage } from '../labels/supplied/supplied-artwork.ts';
import { describeSource, parseLabelImage } from '../labels/supplied/supplied-source.ts';
import type { LabelToPrint } from '../printers/printer-port.ts';
import type { Journal } from './journal.ts';
import type { SuppliedEntry } from './journal-supplied.ts';

/** What the station needs to fetch supplied labels: the API's origin and token (only it gets the token). */
export interface SuppliedLabelOptions {
  fetch: typeof fetch;
  apiConfig: () => { baseUrl: string; token: string } | null;
  maxBytes?: number;
  timeoutMs?: number;
}

type MissingLabel = { name: string; error: string };

/** A supplied label cannot be drawn: the job is held, the message names the order. */
export class SuppliedLabelHold extends OperatorError {
  override name = 'SuppliedLabelHold';
  constructor(missing: readonly MissingLabel[], options?: ErrorOptions) {
    super(heldText(missing), heldReason(missing), options);
  }
}

/** Labels fetched at once: a batch of 50 supplied labels does not wait for them one by one. */
const parallel = 4;

async function mapParallel<T, R>(items: readonly T[], work: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let i = next++; i < items.length; i = next++) out[i] = await work(items[i] as T);
  };
  await Promise.all(Array.from({ length: Math.min(parallel, items.length) }, worker));
  return out;
}

/** Can the label be drawn? Checked when it is stored, so a broken file holds the job before anything prints. */
async function unreadable(image: SuppliedImage): Promise<string | undefined> {
  try {
    const page = await openSuppliedPage(image);
    await page.close();
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

export interface SuppliedLabels {
  /** One entry per order that carries a `labelImage`, fetched and checked (never throws). */
  fetchFor(orders: readonly { idx: number; order: Order }[]): Promise<SuppliedEntry[]>;
  /**
   * Fetches again what a job still misses; undefined when nothing is missing, else the reason to
   * hold the job, naming each order.
   */
  ensure(journal: Journal, jobId: string): Promise<SuppliedLabelHold | undefined>;
  /** One label's supplied artwork for a preview: fetched now; throws a hold naming the order when it cannot be had. */
  preview(label: LabelToRender, target: { template: LabelTemplateId; dpi: number }): Promise<LabelToRender>;
  /** The labels with their supplied artwork made ready for this printer's medium and dpi. */
  attach(journal: Journal, jobId: string, labels: readonly LabelToPrint[], profile: PrinterProfile): Promise<LabelToPrint[]>;
}

/** The order's name in a reason: its invoice, else its position. */
const orderName = (order: Order, idx: number): string => (order.invoice ? `order ${order.invoice}` : `label ${idx + 1}`);

const missingList = (missing: readonly MissingLabel[]): string => missing.map((m) => `${m.name}: ${m.error}`).join('; ');

export function heldReason(missing: readonly MissingLabel[]): string {
  return `${missing.length} supplied label(s) could not be fetched or read (${missingList(missing)}). Retry, or print our own label for these.`;
}

export function heldText(missing: readonly MissingLabel[]): OperatorMessage {
  return operatorMessage('supplied-label-missing', { count: missing.length }, missingList(missing));
}

export function createSuppliedLabels(options: SuppliedLabelOptions): SuppliedLabels {
  const maxBytes = options.maxBytes ?? defaultSuppliedLimits.maxBytes;
  const timeoutMs = options.timeoutMs ?? defaultSuppliedLimits.timeoutMs;

  const fetchOne = async (idx: number, order: Order): Promise<SuppliedEntry> => {
    const source = describeSource(order.labelImage);
    const config = options.apiConfig();
    const got = await fetchSuppliedLabel(order.labelImage, { fetch: options.fetch, apiBaseUrl: config?.baseUrl ?? null, token: config?.token ?? null, maxBytes, timeoutMs });
    if (!got.ok) return { idx, source, error: `${got.reason} (${source})` };
    const image: SuppliedImage = { mediaType: got.mediaType, bytes: got.bytes, page: 1 };
    const broken = await unreadable(image);
    return broken ? { idx, source, error: `${broken} (${source})` } : { idx, source, image };
  };

  return {
    async fetchFor(orders) {
      const carrying = orders.filter(({ order }) => parseLabelImage(order.labelImage, maxBytes) !== null);
      return mapParallel(carrying, ({ idx, order }) => fetchOne(idx, order));
    },
    async ensure(journal, jobId) {
      const missing = journal.supplied.missing(jobId);
      // Nothing to fetch: the usual case, one indexed query per batch of labels.
      if (missing.length === 0) return undefined;
      const orders = journal.storedLabels(jobId, missing.map((m) => m.idx));
      const fetched = await mapParallel(orders, ({ idx, order }) => fetchOne(idx, order));
      journal.supplied.update(jobId, fetched);
      const still = fetched.flatMap((entry) => {
        if (!('error' in entry)) return [];
        const order = orders.find((o) => o.idx === entry.idx)?.order;
        return [{ name: order ? orderName(order, entry.idx) : `label ${entry.idx + 1}`, error: entry.error }];
      });
      return still.length === 0 ? undefined : new SuppliedLabelHold(still);
    },
    async preview(label, target) {
      const [entry] = await this.fetchFor([{ idx: 0, order: label.order }]);
      if (!entry) return label;
      if ('error' in entry) throw new SuppliedLabelHold([{ name: orderName(label.order, 0), error: entry.error }]);
      const template = labelTemplates[target.template];
      return { ...label, supplied: await prepareSuppliedArtwork(entry.image, { widthMm: template.widthMm, heightMm: template.heightMm, dpi: target.dpi }) };
    },
    async attach(journal, jobId, labels, profile) {
      const images = journal.supplied.images(jobId, labels.map((label) => Number(label.key)));
      if (images.size === 0) return [...labels];
      const template = labelTemplates[profile.template];
      const target = { widthMm: template.widthMm, heightMm: template.heightMm, dpi: profile.dpi };
      return Promise.all(
        labels.map(async (label) => {
          const image = images.get(Number(label.key));
          if (!image) return label;
          try {
            return { ...label, supplied: await prepareSuppliedArtwork(image, target) };
          } catch (error) {
            throw new SuppliedLabelHold([{ name: orderName(label.order, Number(label.key)), error: error instanceof Error ? error.message : String(error) }], { cause: error });
          }
        }),
      );
    },
  };
}

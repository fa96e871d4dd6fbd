import type { OrderApi } from '../api/order-api.ts';
import { operatorMessage } from '../../shared/operator-message.ts';
import type { Journal, NewEvent } from './journal.ts';

export interface BatchSearchDeps {
  journal: Journal;
  api: () => OrderApi;
  log: (event: NewEvent) => void;
}

/**
 * The batches a packer means by an AWB, an invoice or a recipient's name: those whose labels the
 * journal stored, and those the server's order search places in a batch. The server's half is a
 * help, not a must: when it cannot answer, the journal's half still stands.
 */
export async function batchesMatching(text: string, { journal, api, log }: BatchSearchDeps): Promise<Set<string>> {
  const found = journal.views.batchesWithLabel(text);
  try {
    const page = await api().listOrders(0, 200, { q: text });
    for (const order of page.orders) if (order.processedAt) found.add(order.processedAt);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    log({
      level: 'warn',
      kind: 'batch-search-partial',
      message: `batch search for "${text}" used only this station's journal: ${why}`,
      text: operatorMessage('ev-batch-search-partial', {}, why),
      jobId: null,
      processed: null,
    });
  }
  return found;
}

import type { BatchView } from '../../shared/station-api.ts';
import { withPoolBatches } from '../pool/pool-methods.ts';
import type { PoolLink } from '../pool/pool-link.ts';

/**
 * Sends the batch list the UI shows, as `listBatches` answers it: in a pool, a batch printed by
 * another station carries that station's job, so a poll does not turn its row back into
 * "never printed". Asking the pool is async: only the newest of overlapping sends goes out.
 */
export function createBatchEmitter(deps: { views: () => BatchView[]; pool?: PoolLink; emit: (views: BatchView[]) => void }): () => void {
  let sent = 0;
  return () => {
    const views = deps.views();
    if (!deps.pool) {
      deps.emit(views);
      return;
    }
    const turn = ++sent;
    void withPoolBatches(deps.pool, views).then((all) => {
      if (turn === sent) deps.emit(all);
    });
  };
}

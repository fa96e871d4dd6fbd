import { useTranslation } from 'react-i18next';
import type { BatchView, StationState } from '../../../../electron/shared/station-api.ts';
import { useLoad, useStation, useStationEvent } from '../../station-context.tsx';
import { batchPrintJob } from '../../../../electron/shared/batch-print-state.ts';

const skippedKind = 'auto-print-skipped';

/** The batches the journal says auto-print passed over (stamped before its cutoff as they appeared). */
export function useAutoPrintSkips(): ReadonlySet<string> {
  const api = useStation();
  const events = useLoad(async () => {
    const found = await api.listEvents({ q: skippedKind, limit: 500 });
    return new Set(found.filter((e) => e.kind === skippedKind && e.processed !== null).map((e) => e.processed as string));
  }, 'auto-print-skips');
  useStationEvent('journal', (event) => {
    const processed = event.processed;
    if (event.kind === skippedKind && processed !== null) events.setData((set) => new Set([...(set ?? []), processed]));
  });
  return events.data ?? new Set();
}

/**
 * What auto-print did with this batch: printed it (tagged), or left it (skipped: before its
 * cutoff while it is on, or passed over as the journal recorded), so nobody waits for it.
 */
export function autoPrintMarkOf(batch: BatchView, autoPrint: StationState['autoPrint'] | undefined, skips: ReadonlySet<string>): 'printed' | 'skipped' | null {
  const job = batchPrintJob(batch);
  if (job?.kind === 'auto-print') return 'printed';
  if (job !== null || batch.printStatus > 0) return null;
  if (skips.has(batch.processed)) return 'skipped';
  const cutoff = autoPrint?.enabled ? autoPrint.cutoff : null;
  return cutoff !== null && cutoff !== undefined && batch.processed < cutoff && batch.totalLabels > 0 ? 'skipped' : null;
}

export function AutoPrintMark({ mark }: { mark: 'printed' | 'skipped' | null }) {
  const { t } = useTranslation();
  if (mark === null) return null;
  return <span className={mark === 'printed' ? 'badge auto-printed' : 'badge warn'}>{t(`desk.autoPrint.mark.${mark}`)}</span>;
}

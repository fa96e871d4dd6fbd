import { useRef } from 'react';
import { isFinishedJobState, type JobState } from '../../../../electron/shared/station-api.ts';
import { useStationEvent } from '../../station-context.tsx';

const troubled = (state: JobState | undefined) => state === 'failed' || state === 'waiting';

/**
 * Calls `refresh` when a job runs into trouble with its printer (fails or waits for it) and when
 * it gets out of it: the printer's state changed then, and a timer alone would show it late.
 * Other job progress (every label) asks nothing, so a busy printer is not probed for each one.
 */
export function usePrinterProblemRefresh(refresh: () => void): void {
  const seen = useRef(new Map<string, JobState>());
  useStationEvent('job', (job) => {
    const before = seen.current.get(job.id);
    // A kiosk sees thousands of jobs a week: keep only those that can still change.
    if (isFinishedJobState(job.state)) seen.current.delete(job.id);
    else seen.current.set(job.id, job.state);
    if (troubled(job.state) !== troubled(before) && (before !== undefined || troubled(job.state))) refresh();
  });
}

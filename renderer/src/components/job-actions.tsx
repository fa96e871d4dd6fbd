import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isCancellableJobState, type JobView } from '../../../electron/shared/station-api.ts';
import { useStation } from '../station-context.tsx';
import { ConfirmDialog } from './confirm-dialog.tsx';
import { formatProcessed } from './format.ts';
import { MoveJob } from './move-job.tsx';

interface JobActionsProps {
  job: JobView;
  /** The station's answer: the job in its new state. */
  onJob: (job: JobView) => void;
  /** Called with undefined when an action starts, so an old error goes away. */
  onError: (error: Error | undefined) => void;
}

/**
 * Cancel (asked first: it cannot be undone); for a failed or waiting job, Retry now, its one
 * primary action, and a move to another printer; for a job held because print_order sent a different number of orders, Print
 * what arrived.
 */
export function JobActions({ job, onJob, onError }: JobActionsProps) {
  const { t, i18n } = useTranslation();
  const api = useStation();
  const [confirming, setConfirming] = useState(false);
  const act = (call: () => Promise<JobView>) => {
    onError(undefined);
    void call().then(onJob, (error: unknown) => onError(error instanceof Error ? error : new Error(String(error))));
  };
  // The core also refuses a job a worker has just taken, with a message shown as the error.
  if (!isCancellableJobState(job.state)) return null;
  return (
    <span className="job-actions">
      {(job.state === 'failed' || job.state === 'waiting') && (
        <button type="button" className="primary" onClick={() => act(() => api.retryJob({ jobId: job.id }))}>
          {t('job.retry')}
        </button>
      )}
      {(job.state === 'failed' || job.state === 'waiting') && (
        <MoveJob job={job} onMove={(printerId) => act(() => api.moveJob({ jobId: job.id, printerId }))} onError={onError} />
      )}
      {job.state === 'failed' && job.heldAnswer && job.heldAnswer.received > 0 && (
        <button type="button" onClick={() => act(() => api.printReceivedOrders({ jobId: job.id }))}>
          {t('job.printReceived', { count: job.heldAnswer.received, expected: job.heldAnswer.expected })}
        </button>
      )}
      <button type="button" onClick={() => setConfirming(true)}>
        {t('job.cancel')}
      </button>
      {confirming && (
        <ConfirmDialog
          title={t('job.cancelTitle')}
          confirmLabel={t('job.cancelConfirm')}
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false);
            act(() => api.cancelJob({ jobId: job.id }));
          }}
        >
          <p>{t('job.cancelBody', { processed: formatProcessed(job.processed, i18n.language), done: job.confirmedLabels, total: job.totalLabels })}</p>
        </ConfirmDialog>
      )}
    </span>
  );
}

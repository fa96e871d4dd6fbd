import { useTranslation } from 'react-i18next';
import { isPartialJobKind, type JobView } from '../../../electron/shared/station-api.ts';
import { OperatorText } from './operator-text.tsx';

/** A job's state (and kind, when it prints only some labels), label k/n, printer and, when it failed or waits, why. */
export function JobProgress({ job }: { job: JobView }) {
  const { t } = useTranslation();
  return (
    <div className={`job job-${job.state}`} data-testid="job-progress">
      {/* Some labels of the batch, not the batch: "1/1 done" must not read as the batch printed. */}
      {isPartialJobKind(job.kind) && <span className="badge">{t(`job.kind.${job.kind}`)}</span>}
      <span className={`badge state-${job.state}`}>{t(`job.state.${job.state}`)}</span>
      <progress max={Math.max(job.totalLabels, 1)} value={job.confirmedLabels} aria-label={t('job.progressLabel')} />
      <span className="job-count">{t('job.labels', { done: job.confirmedLabels, total: job.totalLabels })}</span>
      <span className="job-printer">{job.printerName}</span>
      {job.possibleDuplicates > 0 && <span className="badge warn">{t('job.duplicates', { count: job.possibleDuplicates })}</span>}
      {job.reasonText && <OperatorText className="job-reason" text={job.reasonText} />}
    </div>
  );
}

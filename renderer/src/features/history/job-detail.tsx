import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { ErrorNote } from '../../components/error-note.tsx';
import { OperatorText } from '../../components/operator-text.tsx';
import { formatInstant } from '../../components/format.ts';
import { JobProgress } from '../../components/job-progress.tsx';
import { TableHead } from '../../components/table-head.tsx';
import { AwbCell } from '../../components/order-cells.tsx';
import { InlineField } from '../../components/field.tsx';
import { PrinterSelect } from '../../components/printer-select.tsx';
import { useLoad, useStation, useStationEvent } from '../../station-context.tsx';

/** One job's labels, to pick some and print them again from the journal's copy. */
export function JobDetail({ jobId }: { jobId: string }) {
  const { t, i18n } = useTranslation();
  const api = useStation();
  const detail = useLoad(() => api.getJob({ jobId }), jobId);
  const printers = useLoad(() => api.listPrinters({}), 'printers');
  const [printerId, setPrinterId] = useState<string | null>(null);
  const [chosen, setChosen] = useState<ReadonlySet<number>>(new Set());
  const [confirming, setConfirming] = useState(false);
  const [actionError, setActionError] = useState<Error | undefined>(undefined);
  const [started, setStarted] = useState<string | null>(null);
  useStationEvent('job', (job) => job.id === jobId && detail.reload());

  if (detail.error) return <ErrorNote error={detail.error} />;
  if (!detail.data) return <p className="muted">{t('common.loading')}</p>;
  const { job, labels, events } = detail.data;
  const toggle = (index: number) =>
    setChosen((set) => {
      const next = new Set(set);
      if (next.has(index)) next.delete(index);
      else next.add(index);
      return next;
    });
  const choose = (indexes: number[]) => setChosen(new Set(indexes));
  // The job's own printer until the operator picks another (its paper may be what ran out).
  const target = printerId ?? job.printerId;
  const missingSupplied = labels.some((label) => label.labelSource === 'supplied-missing');
  const printOwn = () => {
    setActionError(undefined);
    api.printOwnLabels({ jobId }).then(
      () => detail.reload(),
      (error: unknown) => setActionError(error instanceof Error ? error : new Error(String(error))),
    );
  };
  const reprint = () => {
    setConfirming(false);
    setActionError(undefined);
    api.reprintLabels({ jobId, indexes: [...chosen].sort((a, b) => a - b), printerId: target }).then(
      (newJob) => {
        setStarted(newJob.id);
        setChosen(new Set());
      },
      (error: unknown) => setActionError(error instanceof Error ? error : new Error(String(error))),
    );
  };
  return (
    <div className="job-detail">
      <JobProgress job={job} />
      <div className="toolbar">
        <button type="button" onClick={() => choose(labels.map((l) => l.index))}>
          {t('desk.reprint.chooseAll')}
        </button>
        <button type="button" disabled={!labels.some((l) => l.state !== 'confirmed')} onClick={() => choose(labels.filter((l) => l.state !== 'confirmed').map((l) => l.index))}>
          {t('desk.reprint.chooseUnprinted')}
        </button>
        <InlineField label={t('desk.reprint.printer')}>
          <PrinterSelect printers={printers.data ?? []} value={target} onChange={setPrinterId} current={{ id: job.printerId, name: job.printerName }} />
        </InlineField>
        <button type="button" disabled={chosen.size === 0} onClick={() => setConfirming(true)}>
          {t('history.reprintChosen', { count: chosen.size })}
        </button>
        {started && <span className="ok-note">{t('history.reprintStarted')}</span>}
        {missingSupplied && job.state === 'failed' && (
          <button type="button" onClick={printOwn}>
            {t('history.printOwn')}
          </button>
        )}
      </div>
      <ErrorNote error={actionError} what={t('batches.printFailed')} />
      <table className="table">
        <TableHead
          columns={[
            { label: t('history.choose'), hidden: true },
            { label: '#', num: true },
            t('order.invoice'),
            t('order.awb'),
            t('order.recipient'),
            t('history.labelSource'),
            t('history.labelState'),
          ]}
        />
        <tbody>
          {labels.map((label) => (
            <tr key={label.index}>
              <td>
                <input
                  type="checkbox"
                  checked={chosen.has(label.index)}
                  onChange={() => toggle(label.index)}
                  aria-label={t('history.chooseLabel', { index: label.batchIndex, invoice: label.invoice })}
                />
              </td>
              <td className="num">{label.batchIndex}</td>
              <td className="mono">{label.invoice}</td>
              <AwbCell awb={label.awb} />
              <td>{label.recipient}</td>
              <td>
                <span className={label.labelSource === 'supplied-missing' || label.labelSource === 'ours-instead-of-supplied' ? 'badge warn' : undefined} title={label.suppliedReason ?? undefined}>
                  {t(`history.source.${label.labelSource ?? 'ours'}`)}
                </span>
              </td>
              <td>
                {t(`history.label.${label.state}`)}
                {label.possibleDuplicate && <span className="badge warn">{t('history.possibleDuplicate')}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ul className="events">
        {events.map((event) => (
          <li key={event.id} className={`event level-${event.level}`}>
            <time>{formatInstant(event.at, i18n.language)}</time> <OperatorText text={event.text} />
          </li>
        ))}
      </ul>
      {confirming && (
        <ConfirmDialog title={t('history.reprintTitle')} confirmLabel={t('batches.reprintConfirm')} onCancel={() => setConfirming(false)} onConfirm={reprint}>
          <p>{t('history.reprintBody', { count: chosen.size })}</p>
          <p>{t('desk.reprint.onPrinter', { printer: (printers.data ?? []).find((p) => p.id === target)?.name ?? job.printerName })}</p>
        </ConfirmDialog>
      )}
    </div>
  );
}

import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Order } from '../../../../electron/shared/domain.ts';
import type { BatchView, JobView, StationState } from '../../../../electron/shared/station-api.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { ErrorNote } from '../../components/error-note.tsx';
import { formatProcessed } from '../../components/format.ts';
import { JobActions } from '../../components/job-actions.tsx';
import { JobProgress } from '../../components/job-progress.tsx';
import { TableHead } from '../../components/table-head.tsx';
import { InlineField } from '../../components/field.tsx';
import { PrinterSelect } from '../../components/printer-select.tsx';
import { useLoad, useStation, useStationEvent } from '../../station-context.tsx';
import { BatchOrders } from './batch-orders.tsx';
import { LabelFilePrint } from '../label-file/label-file-print.tsx';
import { batchPrintJob } from '../../../../electron/shared/batch-print-state.ts';
import { applyJob, isJobActive, needsPrinting, newestFirst } from './batch-list.ts';
import { AutoPrintMark, autoPrintMarkOf, useAutoPrintSkips } from './auto-print-mark.tsx';

export function BatchesView({ onPreview, autoPrint }: { onPreview: (order: Order) => void; autoPrint?: StationState['autoPrint'] | undefined }) {
  const { t, i18n } = useTranslation();
  const api = useStation();
  const [q, setQ] = useState('');
  const [open, setOpen] = useState<string | null>(null);
  const [printerId, setPrinterId] = useState('');
  const [confirming, setConfirming] = useState<BatchView | null>(null);
  const [withoutAwb, setWithoutAwb] = useState<{ batch: BatchView; missing: number } | null>(null);
  const [printingAllNew, setPrintingAllNew] = useState(false);
  const [actionError, setActionError] = useState<Error | undefined>(undefined);
  const [jobError, setJobError] = useState<Error | undefined>(undefined);
  const [fileOpen, setFileOpen] = useState(false);
  const [fileJob, setFileJob] = useState<JobView | null>(null);
  const batches = useLoad(() => api.listBatches(q ? { q } : {}), q);
  const printers = useLoad(() => api.listPrinters({}), 'printers');
  const skips = useAutoPrintSkips();

  useStationEvent('batches', (list) => (q ? batches.reload() : batches.setData(() => list)));
  useStationEvent('job', (job) => batches.setData((list) => list && applyJob(list, job)));
  useStationEvent('job', (job) => setFileJob((shown) => (shown?.id === job.id ? job : shown)));

  const showJob = (job: JobView) => batches.setData((list) => list && applyJob(list, job));
  const run = (start: () => Promise<JobView>) => {
    setActionError(undefined);
    start().then(
      showJob,
      (error: unknown) => setActionError(error instanceof Error ? error : new Error(String(error))),
    );
  };
  const target = printerId ? { printerId } : {};
  const startPrint = (batch: BatchView) => run(() => api.printBatch({ processed: batch.processed, ...target }));
  // A label without an AWB prints without a courier barcode: say so before it is on paper. When
  // the orders cannot be read, print anyway; print_order itself then says what is wrong.
  const print = (batch: BatchView) => {
    setActionError(undefined);
    api.getBatchOrders({ processed: batch.processed }).then(
      (orders) => {
        const missing = orders.filter((o) => o.awb === null).length;
        if (missing > 0) setWithoutAwb({ batch, missing });
        else startPrint(batch);
      },
      () => startPrint(batch),
    );
  };
  const reprint = (batch: BatchView) => run(() => api.reprintBatch({ processed: batch.processed, confirmed: true, ...target }));

  const list = newestFirst(batches.data ?? []);
  const fresh = q ? [] : list.filter((b) => b.printStatus === 0 && !batchPrintJob(b));
  const freshLabels = fresh.reduce((n, b) => n + b.totalLabels, 0);
  // Oldest first, so the piles come out in the order the orders were processed.
  const printAllNew = () => {
    for (const batch of [...fresh].reverse()) startPrint(batch);
  };
  return (
    <section className="view" aria-labelledby="batches-title">
      <div className="toolbar">
        <h1 id="batches-title">{t('batches.title')}</h1>
        <InlineField label={t('common.search')}>
          <input type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder={t('batches.searchHint')} />
        </InlineField>
        <InlineField label={t('batches.printTo')}>
          <PrinterSelect printers={printers.data ?? []} value={printerId} onChange={setPrinterId} defaultLabel={t('batches.defaultPrinter')} />
        </InlineField>
        {fresh.length > 0 && (
          <button type="button" className="primary" onClick={() => setPrintingAllNew(true)}>
            {t('batches.printAllNew', { batches: t('batches.batchCount', { count: fresh.length }), labels: t('batches.labelCount', { count: freshLabels }) })}
          </button>
        )}
        <button type="button" aria-expanded={fileOpen} onClick={() => setFileOpen(!fileOpen)}>
          {t('batches.labelFile')}
        </button>
      </div>
      {fileOpen && (
        <LabelFilePrint
          printerId={printerId}
          onJob={(job) => {
            setFileJob(job);
            setFileOpen(false);
          }}
        />
      )}
      {fileJob && <JobProgress job={fileJob} />}
      <ErrorNote error={batches.error} what={t('batches.loadFailed')} />
      <ErrorNote error={actionError} what={t('batches.printFailed')} />
      <ErrorNote error={jobError} what={t('job.actionFailed')} />
      {!batches.loading && list.length === 0 && !batches.error && <p className="empty">{q.trim() ? t('batches.noMatch', { q: q.trim() }) : t('batches.empty')}</p>}
      {list.length > 0 && (
        <table className="table batches">
          <TableHead
            columns={[
              t('batches.processed'),
              { label: t('batches.labels'), num: true },
              t('batches.printed'),
              t('batches.job'),
              { label: t('common.actions'), hidden: true },
            ]}
          />
          <tbody>
            {list.map((batch) => {
              const active = isJobActive(batch.job);
              const isOpen = open === batch.processed;
              return (
                <Fragment key={batch.processed}>
                  <tr className={needsPrinting(batch) ? 'never-printed' : undefined} data-testid="batch-row" data-processed={batch.processed}>
                    <td className="when">
                      <button type="button" className="link" aria-expanded={isOpen} onClick={() => setOpen(isOpen ? null : batch.processed)}>
                        {formatProcessed(batch.processed, i18n.language)}
                      </button>
                    </td>
                    <td className="num">
                      {batch.totalLabels}
                      {batch.packed > 0 && <span className="packed-count">{t('batches.packed', { packed: batch.packed, total: batch.totalLabels })}</span>}
                    </td>
                    <td>
                      {batch.job?.station ? (
                        <span className="badge">{t('pool.printedAt', { station: batch.job.station })}</span>
                      ) : batch.printStatus === 0 ? (
                        <span className="badge attention">{t('batches.neverPrinted')}</span>
                      ) : (
                        <>
                          {t('batches.printedTimes', { count: batch.printStatus })}
                          {needsPrinting(batch) && batch.job && (
                            <span className="badge attention">{t('batches.notAllOnPaper', { done: batch.job.confirmedLabels, total: batch.job.totalLabels })}</span>
                          )}
                        </>
                      )}
                      <AutoPrintMark mark={autoPrintMarkOf(batch, autoPrint, skips)} />
                    </td>
                    <td>
                      {batch.job?.station ? (
                        <>
                          <JobProgress job={batch.job} />
                          <span className="muted">{t('pool.printerAt', { printer: batch.job.printerName, station: batch.job.station })}</span>
                        </>
                      ) : batch.job ? (
                        <>
                          <JobProgress job={batch.job} />
                          <JobActions job={batch.job} onJob={showJob} onError={setJobError} />
                        </>
                      ) : (
                        <span className="muted">—</span>
                      )}
                    </td>
                    <td className="actions">
                      {batch.job?.state === 'failed' ? null : batch.printStatus === 0 ? (
                        <button type="button" className="primary" disabled={active} onClick={() => print(batch)}>
                          {t('batches.print')}
                        </button>
                      ) : (
                        <button type="button" disabled={active} onClick={() => setConfirming(batch)}>
                          {t('batches.reprint')}
                        </button>
                      )}
                    </td>
                  </tr>
                  {isOpen && (
                    <tr className="batch-detail">
                      <td colSpan={5}>
                        <BatchOrders processed={batch.processed} onPreview={onPreview} printerId={printerId || undefined} />
                      </td>
                    </tr>
                  )}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      )}
      {printingAllNew && (
        <ConfirmDialog
          title={t('batches.printAllNewTitle')}
          confirmLabel={t('batches.printAllNewConfirm')}
          onCancel={() => setPrintingAllNew(false)}
          onConfirm={() => {
            printAllNew();
            setPrintingAllNew(false);
          }}
        >
          <p>{t('batches.printAllNewBody', { count: fresh.length, labels: t('batches.labelCount', { count: freshLabels }) })}</p>
        </ConfirmDialog>
      )}
      {withoutAwb && (
        <ConfirmDialog
          title={t('batches.withoutAwbTitle')}
          confirmLabel={t('batches.withoutAwbConfirm')}
          onCancel={() => setWithoutAwb(null)}
          onConfirm={() => {
            startPrint(withoutAwb.batch);
            setWithoutAwb(null);
          }}
        >
          <p>
            {t('batches.withoutAwbBody', {
              count: withoutAwb.missing,
              orders: t('batches.orderCount', { count: withoutAwb.batch.totalLabels }),
              processed: formatProcessed(withoutAwb.batch.processed, i18n.language),
            })}
          </p>
        </ConfirmDialog>
      )}
      {confirming && (
        <ConfirmDialog
          title={t('batches.reprintTitle')}
          confirmLabel={t('batches.reprintConfirm')}
          onCancel={() => setConfirming(null)}
          onConfirm={() => {
            reprint(confirming);
            setConfirming(null);
          }}
        >
          <p>
            {t('batches.reprintBody', {
              processed: formatProcessed(confirming.processed, i18n.language),
              labels: t('batches.labelCount', { count: confirming.totalLabels }),
              times: t('batches.printedTimes', { count: confirming.printStatus }),
            })}
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}

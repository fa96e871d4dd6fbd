import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { jobStateSchema, type JobState, type JobView, type JournalEvent } from '../../../../electron/shared/station-api.ts';
import { ErrorNote } from '../../components/error-note.tsx';
import { JobActions } from '../../components/job-actions.tsx';
import { OperatorText } from '../../components/operator-text.tsx';
import { formatInstant, formatProcessed } from '../../components/format.ts';
import { TableHead } from '../../components/table-head.tsx';
import { InlineField } from '../../components/field.tsx';
import { useLoad, useStation, useStationEvent } from '../../station-context.tsx';
import { JobDetail } from './job-detail.tsx';

type Level = JournalEvent['level'];

export function HistoryView() {
  const { t, i18n } = useTranslation();
  const api = useStation();
  const [state, setState] = useState<JobState | ''>('');
  const [q, setQ] = useState('');
  const [level, setLevel] = useState<Level | ''>('');
  const [selected, setSelected] = useState<string | null>(null);
  const jobs = useLoad(() => api.listJobs({ ...(state ? { state } : {}), ...(q ? { q } : {}) }), `${state}|${q}`);
  const events = useLoad(() => api.listEvents({ ...(level ? { level } : {}), ...(q ? { q } : {}), limit: 200 }), `${level}|${q}`);
  const [jobError, setJobError] = useState<Error | undefined>(undefined);
  const showJob = (job: JobView) => jobs.setData((list) => (list?.some((j) => j.id === job.id) ? list.map((j) => (j.id === job.id ? job : j)) : list));
  useStationEvent('job', showJob);
  useStationEvent('journal', () => events.reload());

  return (
    <section className="view" aria-labelledby="history-title">
      <div className="toolbar">
        <h1 id="history-title">{t('history.title')}</h1>
        <InlineField label={t('common.search')}>
          <input type="search" value={q} onChange={(e) => setQ(e.target.value)} />
        </InlineField>
        <InlineField label={t('history.state')}>
          <select value={state} onChange={(e) => setState(e.target.value as JobState | '')}>
            <option value="">{t('common.all')}</option>
            {jobStateSchema.options.map((s) => (
              <option key={s} value={s}>
                {t(`job.state.${s}`)}
              </option>
            ))}
          </select>
        </InlineField>
      </div>
      <div className="split history-split">
        <div className="pane">
          <ErrorNote error={jobs.error} />
          <ErrorNote error={jobError} what={t('job.actionFailed')} />
          {jobs.data?.length === 0 && <p className="empty">{t('history.noJobs')}</p>}
          <table className="table">
            <TableHead
              columns={[
                t('batches.processed'),
                t('history.kind'),
                t('history.state'),
                { label: t('batches.labels'), num: true },
                t('history.printer'),
                t('history.created'),
                { label: t('common.actions'), hidden: true },
              ]}
            />
            <tbody>
              {(jobs.data ?? []).map((job) => (
                <tr key={job.id} className={selected === job.id ? 'selected' : undefined}>
                  <td className="when">
                    {/* Another station's job (a pool): its detail and actions live at that station. */}
                    {job.station ? (
                      formatProcessed(job.processed, i18n.language)
                    ) : (
                      <button type="button" className="link" aria-pressed={selected === job.id} onClick={() => setSelected(job.id)}>
                        {formatProcessed(job.processed, i18n.language)}
                      </button>
                    )}
                  </td>
                  <td>{t(`job.kind.${job.kind}`)}</td>
                  <td>
                    <span className={`badge state-${job.state}`}>{t(`job.state.${job.state}`)}</span>
                  </td>
                  <td className="num">{t('job.labels', { done: job.confirmedLabels, total: job.totalLabels })}</td>
                  <td>{job.station ? t('pool.printerAt', { printer: job.printerName, station: job.station }) : job.printerName}</td>
                  <td>{formatInstant(job.createdAt, i18n.language)}</td>
                  <td className="actions">
                    {!job.station && <JobActions job={job} onJob={showJob} onError={setJobError} />}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {selected && <JobDetail jobId={selected} />}
        </div>
        <div className="pane events-pane">
          <div className="toolbar">
            <h2>{t('history.events')}</h2>
            <InlineField label={t('history.level')}>
              <select value={level} onChange={(e) => setLevel(e.target.value as Level | '')}>
                <option value="">{t('common.all')}</option>
                <option value="info">{t('history.levels.info')}</option>
                <option value="warn">{t('history.levels.warn')}</option>
                <option value="error">{t('history.levels.error')}</option>
              </select>
            </InlineField>
          </div>
          <ErrorNote error={events.error} />
          <ul className="events">
            {(events.data ?? []).map((event) => (
              <li key={event.id} className={`event level-${event.level}`}>
                <time>{formatInstant(event.at, i18n.language)}</time> <OperatorText text={event.text} />
              </li>
            ))}
          </ul>
        </div>
      </div>
    </section>
  );
}

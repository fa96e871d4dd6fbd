import { useTranslation } from 'react-i18next';
import type { StationState } from '../../../../electron/shared/station-api.ts';
import { formatClock, formatProcessed } from '../../components/format.ts';
import { useLinkState, useLoad, useStation, useStationEvent } from '../../station-context.tsx';
import { AutoPrintSwitch } from '../auto-print/auto-print-switch.tsx';
import { usePrinterProblemRefresh } from './printer-problem-refresh.ts';
import { operatorHeadline } from '../../../../electron/shared/i18n/operator-text.ts';

/**
 * The station at a glance: counts per status, the API connection, each printer, auto-print.
 * Counts and printers refresh after each poll the core reports; printers also as soon as a job
 * runs into trouble with one, or gets out of it.
 */
export function StatusBar({ state, onState }: { state: StationState | undefined; onState: (state: StationState) => void }) {
  const { t, i18n } = useTranslation();
  const api = useStation();
  const link = useLinkState();
  // Counts and printer states follow the polls, but at most every 15 s: each asks the server or the printers.
  const bucket = state?.lastPollAt ? Math.floor(Date.parse(state.lastPollAt) / 15_000) : 0;
  const summary = useLoad(() => api.getSummary({}), `summary|${bucket}`);
  const printers = useLoad(() => api.listPrinters({}), `printers|${bucket}`);
  useStationEvent('state', onState);
  usePrinterProblemRefresh(printers.reload);
  return (
    <footer className="status-bar" aria-label={t('status.title')}>
      {link !== 'up' && <span className={link === 'down' ? 'badge error' : 'badge'}>{t(`status.link.${link}`)}</span>}
      {state && (
        <span className={`badge conn-${state.connection}`} title={state.lastErrorText ? operatorHeadline(state.lastErrorText, i18n.language) : undefined} data-testid="connection">
          {t(`status.connection.${state.connection}`)}
        </span>
      )}
      {state?.lastPollAt && <span className="muted">{t('status.lastPoll', { at: formatClock(state.lastPollAt, i18n.language) })}</span>}
      {summary.data && (
        <span className="counts" aria-label={t('status.counts')}>
          {(['NEW', 'PROCESSED', 'SENT', 'DRAFT'] as const).map((s) => (
            <span key={s} className="count">
              {t(`status.${s}`)} <strong>{summary.data?.[s]}</strong>
            </span>
          ))}
        </span>
      )}
      <span className="printers">
        {(printers.data ?? []).map((p) => (
          <span key={p.id} className="printer-state" data-testid="printer-state">
            {p.name} <span className={`badge printer-${p.status.state}`}>{t(`printers.state.${p.status.state}`)}</span>
          </span>
        ))}
      </span>
      {state && (
        <span className="auto-print">
          <AutoPrintSwitch state={state} onState={onState} />
          {state.autoPrint.enabled && state.autoPrint.cutoff && (
            <span className="muted">{t('status.cutoff', { at: formatProcessed(state.autoPrint.cutoff, i18n.language) })}</span>
          )}
        </span>
      )}
    </footer>
  );
}

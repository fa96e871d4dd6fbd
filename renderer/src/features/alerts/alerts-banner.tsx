import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Alert } from '../../../../electron/shared/station-api.ts';
import { formatClock, formatInstant } from '../../components/format.ts';
import { OperatorText } from '../../components/operator-text.tsx';
import { useLoad, useStation, useStationEvent } from '../../station-context.tsx';

interface AlertsBannerProps {
  /** Called for each alert that arrives live for a new cause (not for updates, nor those already there at load). */
  onNewAlert: (alert: Alert) => void;
}

/** At 1024×600 the work must stay in view: this many alerts show, the rest fold into a counter. */
const shownFolded = 2;

/**
 * What needs a human now: a rejected token, an offline printer, a failed batch. One compact
 * line per cause, updated in place as the core reports it again, gone when the core clears it.
 */
export function AlertsBanner({ onNewAlert }: AlertsBannerProps) {
  const { t, i18n } = useTranslation();
  const api = useStation();
  const alerts = useLoad(() => api.listAlerts({}), 'alerts');
  const [expanded, setExpanded] = useState(false);
  useStationEvent('alert', (alert) => {
    const known = (alerts.data ?? []).some((a) => a.id === alert.id);
    alerts.setData((list) => {
      const current = list ?? [];
      return current.some((a) => a.id === alert.id) ? current.map((a) => (a.id === alert.id ? alert : a)) : [alert, ...current];
    });
    if (!known) onNewAlert(alert);
  });
  useStationEvent('alertsCleared', ({ ids }) => alerts.setData((list) => list?.filter((a) => !ids.includes(a.id))));
  const dismiss = (id: string) => {
    alerts.setData((list) => list?.filter((a) => a.id !== id));
    api.dismissAlert({ id }).catch(() => alerts.reload());
  };
  const list = alerts.data ?? [];
  if (list.length === 0) return null;
  const folded = list.length > shownFolded && !expanded;
  const shown = folded ? list.slice(0, shownFolded) : list;
  return (
    <div className="alerts" role="alert" aria-live="assertive">
      {shown.map((alert) => (
        <div key={alert.id} className={`alert alert-${alert.kind}`} data-testid="alert" data-alert-kind={alert.kind}>
          <strong>{t(`alerts.${alert.kind}`)}</strong>
          <OperatorText className="alert-text" text={alert.text} />
          {alert.count > 1 && <span className="badge alert-count">{t('messages.repeated', { count: alert.count })}</span>}
          <time className="muted" dateTime={alert.updatedAt}>
            {formatInstant(alert.updatedAt, i18n.language)}
          </time>
          {alert.retryAt && <span className="muted alert-retry">{t('messages.retryAt', { time: formatClock(alert.retryAt, i18n.language) })}</span>}
          <button type="button" onClick={() => dismiss(alert.id)} aria-label={t('alerts.dismiss', { kind: t(`alerts.${alert.kind}`) })}>
            {t('alerts.ok')}
          </button>
        </div>
      ))}
      {list.length > shownFolded && (
        <button type="button" className="alerts-more" aria-expanded={expanded} onClick={() => setExpanded((e) => !e)}>
          {expanded ? t('messages.fewerAlerts') : t('messages.moreAlerts', { count: list.length - shownFolded })}
        </button>
      )}
    </div>
  );
}

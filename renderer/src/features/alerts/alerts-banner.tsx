import { useTranslation } from 'react-i18next';
import type { Alert } from '../../../../electron/shared/station-api.ts';
import { formatInstant } from '../../components/format.ts';
import { useLoad, useStation, useStationEvent } from '../../station-context.tsx';

interface AlertsBannerProps {
  /** Called for each alert that arrives live (not for those already there at load). */
  onNewAlert: (alert: Alert) => void;
}

/** What needs a human now: a rejected token, an offline printer, a failed batch. */
export function AlertsBanner({ onNewAlert }: AlertsBannerProps) {
  const { t, i18n } = useTranslation();
  const api = useStation();
  const alerts = useLoad(() => api.listAlerts({}), 'alerts');
  useStationEvent('alert', (alert) => {
    alerts.setData((list) => [alert, ...(list ?? []).filter((a) => a.id !== alert.id)]);
    onNewAlert(alert);
  });
  const dismiss = (id: string) => {
    alerts.setData((list) => list?.filter((a) => a.id !== id));
    api.dismissAlert({ id }).catch(() => alerts.reload());
  };
  const list = alerts.data ?? [];
  if (list.length === 0) return null;
  return (
    <div className="alerts" role="alert" aria-live="assertive">
      {list.map((alert) => (
        <div key={alert.id} className={`alert alert-${alert.kind}`}>
          <strong>{t(`alerts.${alert.kind}`)}</strong>
          <span>{alert.message}</span>
          <time className="muted">{formatInstant(alert.at, i18n.language)}</time>
          <button type="button" onClick={() => dismiss(alert.id)} aria-label={t('alerts.dismiss', { kind: t(`alerts.${alert.kind}`) })}>
            {t('alerts.ok')}
          </button>
        </div>
      ))}
    </div>
  );
}

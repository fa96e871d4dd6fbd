import { useTranslation } from 'react-i18next';
import type { StationState } from '../../../../electron/shared/station-api.ts';

/** `22:28`, with the day in front when it was not today: the operator's own clock. */
export function formatSince(iso: string, language: string, now = new Date()): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const clock = `${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}`;
  if (at.toDateString() === now.toDateString()) return clock;
  const day = at.toLocaleDateString(language === 'id' ? 'id-ID' : 'en-GB', { day: 'numeric', month: 'short' });
  return `${day} ${clock}`;
}

/** The header's unmistakable "auto-print is on" while it is. */
export function AutoPrintBadge({ autoPrint }: { autoPrint: StationState['autoPrint'] }) {
  const { t, i18n } = useTranslation();
  if (!autoPrint.enabled) return null;
  return (
    <strong className="auto-print-on" role="status" data-testid="auto-print-on">
      {autoPrint.since ? t('desk.autoPrint.onSince', { at: formatSince(autoPrint.since, i18n.language) }) : t('desk.autoPrint.on')}
    </strong>
  );
}

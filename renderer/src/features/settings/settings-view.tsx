import { useTranslation } from 'react-i18next';
import type { SettingsView as Settings } from '../../../../electron/shared/station-api.ts';
import { ErrorNote } from '../../components/error-note.tsx';
import { useLoad, useStation } from '../../station-context.tsx';
import { PrintersSection } from './printers-section.tsx';
import { SettingsForm } from './settings-form.tsx';

interface SettingsViewProps {
  onSettings: (settings: Settings) => void;
  /** Running the demo: the server is set up through the setup dialog instead. */
  demo?: boolean;
  onConnectServer?: () => void;
}

export function SettingsView({ onSettings, demo = false, onConnectServer = () => undefined }: SettingsViewProps) {
  const { t } = useTranslation();
  const api = useStation();
  const settings = useLoad(() => api.getSettings({}), 'settings');
  return (
    <section className="view settings" aria-labelledby="settings-title">
      <h1 id="settings-title">{t('settings.title')}</h1>
      <ErrorNote error={settings.error} />
      <div className="settings-grid">
        {settings.data && (
          <SettingsForm
            settings={settings.data}
            demo={demo}
            onConnectServer={onConnectServer}
            onSaved={(next) => {
              settings.setData(() => next);
              onSettings(next);
            }}
          />
        )}
        <PrintersSection onChanged={settings.reload} />
      </div>
    </section>
  );
}

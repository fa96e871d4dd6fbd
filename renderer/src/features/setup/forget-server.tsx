import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SettingsView } from '../../../../electron/shared/station-api.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { ErrorNote } from '../../components/error-note.tsx';
import { useStation } from '../../station-context.tsx';

/** The way back: the station forgets its server (after a question) and the desktop app returns to the demo. */
export function ForgetServer({ onForgotten }: { onForgotten: (settings: SettingsView) => void }) {
  const { t } = useTranslation();
  const api = useStation();
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<Error | undefined>(undefined);
  const forget = () => {
    setAsking(false);
    setError(undefined);
    api.disconnectServer({}).then(onForgotten, (reason: unknown) => setError(reason instanceof Error ? reason : new Error(String(reason))));
  };
  return (
    <div className="form-actions">
      <button type="button" className="danger" onClick={() => setAsking(true)}>
        {t('setup.disconnect')}
      </button>
      <ErrorNote error={error} />
      {asking && (
        <ConfirmDialog title={t('setup.disconnectTitle')} confirmLabel={t('setup.disconnectConfirm')} onConfirm={forget} onCancel={() => setAsking(false)}>
          <p>{t('setup.disconnectBody')}</p>
        </ConfirmDialog>
      )}
    </div>
  );
}

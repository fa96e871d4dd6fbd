import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { apiOrigin } from '../../../../electron/shared/api-base-url.ts';
import { settingsPatchSchema, type SettingsPatch, type SettingsView } from '../../../../electron/shared/station-api.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { ErrorNote } from '../../components/error-note.tsx';
import { Field, invalidProps } from '../../components/field.tsx';
import { useStation } from '../../station-context.tsx';
import { ForgetServer } from '../setup/forget-server.tsx';
import { fieldErrors, settingsErrorKey } from './field-errors.ts';

interface SettingsFormProps {
  settings: SettingsView;
  /** The demo's server is its simulator: a real one comes in through the setup, never through Save. */
  demo: boolean;
  onSaved: (settings: SettingsView) => void;
  onConnectServer: () => void;
}

/**
 * The connection and station settings. The token field starts empty whatever is stored: a
 * stored token is never sent back to a UI, only replaced.
 */
export function SettingsForm({ settings, demo, onSaved, onConnectServer }: SettingsFormProps) {
  const { t } = useTranslation();
  const api = useStation();
  const [apiBaseUrl, setApiBaseUrl] = useState(settings.apiBaseUrl);
  const [userId, setUserId] = useState(settings.userId);
  const [token, setToken] = useState('');
  const [pollSeconds, setPollSeconds] = useState(String(settings.pollSeconds));
  const [alertSound, setAlertSound] = useState(settings.alertSound);
  const [alertRepeatSeconds, setAlertRepeatSeconds] = useState(String(settings.alertRepeatSeconds));
  const [language, setLanguage] = useState(settings.language);
  const [labelOrder, setLabelOrder] = useState(settings.labelOrder);
  const [defaultPrinterId, setDefaultPrinterId] = useState(settings.defaultPrinterId ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saveError, setSaveError] = useState<Error | undefined>(undefined);
  const [saved, setSaved] = useState(false);
  const [forgetting, setForgetting] = useState<SettingsPatch | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    setSaveError(undefined);
    const patch: SettingsPatch = {
      ...(demo ? {} : { apiBaseUrl: apiBaseUrl.trim(), userId: userId.trim(), ...(token.trim() ? { token } : {}) }),
      pollSeconds: Number(pollSeconds),
      alertSound,
      alertRepeatSeconds: Number(alertRepeatSeconds),
      // Only when changed here: the language menu at the top may have switched it meanwhile.
      ...(language !== settings.language ? { language } : {}),
      defaultPrinterId: defaultPrinterId || null,
      labelOrder,
    };
    const checked = settingsPatchSchema.safeParse(patch);
    if (!checked.success) {
      setErrors(fieldErrors(checked.error));
      return;
    }
    setErrors({});
    // Forgetting the stored token cannot be undone from here (it is never shown back): ask first.
    if (tokenForgotten) setForgetting(patch);
    else save(patch);
  };
  const save = (patch: SettingsPatch) => {
    api.updateSettings(patch).then(
      (next) => {
        setToken('');
        setSaved(true);
        onSaved(next);
      },
      (error: unknown) => setSaveError(error instanceof Error ? error : new Error(String(error))),
    );
  };

  const error = (field: string) => (errors[field] ? t(`settings.errors.${settingsErrorKey(field, { apiBaseUrl, userId, token })}`, { defaultValue: errors[field] }) : null);
  // The core forgets the stored token when the server changes (it must not reach another server): say so before saving.
  const tokenForgotten = settings.hasToken && settings.apiBaseUrl !== '' && !token.trim() && apiOrigin(apiBaseUrl.trim()) !== apiOrigin(settings.apiBaseUrl);
  const invalid = (field: string) => invalidProps(`settings-${field}`, errors[field]);

  return (
    <form className="form" onSubmit={submit} noValidate aria-labelledby="connection-title">
      <h2 id="connection-title">{t('settings.connection')}</h2>
      {demo ? (
        <div className="field-note" role="note">
          <p>{t('setup.demoNote')}</p>
          <button type="button" className="primary" onClick={onConnectServer}>
            {t('setup.open')}
          </button>
        </div>
      ) : (
        <>
          <Field id="settings-apiBaseUrl" label={t('settings.apiBaseUrl')} error={error('apiBaseUrl')}>
            <input id="settings-apiBaseUrl" type="url" value={apiBaseUrl} onChange={(e) => setApiBaseUrl(e.target.value)} {...invalid('apiBaseUrl')} />
          </Field>
          <Field id="settings-userId" label={t('settings.userId')} error={error('userId')}>
            <input id="settings-userId" className="mono" value={userId} onChange={(e) => setUserId(e.target.value)} spellCheck={false} {...invalid('userId')} />
          </Field>
          <Field id="settings-token" label={t('settings.token')} error={error('token')}>
            <input
              id="settings-token"
              type="password"
              autoComplete="off"
              value={token}
              onChange={(e) => setToken(e.target.value)}
              placeholder={settings.hasToken ? t('settings.tokenStored') : t('settings.tokenMissing')}
              {...invalid('token')}
            />
          </Field>
          {tokenForgotten && (
            <p className="field-note" role="note">
              {t('settings.tokenForgotten')}
            </p>
          )}
          {settings.apiBaseUrl !== '' && <ForgetServer onForgotten={onSaved} />}
        </>
      )}
      <Field id="settings-pollSeconds" label={t('settings.pollSeconds')} error={error('pollSeconds')}>
        <input id="settings-pollSeconds" type="number" min={2} max={3600} value={pollSeconds} onChange={(e) => setPollSeconds(e.target.value)} {...invalid('pollSeconds')} />
      </Field>
      <Field id="settings-defaultPrinter" label={t('settings.defaultPrinter')}>
        <select id="settings-defaultPrinter" value={defaultPrinterId} onChange={(e) => setDefaultPrinterId(e.target.value)}>
          <option value="">{t('settings.noDefaultPrinter')}</option>
          {settings.printers.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </Field>
      <Field id="settings-labelOrder" label={t('desk.labelOrder.title')}>
        <select id="settings-labelOrder" value={labelOrder} onChange={(e) => setLabelOrder(e.target.value === 'courier' ? 'courier' : 'batch')}>
          <option value="batch">{t('desk.labelOrder.batch')}</option>
          <option value="courier">{t('desk.labelOrder.courier')}</option>
        </select>
      </Field>
      <Field id="settings-language" label={t('settings.language')}>
        <select id="settings-language" value={language} onChange={(e) => setLanguage(e.target.value === 'en' ? 'en' : 'id')}>
          <option value="id">Bahasa Indonesia</option>
          <option value="en">English</option>
        </select>
      </Field>
      <label className="check">
        <input type="checkbox" checked={alertSound} onChange={(e) => setAlertSound(e.target.checked)} />
        <span>{t('settings.alertSound')}</span>
      </label>
      <Field id="settings-alertRepeatSeconds" label={t('desk.sound.repeatSeconds')} error={errors.alertRepeatSeconds ? t('desk.sound.repeatError') : null}>
        <input
          id="settings-alertRepeatSeconds"
          type="number"
          min={0}
          max={3600}
          disabled={!alertSound}
          value={alertRepeatSeconds}
          onChange={(e) => setAlertRepeatSeconds(e.target.value)}
          {...invalid('alertRepeatSeconds')}
        />
      </Field>
      <div className="form-actions">
        <button type="submit" className="primary">
          {t('common.save')}
        </button>
        {saved && (
          <span className="ok-note" role="status">
            {t('settings.saved')}
          </span>
        )}
      </div>
      <ErrorNote error={saveError} what={t('settings.saveFailed')} />
      {forgetting && (
        <ConfirmDialog
          title={t('desk.settings.forgetTokenTitle')}
          confirmLabel={t('desk.settings.forgetTokenConfirm')}
          onCancel={() => setForgetting(null)}
          onConfirm={() => {
            save(forgetting);
            setForgetting(null);
          }}
        >
          <p>{t('settings.tokenForgotten')}</p>
        </ConfirmDialog>
      )}
    </form>
  );
}

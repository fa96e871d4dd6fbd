import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { serverConnectionSchema, type ConnectionTest, type ServerConnection } from '../../../../electron/shared/station-api.ts';
import { ErrorNote } from '../../components/error-note.tsx';
import { Field, invalidProps } from '../../components/field.tsx';
import { useStation } from '../../station-context.tsx';
import { fieldErrors, settingsErrorKey } from '../settings/field-errors.ts';
import { PrintersSection } from '../settings/printers-section.tsx';
import { ConnectionTestResult } from './connection-test-result.tsx';

/** The backend's documented production address: most sellers need only their user id and token. */
export const productionApiBaseUrl = 'http://apiv2.mitrabunso.com/public';

const sameServer = (a: ServerConnection, b: ServerConnection): boolean => a.apiBaseUrl === b.apiBaseUrl && a.userId === b.userId && a.token === b.token;

/**
 * From the demo to the real server in two steps: the server (tested with exactly what was typed,
 * before anything is stored; only a passed test offers to use it), then its printers. Cancel
 * before the server is used leaves the demo as it was.
 */
export function ServerSetupDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const api = useStation();
  const [apiBaseUrl, setApiBaseUrl] = useState(productionApiBaseUrl);
  const [userId, setUserId] = useState('');
  const [token, setToken] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [tested, setTested] = useState<{ server: ServerConnection; test: ConnectionTest } | null>(null);
  const [failure, setFailure] = useState<Error | undefined>(undefined);
  const [connected, setConnected] = useState(false);
  const first = useRef<HTMLInputElement>(null);
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    first.current?.focus();
    return () => opener?.focus();
  }, []);

  const server = (): ServerConnection => ({ apiBaseUrl: apiBaseUrl.trim(), userId: userId.trim(), token: token.trim() });
  const passed = tested?.test.ok === true && sameServer(tested.server, server());

  const run = (work: () => Promise<void>) => {
    setFailure(undefined);
    setBusy(true);
    work()
      .catch((error: unknown) => setFailure(error instanceof Error ? error : new Error(String(error))))
      .finally(() => setBusy(false));
  };
  const test = (event: FormEvent) => {
    event.preventDefault();
    const values = server();
    const checked = serverConnectionSchema.safeParse(values);
    if (!checked.success) {
      setErrors(fieldErrors(checked.error));
      return;
    }
    setErrors({});
    run(async () => setTested({ server: values, test: await api.testConnection(values) }));
  };
  const connect = () =>
    run(async () => {
      const values = server();
      const answer = await api.connectServer(values);
      setTested({ server: values, test: answer.test });
      setConnected(answer.test.ok);
    });

  const error = (field: string) => (errors[field] ? t(`settings.errors.${settingsErrorKey(field, { apiBaseUrl, userId, token })}`, { defaultValue: errors[field] }) : null);
  const invalid = (field: string) => invalidProps(`setup-${field}`, errors[field]);
  // Escape leaves; Tab goes round inside the dialog, never to the page behind it.
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && !busy) onClose();
    if (event.key !== 'Tab' || !box.current) return;
    const focusable = [...box.current.querySelectorAll<HTMLElement>('button:not(:disabled), input, select, summary')];
    const [head, tail] = [focusable[0], focusable.at(-1)];
    if (event.shiftKey && document.activeElement === head) {
      event.preventDefault();
      tail?.focus();
    } else if (!event.shiftKey && document.activeElement === tail) {
      event.preventDefault();
      head?.focus();
    }
  };

  return (
    <div className="dialog-backdrop" onKeyDown={onKeyDown}>
      <div className="dialog setup-dialog" ref={box} role="dialog" aria-modal="true" aria-label={t('setup.title')}>
        {connected ? (
          <>
            <h2>{t('setup.printersTitle')}</h2>
            <p className="ok-note">{t('setup.printersIntro')}</p>
            <PrintersSection onChanged={() => undefined} />
            <div className="dialog-actions">
              <button type="button" className="primary" onClick={onClose}>
                {t('setup.done')}
              </button>
            </div>
          </>
        ) : (
          <form className="setup-form" onSubmit={test} noValidate>
            <h2>{t('setup.title')}</h2>
            <p className="muted">{t('setup.intro')}</p>
            <Field id="setup-apiBaseUrl" label={t('settings.apiBaseUrl')} error={error('apiBaseUrl')}>
              <input id="setup-apiBaseUrl" ref={first} type="url" value={apiBaseUrl} onChange={(e) => setApiBaseUrl(e.target.value)} {...invalid('apiBaseUrl')} />
            </Field>
            <Field id="setup-userId" label={t('settings.userId')} error={error('userId')}>
              <input id="setup-userId" className="mono" value={userId} onChange={(e) => setUserId(e.target.value)} spellCheck={false} {...invalid('userId')} />
            </Field>
            <Field id="setup-token" label={t('settings.token')} error={error('token')}>
              <input id="setup-token" type="password" autoComplete="off" value={token} onChange={(e) => setToken(e.target.value)} placeholder={t('settings.tokenMissing')} {...invalid('token')} />
            </Field>
            {tested && (sameServer(tested.server, server()) ? <ConnectionTestResult test={tested.test} /> : <p className="field-note">{t('setup.retest')}</p>)}
            <ErrorNote error={failure} />
            <div className="dialog-actions">
              <button type="button" onClick={onClose} disabled={busy}>
                {t('common.cancel')}
              </button>
              <button type="submit" disabled={busy}>
                {busy ? t('setup.testing') : t('setup.test')}
              </button>
              <button type="button" className="primary" disabled={busy || !passed} onClick={connect}>
                {t('setup.connect')}
              </button>
            </div>
          </form>
        )}
      </div>
    </div>
  );
}

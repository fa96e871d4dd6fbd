import { useTranslation } from 'react-i18next';
import type { ConnectionTest } from '../../../../electron/shared/station-api.ts';

/** The test's answer: the server's counts when it worked, else why not in words, the technical part folded away. */
export function ConnectionTestResult({ test }: { test: ConnectionTest }) {
  const { t } = useTranslation();
  if (test.ok) {
    return (
      <p className="ok-note" role="status">
        {t('setup.passed', test.summary)}
      </p>
    );
  }
  const { code, params, detail } = test.problem;
  return (
    <div className="error-note" role="alert">
      <p>{t(`codes.${code}`, params)}</p>
      {detail && (
        <details>
          <summary>{t('setup.detail')}</summary>
          <code className="detail">{detail}</code>
        </details>
      )}
    </div>
  );
}

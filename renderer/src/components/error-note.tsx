import { useTranslation } from 'react-i18next';

/** An error as the operator needs it: what failed, and the core's own words about why. */
export function ErrorNote({ error, what }: { error: Error | undefined; what?: string }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <p className="error-note" role="alert">
      {what ? `${what}: ` : ''}
      {error.message || t('common.unknownError')}
    </p>
  );
}

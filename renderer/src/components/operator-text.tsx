import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isExplained, operatorMessage, type OperatorMessage } from '../../../electron/shared/operator-message.ts';
import { operatorHeadline } from '../../../electron/shared/i18n/operator-text.ts';

/** What an error means to the operator: the station's text when it sent one, else a generic one with the English behind Detail. */
export function textOfError(error: Error): OperatorMessage {
  return isExplained(error) ? error.text : operatorMessage('unexpected-error', {}, error.message || null);
}

/** A "Detail" toggle over technical words (status, path, the server's or a printer's own text). */
export function DetailToggle({ detail }: { detail: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const detailId = useId();
  return (
    <>
      <button type="button" className="link detail-toggle" aria-expanded={open} aria-controls={detailId} onClick={() => setOpen((o) => !o)}>
        {open ? t('messages.hideDetail') : t('messages.detail')}
      </button>
      {open && (
        <code id={detailId} className="operator-detail">
          {detail}
        </code>
      )}
    </>
  );
}

/** The core's message in the operator's language, one line; the technical detail only behind the toggle, never in the headline. */
export function OperatorText({ text, className }: { text: OperatorMessage; className?: string }) {
  const { i18n } = useTranslation();
  const headline = operatorHeadline(text, i18n.language);
  return (
    <span className={['operator-text', className].filter(Boolean).join(' ')} data-code={text.code}>
      {/* The title keeps a headline cut short on a narrow screen readable in full. */}
      <span className="operator-headline" title={headline}>
        {headline}
      </span>
      {text.detail && <DetailToggle detail={text.detail} />}
    </span>
  );
}

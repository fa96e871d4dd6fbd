import { useTranslation } from 'react-i18next';
import type { ScanResult } from '../../../../electron/shared/packing.ts';
import { formatInstant, formatProcessed } from '../../components/format.ts';

/** One scan's answer, large enough to read from the packing table: what to put in the box. */
export function ScanOutcomePanel({ result }: { result: ScanResult }) {
  const { t, i18n } = useTranslation();
  const { order, outcome } = result;
  const headline = {
    packed: t('scan.outcome.packed'),
    'already-packed': t('scan.alreadyPacked', { at: result.packedAt ? formatInstant(result.packedAt, i18n.language) : '?' }),
    'other-batch': t('scan.otherBatch', { processed: result.processed ? formatProcessed(result.processed, i18n.language) : '?' }),
    unknown: t('scan.unknown', { code: result.code }),
  }[outcome];
  return (
    <article className={`scan-outcome scan-${outcome}`} aria-live="assertive" aria-label={t('scan.result')}>
      <p className="scan-headline" role="status">
        {headline}
      </p>
      {order && (
        <>
          <ul className="scan-items" aria-label={t('scan.items')}>
            {order.items.map((item, i) => (
              <li key={`${item.productId ?? ''}-${i}`}>
                <strong>{item.qty}×</strong> {item.productName}
              </li>
            ))}
          </ul>
          <p className="scan-parcel">
            <span className="mono">{order.awb ?? t('order.noAwb')}</span> · {order.courierName} · {order.customer.name} · {order.invoice}
          </p>
        </>
      )}
      {result.progress && (
        <p className="scan-progress">{t('scan.progress', { packed: result.progress.packed, total: result.progress.total })}</p>
      )}
    </article>
  );
}

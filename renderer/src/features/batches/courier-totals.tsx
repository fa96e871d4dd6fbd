import { useTranslation } from 'react-i18next';
import type { CourierTotal } from '../../../../electron/shared/pick-list.ts';

/** `J&T 12 · SPX 8 · tanpa AWB 2`: how the parcels split into pickup piles. */
export function CourierTotals({ totals }: { totals: CourierTotal[] }) {
  const { t } = useTranslation();
  if (totals.length === 0) return null;
  return (
    <p className="courier-totals" aria-label={t('pickList.couriers')}>
      {totals.map((total, i) => (
        <span key={total.courier ?? ''} className={total.courier === null ? 'attention' : undefined}>
          {i > 0 && ' · '}
          {total.courier ?? t('pickList.withoutAwb')} <strong>{total.parcels}</strong>
        </span>
      ))}
    </p>
  );
}

import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Order } from '../../../electron/shared/domain.ts';

/** An AWB cell: a missing AWB stands out, as it prints a "NO AWB" label. */
export function AwbCell({ awb }: { awb: string | null }) {
  const { t } = useTranslation();
  return <td className="mono">{awb ?? <span className="badge warn">{t('order.noAwb')}</span>}</td>;
}

/** Where an order goes, as the order tables show it: AWB, courier, recipient, city. */
export function ShippingCells({ order }: { order: Order }) {
  return (
    <>
      <AwbCell awb={order.awb} />
      <td>{order.courierName}</td>
      <td>{order.customer.name}</td>
      <td>{order.customer.cityName}</td>
    </>
  );
}

/** The row's actions: Preview, after any the view adds (Print this label). */
export function PreviewCell({ onPreview, children }: { onPreview: () => void; children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <td className="order-actions">
      {children}
      <button type="button" className="link" onClick={onPreview}>
        {t('preview.open')}
      </button>
    </td>
  );
}

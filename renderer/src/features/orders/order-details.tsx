import { useTranslation } from 'react-i18next';
import { ErrorNote } from '../../components/error-note.tsx';
import { formatRupiah } from '../../components/format.ts';
import { TableHead } from '../../components/table-head.tsx';
import { useLoad, useStation } from '../../station-context.tsx';

/** The backend's `details` of one order. Every value is text: an order's HTML stays text. */
export function OrderDetailsPanel({ id, onClose }: { id: string; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const api = useStation();
  const details = useLoad(() => api.getOrderDetails({ id }), id);
  const d = details.data;
  return (
    <aside className="details" aria-label={t('orders.details')}>
      <div className="toolbar">
        <h2>{d ? d.invoice : t('orders.details')}</h2>
        <button type="button" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
      <ErrorNote error={details.error} />
      {d && (
        <>
          <dl className="facts">
            <dt>{t('order.status')}</dt>
            <dd>{d.status ? t(`status.${d.status}`) : '—'}</dd>
            <dt>{t('order.awb')}</dt>
            <dd className="mono">{d.awb ?? <span className="badge warn">{t('order.noAwb')}</span>}</dd>
            <dt>{t('order.courier')}</dt>
            <dd>{d.courierName}</dd>
            <dt>{t('order.shop')}</dt>
            <dd>{d.shopName}</dd>
            <dt>{t('order.recipient')}</dt>
            <dd>{d.customerName}</dd>
            <dt>{t('order.address')}</dt>
            <dd className="pre">{d.customerAddress}</dd>
            <dt>{t('order.sender')}</dt>
            <dd>{d.senderName}</dd>
            <dt>{t('order.shipping')}</dt>
            <dd>{formatRupiah(d.shippingCost, i18n.language)}</dd>
            <dt>{t('order.note')}</dt>
            <dd className="pre">{[d.customerNote, d.adminNote].filter(Boolean).join('\n')}</dd>
            <dt>{t('order.printed')}</dt>
            <dd>{t('batches.printedTimes', { count: d.printStatus })}</dd>
          </dl>
          <table className="table">
            <TableHead columns={[t('order.product'), { label: t('order.qty'), num: true }, { label: t('order.price'), num: true }]} />
            <tbody>
              {d.products.map((p, i) => (
                <tr key={`${p.productId ?? ''}-${i}`}>
                  <td>{p.productName}</td>
                  <td className="num">{p.qty}</td>
                  <td className="num">{formatRupiah(p.productPrice, i18n.language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </aside>
  );
}

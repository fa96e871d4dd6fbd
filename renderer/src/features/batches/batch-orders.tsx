import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Order } from '../../../../electron/shared/domain.ts';
import { courierTotals } from '../../../../electron/shared/pick-list.ts';
import { ErrorNote } from '../../components/error-note.tsx';
import { TableHead } from '../../components/table-head.tsx';
import { PrintOrderButton } from '../../components/print-order-button.tsx';
import { PreviewCell, ShippingCells } from '../../components/order-cells.tsx';
import { useLoad, useStation } from '../../station-context.tsx';
import { CourierTotals } from './courier-totals.tsx';
import { PickListPanel } from './pick-list-panel.tsx';

interface BatchOrdersProps {
  processed: string;
  onPreview: (order: Order) => void;
  /** Where "Print this label" sends it; absent, the default printer. */
  printerId?: string | undefined;
}

/** The orders of one batch; a missing AWB is flagged because that label prints without a courier barcode. */
export function BatchOrders({ processed, onPreview, printerId }: BatchOrdersProps) {
  const { t } = useTranslation();
  const api = useStation();
  const orders = useLoad(() => api.getBatchOrders({ processed }), processed);
  const [picking, setPicking] = useState(false);
  if (orders.loading && !orders.data) return <p className="muted">{t('common.loading')}</p>;
  if (orders.error) return <ErrorNote error={orders.error} what={t('batches.ordersFailed')} />;
  const list = orders.data ?? [];
  return (
    <>
      <div className="toolbar">
        <CourierTotals totals={courierTotals(list)} />
        <button type="button" aria-expanded={picking} onClick={() => setPicking(!picking)}>
          {t('pickList.show')}
        </button>
      </div>
      {picking && <PickListPanel processed={processed} />}
      <table className="table orders-of-batch" aria-label={t('batches.ordersOf', { processed })}>
        <TableHead
          columns={[
            '#',
            t('order.invoice'),
            t('order.awb'),
            t('order.courier'),
            t('order.recipient'),
            t('order.city'),
            t('order.note'),
            { label: t('common.actions'), hidden: true },
          ]}
        />
        <tbody>
          {list.map((order, i) => (
            <tr key={`${order.orderId ?? order.invoice}-${i}`}>
              <td className="num">{i + 1}</td>
              <td className="mono">
                {order.invoice}
                {order.labelImage?.trim() ? <span className="badge">{t('batches.supplied')}</span> : null}
              </td>
              <ShippingCells order={order} />
              <td className="note">{[order.customerNote, order.adminNote].filter(Boolean).join(' · ')}</td>
              <PreviewCell onPreview={() => onPreview(order)}>
                <PrintOrderButton order={order} processed={processed} printerId={printerId} />
              </PreviewCell>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

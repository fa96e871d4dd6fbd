import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { orderStatusSchema, type Order, type OrderStatus } from '../../../../electron/shared/domain.ts';
import { ErrorNote } from '../../components/error-note.tsx';
import { TableHead } from '../../components/table-head.tsx';
import { InlineField } from '../../components/field.tsx';
import { PrintOrderButton } from '../../components/print-order-button.tsx';
import { PreviewCell, ShippingCells } from '../../components/order-cells.tsx';
import { useLoad, useStation } from '../../station-context.tsx';
import { OrderDetailsPanel } from './order-details.tsx';

const pageSize = 50;

interface OrderRowProps {
  order: Order;
  selected: boolean;
  onSelect: (orderId: string) => void;
  onPreview: (order: Order) => void;
}

/**
 * One order of the page. Memoised: a keystroke in the search box or a click on another row
 * re-renders the view, and 50 rows of buttons each time made typing lag.
 */
const OrderRow = memo(function OrderRow({ order, selected, onSelect, onPreview }: OrderRowProps) {
  const { t } = useTranslation();
  const orderId = order.orderId;
  return (
    <tr className={selected ? 'selected' : undefined}>
      <td className="mono">
        {orderId ? (
          <button type="button" className="link" onClick={() => onSelect(orderId)}>
            {order.invoice}
          </button>
        ) : (
          order.invoice
        )}
      </td>
      <td>{order.status ? t(`status.${order.status}`) : '—'}</td>
      <ShippingCells order={order} />
      <PreviewCell onPreview={() => onPreview(order)}>
        <PrintOrderButton order={order} />
      </PreviewCell>
    </tr>
  );
});

export function OrdersView({ onPreview }: { onPreview: (order: Order) => void }) {
  const { t } = useTranslation();
  const api = useStation();
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<OrderStatus | ''>('');
  const [offset, setOffset] = useState(0);
  const [selected, setSelected] = useState<string | null>(null);
  const page = useLoad(
    () => api.listOrders({ offset, limit: pageSize, ...(q ? { q } : {}), ...(status ? { status } : {}) }),
    `${offset}|${q}|${status}`,
  );
  const total = page.data?.total ?? 0;
  const orders = page.data?.orders ?? [];
  return (
    <section className="view" aria-labelledby="orders-title">
      <div className="toolbar">
        <h1 id="orders-title">{t('orders.title')}</h1>
        <InlineField label={t('common.search')}>
          <input
            type="search"
            value={q}
            onChange={(e) => {
              setQ(e.target.value);
              setOffset(0);
            }}
          />
        </InlineField>
        <InlineField label={t('order.status')}>
          <select
            value={status}
            onChange={(e) => {
              setStatus(e.target.value as OrderStatus | '');
              setOffset(0);
            }}
          >
            <option value="">{t('common.all')}</option>
            {orderStatusSchema.options.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
        </InlineField>
        <nav className="pager" aria-label={t('orders.pages')}>
          <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - pageSize))}>
            {t('orders.previous')}
          </button>
          <span>{t('orders.range', { from: total === 0 ? 0 : offset + 1, to: offset + orders.length, total })}</span>
          <button type="button" disabled={offset + pageSize >= total} onClick={() => setOffset(offset + pageSize)}>
            {t('orders.next')}
          </button>
        </nav>
      </div>
      <ErrorNote error={page.error} what={t('orders.loadFailed')} />
      <div className="split">
        <div className="pane">
          {page.data && orders.length === 0 && <p className="empty">{t('orders.empty')}</p>}
          <table className="table">
            <TableHead
              columns={[
                t('order.invoice'),
                t('order.status'),
                t('order.awb'),
                t('order.courier'),
                t('order.recipient'),
                t('order.city'),
                { label: t('common.actions'), hidden: true },
              ]}
            />
            <tbody>
              {orders.map((order, i) => (
                <OrderRow key={`${order.orderId ?? order.invoice}-${i}`} order={order} selected={selected === order.orderId} onSelect={setSelected} onPreview={onPreview} />
              ))}
            </tbody>
          </table>
        </div>
        {selected && <OrderDetailsPanel id={selected} onClose={() => setSelected(null)} />}
      </div>
    </section>
  );
}

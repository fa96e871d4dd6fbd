import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Order } from '../../../electron/shared/domain.ts';
import type { JobView } from '../../../electron/shared/station-api.ts';
import { useStation } from '../station-context.tsx';
import { ErrorNote } from './error-note.tsx';

interface PrintOrderButtonProps {
  order: Order;
  /** The batch it belongs to; else the order's own processed time. */
  processed?: string | null | undefined;
  /** Absent: the default printer. */
  printerId?: string | undefined;
}

/**
 * Prints this one order's label (an `orders` job: no print_order call, the batch's print count
 * stays). An order not yet processed into a batch has no label to print.
 */
export function PrintOrderButton({ order, processed, printerId }: PrintOrderButtonProps) {
  const { t } = useTranslation();
  const api = useStation();
  const [sent, setSent] = useState<JobView | null>(null);
  const [error, setError] = useState<Error | undefined>(undefined);
  const batch = processed ?? order.processedAt;
  if (!order.orderId || !batch) return null;
  const orderId = order.orderId;
  const print = () => {
    setError(undefined);
    setSent(null);
    api.printOrders({ processed: batch, orderIds: [orderId], ...(printerId ? { printerId } : {}) }).then(setSent, (reason: unknown) =>
      setError(reason instanceof Error ? reason : new Error(String(reason))),
    );
  };
  return (
    <span className="print-order">
      <button type="button" onClick={print} aria-label={t('desk.printOrder.label', { invoice: order.invoice })}>
        {t('desk.printOrder.button')}
      </button>
      {sent && (
        <span className="ok-note" role="status">
          {t('desk.printOrder.sent', { printer: sent.printerName })}
        </span>
      )}
      <ErrorNote error={error} what={t('batches.printFailed')} />
    </span>
  );
}

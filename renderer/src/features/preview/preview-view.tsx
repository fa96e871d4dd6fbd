import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Order } from '../../../../electron/shared/domain.ts';
import { labelTemplateIds, supportedDpis, type LabelTemplateId } from '../../../../electron/shared/printer-profile.ts';
import { ErrorNote } from '../../components/error-note.tsx';
import { InlineField } from '../../components/field.tsx';
import { PrintOrderButton } from '../../components/print-order-button.tsx';
import { PrinterSelect } from '../../components/printer-select.tsx';
import { useLoad, useStation } from '../../station-context.tsx';

/** One order drawn in any template and dpi, as the printer will get it. */
export function PreviewView({ order }: { order: Order | null }) {
  const { t } = useTranslation();
  const api = useStation();
  const [template, setTemplate] = useState<LabelTemplateId>('100x150');
  const [dpi, setDpi] = useState<number>(203);
  const key = order ? `${order.orderId ?? order.invoice}|${template}|${dpi}` : 'none';
  const printers = useLoad(() => api.listPrinters({}), 'printers');
  const [printerId, setPrinterId] = useState('');
  const preview = useLoad(async () => (order ? api.previewLabel({ order, template, dpi }) : null), key);
  return (
    <section className="view" aria-labelledby="preview-title">
      <div className="toolbar">
        <h1 id="preview-title">{t('preview.title')}</h1>
        <InlineField label={t('printers.template')}>
          <select value={template} onChange={(e) => setTemplate(e.target.value as LabelTemplateId)}>
            {labelTemplateIds.map((id) => (
              <option key={id} value={id}>
                {t(`templates.${id}`)}
              </option>
            ))}
          </select>
        </InlineField>
        <InlineField label={t('printers.dpi')}>
          <select value={dpi} onChange={(e) => setDpi(Number(e.target.value))}>
            {supportedDpis.map((d) => (
              <option key={d} value={d}>
                {d}
              </option>
            ))}
          </select>
        </InlineField>
      </div>
      {!order && <p className="empty">{t('preview.pickOrder')}</p>}
      {order && (
        <div className="toolbar">
          <p className="muted">
            {order.invoice} · {order.customer.name}
          </p>
          <InlineField label={t('batches.printTo')}>
            <PrinterSelect printers={printers.data ?? []} value={printerId} onChange={setPrinterId} defaultLabel={t('batches.defaultPrinter')} />
          </InlineField>
          <PrintOrderButton order={order} printerId={printerId || undefined} />
        </div>
      )}
      <ErrorNote error={preview.error} what={t('preview.failed')} />
      {preview.data && (
        <div className="preview-frame">
          <img
            src={`data:image/png;base64,${preview.data.pngBase64}`}
            width={preview.data.widthPx}
            height={preview.data.heightPx}
            alt={t('preview.alt', { invoice: order?.invoice ?? '' })}
          />
        </div>
      )}
    </section>
  );
}

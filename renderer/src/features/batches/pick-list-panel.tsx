import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PickListTemplate } from '../../../../electron/shared/pick-list.ts';
import { pickListTemplateSchema } from '../../../../electron/shared/pick-list.ts';
import { downloadBlob } from '../../components/download.ts';
import { ErrorNote } from '../../components/error-note.tsx';
import { TableHead } from '../../components/table-head.tsx';
import { useLoad, useStation } from '../../station-context.tsx';

const fileStamp = (processed: string): string => processed.replace(/[^0-9]/g, '');

/** The products to pick for one batch, summed, previewed here and saved as a PDF for any medium. */
export function PickListPanel({ processed }: { processed: string }) {
  const { t, i18n } = useTranslation();
  const api = useStation();
  const list = useLoad(() => api.getPickList({ processed: [processed] }), processed);
  const [saving, setSaving] = useState<PickListTemplate | null>(null);
  const [error, setError] = useState<Error | undefined>(undefined);
  const save = (template: PickListTemplate) => {
    setSaving(template);
    setError(undefined);
    api
      .renderPickList({ processed: [processed], template, language: i18n.language === 'en' ? 'en' : 'id' })
      .then(
        ({ pdfBase64 }) => downloadBlob(new Blob([Uint8Array.from(atob(pdfBase64), (c) => c.charCodeAt(0))], { type: 'application/pdf' }), `daftar-ambil-${fileStamp(processed)}-${template}.pdf`),
        (failure: unknown) => setError(failure instanceof Error ? failure : new Error(String(failure))),
      )
      .finally(() => setSaving(null));
  };
  if (list.loading && !list.data) return <p className="muted">{t('common.loading')}</p>;
  if (list.error) return <ErrorNote error={list.error} what={t('pickList.failed')} />;
  const data = list.data;
  if (!data) return null;
  return (
    <section className="pick-list" aria-label={t('pickList.title')}>
      <div className="toolbar">
        <h2>{t('pickList.title')}</h2>
        <span className="muted">{t('pickList.summary', { products: t('pickList.productCount', { count: data.lines.length }), orders: t('batches.orderCount', { count: data.orders }) })}</span>
        {pickListTemplateSchema.options.map((template) => (
          <button key={template} type="button" disabled={saving !== null} onClick={() => save(template)}>
            {t('pickList.savePdf', { medium: t(`pickList.medium.${template}`) })}
          </button>
        ))}
      </div>
      <ErrorNote error={error} what={t('pickList.saveFailed')} />
      <table className="table">
        <TableHead columns={[t('pickList.product'), { label: t('pickList.qty'), num: true }, { label: t('pickList.inOrders'), num: true }]} />
        <tbody>
          {data.lines.map((line) => (
            <tr key={`${line.productId ?? ''}-${line.productName}`}>
              <td>{line.productName}</td>
              <td className="num">
                <strong>{line.qty}</strong>
              </td>
              <td className="num">{line.orders}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

import { useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { JobView, StationMethodOutput } from '../../../../electron/shared/station-api.ts';
import { ErrorNote } from '../../components/error-note.tsx';
import { InlineField } from '../../components/field.tsx';
import { useStation } from '../../station-context.tsx';

type Layout = 'auto' | 'single' | 'a4-2up' | 'a4-4up';
const layouts: readonly Layout[] = ['auto', 'single', 'a4-2up', 'a4-4up'];

interface Picked {
  fileName: string;
  dataBase64: string;
}

/** The file as base64, through FileReader (every browser and Electron's window have it). */
function readPicked(file: File): Promise<Picked> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onerror = () => reject(reader.error ?? new Error(`cannot read ${file.name}`));
    reader.onload = () => resolve({ fileName: file.name, dataBase64: String(reader.result).replace(/^data:[^,]*,/, '') });
    reader.readAsDataURL(file);
  });
}

/**
 * "Cetak file label": a seller's label file (a marketplace PDF, PNG or JPEG), picked or dropped,
 * cut into labels by the station, every label previewed, then printed as one journalled job.
 */
export function LabelFilePrint({ printerId, onJob }: { printerId: string; onJob: (job: JobView) => void }) {
  const { t } = useTranslation();
  const api = useStation();
  const [picked, setPicked] = useState<Picked | null>(null);
  const [layout, setLayout] = useState<Layout>('auto');
  const [previews, setPreviews] = useState<StationMethodOutput<'previewLabelFile'> | null>(null);
  const [error, setError] = useState<Error | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const fail = (e: unknown) => setError(e instanceof Error ? e : new Error(String(e)));

  const preview = (file: Picked, chosen: Layout) => {
    setBusy(true);
    setError(undefined);
    setPreviews(null);
    api.previewLabelFile({ ...file, layout: chosen, template: '100x150' }).then(setPreviews, fail).finally(() => setBusy(false));
  };
  const take = (file: File | undefined) => {
    if (!file) return;
    void readPicked(file).then((read) => {
      setPicked(read);
      preview(read, layout);
    }, fail);
  };
  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    take(event.dataTransfer.files[0]);
  };
  const print = () => {
    if (!picked) return;
    setError(undefined);
    api.printLabelFile({ ...picked, layout, ...(printerId ? { printerId } : {}) }).then((job) => {
      onJob(job);
      setPicked(null);
      setPreviews(null);
    }, fail);
  };
  return (
    <section className="label-file" aria-labelledby="label-file-title">
      <h2 id="label-file-title">{t('labelFile.title')}</h2>
      <div className="drop-zone" onDragOver={(e) => e.preventDefault()} onDrop={onDrop} aria-label={t('labelFile.drop')}>
        <p>{t('labelFile.drop')}</p>
        <InlineField label={t('labelFile.pick')}>
          <input type="file" accept="application/pdf,image/png,image/jpeg" onChange={(e) => take(e.target.files?.[0])} />
        </InlineField>
        <InlineField label={t('labelFile.layout')}>
          <select
            value={layout}
            onChange={(e) => {
              const next = e.target.value as Layout;
              setLayout(next);
              if (picked) preview(picked, next);
            }}
          >
            {layouts.map((l) => (
              <option key={l} value={l}>
                {t(`labelFile.layouts.${l}`)}
              </option>
            ))}
          </select>
        </InlineField>
      </div>
      <ErrorNote error={error} what={t('labelFile.failed')} />
      {busy && <p className="muted">{t('common.loading')}</p>}
      {previews && picked && (
        <>
          <p>{t('labelFile.count', { count: previews.length, file: picked.fileName })}</p>
          <ul className="label-file-previews">
            {previews.map((p) => (
              <li key={p.name}>
                <img src={`data:image/png;base64,${p.pngBase64}`} alt={p.name} width={p.widthPx / 6} height={p.heightPx / 6} />
                <span>{p.name}</span>
              </li>
            ))}
          </ul>
          <button type="button" onClick={print} disabled={previews.length === 0}>
            {t('labelFile.print', { count: previews.length })}
          </button>
        </>
      )}
    </section>
  );
}

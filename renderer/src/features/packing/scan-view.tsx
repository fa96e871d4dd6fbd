import { useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { packingCsv, type ScanResult } from '../../../../electron/shared/packing.ts';
import { downloadBlob } from '../../components/download.ts';
import { ErrorNote } from '../../components/error-note.tsx';
import { InlineField } from '../../components/field.tsx';
import { formatInstant, formatProcessed } from '../../components/format.ts';
import { useLoad, useStation, useStationEvent } from '../../station-context.tsx';
import { createScanSounds } from './scan-sounds.ts';
import { ScanOutcomePanel } from './scan-outcome.tsx';

/** Today, midnight to midnight in the station's own zone, as ISO instants. */
function today(now = new Date()): { from: string; to: string; day: string } {
  const start = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  const end = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1);
  const day = `${start.getFullYear()}-${String(start.getMonth() + 1).padStart(2, '0')}-${String(start.getDate()).padStart(2, '0')}`;
  return { from: start.toISOString(), to: end.toISOString(), day };
}

/**
 * The packing bench: a USB scanner types the label's code and Enter into the one field, which
 * keeps the focus; each parcel is shown large and marked packed once.
 */
export function ScanView({ audio }: { audio?: new () => AudioContext }) {
  const { t, i18n } = useTranslation();
  const api = useStation();
  const [code, setCode] = useState('');
  const [processed, setProcessed] = useState('');
  const [last, setLast] = useState<ScanResult | null>(null);
  const [recent, setRecent] = useState<ScanResult[]>([]);
  const [error, setError] = useState<Error | undefined>(undefined);
  const input = useRef<HTMLInputElement>(null);
  const sound = useMemo(() => createScanSounds(audio), [audio]);
  const batches = useLoad(() => api.listBatches({}), 'scan-batches');
  useStationEvent('batches', (list) => batches.setData(() => list));
  const printed = (batches.data ?? []).filter((b) => b.job?.state === 'done' || b.packed > 0);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const scanned = code.trim();
    setCode('');
    input.current?.focus();
    if (!scanned) return;
    setError(undefined);
    api.scanToPack({ code: scanned, ...(processed ? { processed } : {}) }).then(
      (result) => {
        sound(result.outcome);
        setLast(result);
        setRecent((list) => [result, ...list].slice(0, 8));
      },
      (failure: unknown) => {
        sound('unknown');
        setError(failure instanceof Error ? failure : new Error(String(failure)));
      },
    );
  };

  const exportCsv = () => {
    const { from, to, day } = today();
    api.packingReport({ from, to }).then(
      (rows) => {
        const headings = [t('scan.csv.batch'), t('scan.csv.invoice'), t('scan.csv.awb'), t('scan.csv.courier'), t('scan.csv.recipient'), t('scan.csv.packedAt')] as const;
        downloadBlob(new Blob([packingCsv(rows, headings)], { type: 'text/csv;charset=utf-8' }), `kemas-${day}.csv`);
      },
      (failure: unknown) => setError(failure instanceof Error ? failure : new Error(String(failure))),
    );
  };

  return (
    <section className="view scan" aria-labelledby="scan-title">
      <div className="toolbar">
        <h1 id="scan-title">{t('scan.title')}</h1>
        <InlineField label={t('scan.batch')}>
          <select value={processed} onChange={(e) => setProcessed(e.target.value)}>
            <option value="">{t('scan.anyBatch')}</option>
            {printed.map((b) => (
              <option key={b.processed} value={b.processed}>
                {formatProcessed(b.processed, i18n.language)} · {t('scan.progress', { packed: b.packed, total: b.totalLabels })}
              </option>
            ))}
          </select>
        </InlineField>
        <button type="button" onClick={exportCsv}>
          {t('scan.export')}
        </button>
      </div>
      <form className="scan-form" onSubmit={submit}>
        <label htmlFor="scan-code">{t('scan.code')}</label>
        {/* The scanner types into this field: it keeps the focus after every scan. */}
        <input id="scan-code" ref={input} autoFocus autoComplete="off" spellCheck={false} value={code} onChange={(e) => setCode(e.target.value)} />
        <button type="submit" className="primary">
          {t('scan.submit')}
        </button>
      </form>
      <ErrorNote error={error} what={t('scan.failed')} />
      {last ? <ScanOutcomePanel result={last} /> : <p className="muted">{t('scan.hint')}</p>}
      {recent.length > 1 && (
        <ol className="scan-recent" aria-label={t('scan.recent')}>
          {recent.slice(1).map((r, i) => (
            <li key={`${r.code}-${i}`} className={`scan-${r.outcome}`}>
              {t(`scan.outcome.${r.outcome}`)} · {r.order?.invoice ?? r.code}
              {r.packedAt && ` · ${formatInstant(r.packedAt, i18n.language)}`}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

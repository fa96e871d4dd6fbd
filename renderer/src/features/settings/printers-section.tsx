import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DiscoveredPrinter, PrinterProfileInput } from '../../../../electron/shared/printer-profile.ts';
import type { PrinterView } from '../../../../electron/shared/station-api.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { captureFocus } from '../../components/focus-return.ts';
import { ErrorNote } from '../../components/error-note.tsx';
import { useLoad, useStation } from '../../station-context.tsx';
import { usePrinterProblemRefresh } from '../dashboard/printer-problem-refresh.ts';
import { DiscoveredPrinters, queueNameFor } from './discovered-printers.tsx';
import { PrinterForm } from './printer-form.tsx';
import { describePrinter } from './printer-description.ts';
import { DetailToggle } from '../../components/operator-text.tsx';
import { operatorMessage } from '../../../../electron/shared/operator-message.ts';
import { operatorHeadline } from '../../../../electron/shared/i18n/operator-text.ts';
import { canCalibrate, kindOf } from './printer-kinds.ts';

const blank: PrinterProfileInput = { name: '', uri: '' };

/** The printers this station knows, their state, and the ways to add one. */
export function PrintersSection({ onChanged }: { onChanged: () => void }) {
  const { t, i18n } = useTranslation();
  const api = useStation();
  const printers = useLoad(() => api.listPrinters({}), 'printers');
  const [editing, setEditingState] = useState<PrinterProfileInput | null>(null);
  const opener = useRef<ReturnType<typeof captureFocus> | null>(null);
  // The form opens in place of nothing the operator pressed: when it closes, focus goes back to what opened it.
  const setEditing = (printer: PrinterProfileInput | null) => {
    if (printer && !editing) opener.current = captureFocus();
    if (!printer && editing) setTimeout(() => opener.current?.restore(true), 0);
    setEditingState(printer);
  };
  const [found, setFound] = useState<DiscoveredPrinter[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<Error | undefined>(undefined);
  const [note, setNote] = useState<string | null>(null);
  const [removing, setRemoving] = useState<PrinterView | null>(null);
  usePrinterProblemRefresh(printers.reload);

  /** Runs an action; its note is `done`, or what the action itself answered in words. */
  const act = (work: () => Promise<unknown>, done?: string) => {
    setActionError(undefined);
    setNote(null);
    setBusy(true);
    work()
      .then(
        (said) => setNote(done ?? (typeof said === 'string' ? said : null)),
        (error: unknown) => setActionError(error instanceof Error ? error : new Error(String(error))),
      )
      .finally(() => setBusy(false));
  };
  const addUsb = (device: DiscoveredPrinter) =>
    act(async () => {
      const created = await api.createRawQueue({ deviceUri: device.uri, name: queueNameFor(device), language: device.guessedLanguage ?? 'tspl' });
      setEditing({ name: device.name.slice(0, 80), uri: created.uri });
      return operatorHeadline(operatorMessage('ev-raw-queue-created', { queue: created.queue }), i18n.language);
    });
  const changed = () => {
    setEditing(null);
    printers.reload();
    onChanged();
  };

  return (
    <section className="form-section" aria-labelledby="printers-title">
      <div className="toolbar">
        <h2 id="printers-title">{t('printers.title')}</h2>
        <button type="button" disabled={busy} onClick={() => act(async () => setFound(await api.discoverPrinters({})))}>
          {t('printers.discover')}
        </button>
        <button type="button" onClick={() => setEditing(blank)}>
          {t('printers.addNetwork')}
        </button>
      </div>
      <ErrorNote error={printers.error ?? actionError} />
      {note && (
        <p className="ok-note" role="status">
          {note}
        </p>
      )}
      {editing && <PrinterForm key={editing.id ?? 'new'} initial={editing} onSaved={changed} onCancel={() => setEditing(null)} />}
      {printers.data?.length === 0 && <p className="empty">{t('printers.none')}</p>}
      <ul className="printer-list">
        {(printers.data ?? []).map((p) => (
          <li key={p.id}>
            <strong>{p.name}</strong>
            <span className="muted" title={p.uri}>
              {describePrinter(p.uri, t)}
            </span>
            <span>
              {t(`templates.${p.template}`)} · {p.dpi} dpi · {p.offsetXmm}/{p.offsetYmm} mm
            </span>
            <span className={`badge printer-${p.status.state}`}>{t(`printers.state.${p.status.state}`)}</span>
            {p.status.state !== 'ready' && p.status.message && (
              <span className="operator-text">
                <DetailToggle detail={p.status.message} />
              </span>
            )}
            <span className="actions">
              <button type="button" onClick={() => setEditing(p)}>
                {t('common.edit')}
              </button>
              <button type="button" disabled={busy} onClick={() => act(() => api.printTestPage({ id: p.id }), t('printers.testSent'))}>
                {t('printers.testPage')}
              </button>
              {canCalibrate(kindOf(p.uri)) && (
                <button type="button" disabled={busy} onClick={() => act(() => api.calibratePrinter({ id: p.id }), t('printers.calibrated'))}>
                  {t('printers.calibrate')}
                </button>
              )}
              <button type="button" className="danger" disabled={busy} onClick={() => setRemoving(p)}>
                {t('common.remove')}
              </button>
            </span>
          </li>
        ))}
      </ul>
      {removing && (
        <ConfirmDialog
          title={t('desk.printers.removeTitle', { name: removing.name })}
          confirmLabel={t('desk.printers.removeConfirm')}
          onCancel={() => setRemoving(null)}
          onConfirm={() => {
            const { id } = removing;
            setRemoving(null);
            act(async () => (await api.removePrinter({ id }), changed()));
          }}
        >
          <p>{t('desk.printers.removeBody', { name: removing.name })}</p>
        </ConfirmDialog>
      )}
      {found && <DiscoveredPrinters found={found} busy={busy} onUse={setEditing} onAddUsb={addUsb} />}
    </section>
  );
}

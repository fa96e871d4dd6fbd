import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { JobView, PrinterView } from '../../../electron/shared/station-api.ts';
import { useStation } from '../station-context.tsx';
import { ConfirmDialog } from './confirm-dialog.tsx';
import { formatProcessed } from './format.ts';

interface MoveJobProps {
  job: JobView;
  /** Runs the move; the caller shows the answer or the refusal. */
  onMove: (printerId: string) => void;
  onError: (error: Error) => void;
}

/**
 * "Move to another printer" for a waiting or failed job: only printers of the same label size
 * are offered (the core refuses others: the labels are laid out for it).
 */
export function MoveJob({ job, onMove, onError }: MoveJobProps) {
  const { t, i18n } = useTranslation();
  const api = useStation();
  const [choices, setChoices] = useState<PrinterView[] | null>(null);
  const [target, setTarget] = useState('');
  const open = () =>
    api.listPrinters({}).then((printers) => {
      const template = printers.find((p) => p.id === job.printerId)?.template;
      const others = printers.filter((p) => p.id !== job.printerId && (template === undefined || p.template === template));
      setChoices(others);
      setTarget(others.find((p) => p.status.state === 'ready')?.id ?? others[0]?.id ?? '');
    }, (error: unknown) => onError(error instanceof Error ? error : new Error(String(error))));
  return (
    <>
      <button type="button" onClick={open}>
        {t('desk.move.button')}
      </button>
      {choices && (
        <ConfirmDialog
          title={t('desk.move.title')}
          confirmLabel={t('desk.move.confirm')}
          confirmDisabled={target === ''}
          onCancel={() => setChoices(null)}
          onConfirm={() => {
            setChoices(null);
            onMove(target);
          }}
        >
          <p>{t('desk.move.body', { processed: formatProcessed(job.processed, i18n.language), printer: job.printerName, count: job.totalLabels - job.confirmedLabels })}</p>
          {choices.length === 0 ? (
            <p className="field-note">{t('desk.move.none')}</p>
          ) : (
            <label className="field">
              <span>{t('desk.move.to')}</span>
              <select value={target} onChange={(e) => setTarget(e.target.value)}>
                {choices.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name} ({t(`printers.state.${p.status.state}`)})
                  </option>
                ))}
              </select>
            </label>
          )}
        </ConfirmDialog>
      )}
    </>
  );
}

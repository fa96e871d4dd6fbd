import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BatchView, StationState } from '../../../../electron/shared/station-api.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { ErrorNote } from '../../components/error-note.tsx';
import { useStation } from '../../station-context.tsx';
import { batchesAtSwitchOn } from '../../../../electron/shared/batch-print-state.ts';

interface Question {
  printer: string | null;
  missed: BatchView[];
  earlier: BatchView[];
}

/**
 * The auto-print switch. Switching on asks first, saying what it will print (batches processed
 * after now, to the default printer) and what not (earlier batches, reprints); switched on again
 * after a pause, it asks whether the batches that came in meanwhile are printed too.
 */
export function AutoPrintSwitch({ state, onState }: { state: StationState; onState: (state: StationState) => void }) {
  const { t } = useTranslation();
  const api = useStation();
  const [question, setQuestion] = useState<Question | null>(null);
  const [error, setError] = useState<Error | undefined>(undefined);
  const fail = (reason: unknown) => setError(reason instanceof Error ? reason : new Error(String(reason)));
  const set = (input: { enabled: boolean; cutoff?: string }) => {
    setError(undefined);
    setQuestion(null);
    api.setAutoPrint(input).then(onState, fail);
  };
  const [asking, setAsking] = useState(false);
  const ask = () => {
    if (asking) return;
    setError(undefined);
    setAsking(true);
    Promise.all([api.listBatches({}), api.getSettings({})])
      .then(([batches, settings]) => {
        const printer = settings.printers.find((p) => p.id === settings.defaultPrinterId)?.name ?? null;
        setQuestion({ printer, ...batchesAtSwitchOn(batches, state.autoPrint) });
      }, fail)
      .finally(() => setAsking(false));
  };
  const missedLabels = question?.missed.reduce((n, b) => n + b.totalLabels, 0) ?? 0;
  return (
    <>
      <label className="check">
        <input type="checkbox" role="switch" checked={state.autoPrint.enabled} onChange={() => (state.autoPrint.enabled ? set({ enabled: false }) : ask())} />
        <span>{t('status.autoPrint')}</span>
      </label>
      <ErrorNote error={error} />
      {question && (
        <ConfirmDialog
          title={t('desk.autoPrint.confirmTitle')}
          confirmLabel={question.missed.length > 0 ? t('desk.autoPrint.includeMissed') : t('desk.autoPrint.confirm')}
          onCancel={() => setQuestion(null)}
          onConfirm={() => set(question.missed.length > 0 && state.autoPrint.cutoff ? { enabled: true, cutoff: state.autoPrint.cutoff } : { enabled: true })}
          secondary={question.missed.length > 0 ? { label: t('desk.autoPrint.skipMissed'), onClick: () => set({ enabled: true }) } : undefined}
        >
          <p>{question.printer ? t('desk.autoPrint.willPrint', { printer: question.printer }) : t('desk.autoPrint.noPrinter')}</p>
          <p>{t('desk.autoPrint.willNotPrint', { count: question.earlier.length })}</p>
          {question.missed.length > 0 && (
            <p className="field-note" role="note">
              {t('desk.autoPrint.missed', { count: question.missed.length, labels: t('batches.labelCount', { count: missedLabels }) })}
            </p>
          )}
        </ConfirmDialog>
      )}
    </>
  );
}

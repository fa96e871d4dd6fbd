import type { TFunction } from 'i18next';
import { batchesAtSwitchOn } from '../shared/batch-print-state.ts';
import type { BatchView, SettingsView, StationApi, StationState } from '../shared/station-api.ts';

type AutoPrintInput = Parameters<StationApi['setAutoPrint']>[0];

/** A question for a native message box: its buttons in order, and what each one switches. */
export interface TrayQuestion {
  title: string;
  message: string;
  detail: string;
  buttons: string[];
  cancelId: number;
  /** Per button: the switch it makes, or null for leaving auto-print off. */
  answers: (AutoPrintInput | null)[];
}

/**
 * The window's switch-on question, for the tray: what auto-print will print and to which
 * printer, what it leaves alone, and, after a pause, whether the batches that came in meanwhile
 * print too. Cancel is the default answer: nothing switches on by a stray Enter.
 */
export function autoPrintQuestion(t: TFunction, autoPrint: StationState['autoPrint'], batches: readonly BatchView[], settings: SettingsView): TrayQuestion {
  const { missed, earlier } = batchesAtSwitchOn(batches, autoPrint);
  const printer = settings.printers.find((p) => p.id === settings.defaultPrinterId)?.name ?? null;
  const lines = [printer ? t('desk.autoPrint.willPrint', { printer }) : t('desk.autoPrint.noPrinter'), t('desk.autoPrint.willNotPrint', { count: earlier.length })];
  const question = { title: 'Label Station', message: t('desk.autoPrint.confirmTitle') };
  if (missed.length === 0) {
    return { ...question, detail: lines.join('\n\n'), buttons: [t('desk.autoPrint.confirm'), t('common.cancel')], cancelId: 1, answers: [{ enabled: true }, null] };
  }
  const labels = t('batches.labelCount', { count: missed.reduce((n, b) => n + b.totalLabels, 0) });
  lines.push(t('desk.autoPrint.missed', { count: missed.length, labels }));
  // `missed` is only non-empty when there is an old cutoff to resume from.
  const resume: AutoPrintInput = autoPrint.cutoff ? { enabled: true, cutoff: autoPrint.cutoff } : { enabled: true };
  return {
    ...question,
    detail: lines.join('\n\n'),
    buttons: [t('desk.autoPrint.includeMissed'), t('desk.autoPrint.skipMissed'), t('common.cancel')],
    cancelId: 2,
    answers: [resume, { enabled: true }, null],
  };
}

export interface TrayAutoPrintDeps {
  station: Pick<StationApi, 'getState' | 'listBatches' | 'getSettings' | 'setAutoPrint'>;
  words: (language: SettingsView['language']) => TFunction;
  /** Opens and focuses the window, so the question comes up where the operator looks. */
  show: () => void;
  /** Asks the question (a native message box) and answers the index of the button chosen. */
  ask: (question: TrayQuestion) => Promise<number>;
}

/**
 * The tray's auto-print item. Off switches off at once; on never switches on silently: it asks
 * the same question as the window first, and does only what the answer says.
 */
export async function switchAutoPrintFromTray(enabled: boolean, deps: TrayAutoPrintDeps): Promise<void> {
  if (!enabled) {
    await deps.station.setAutoPrint({ enabled: false });
    return;
  }
  const [state, batches, settings] = await Promise.all([deps.station.getState({}), deps.station.listBatches({}), deps.station.getSettings({})]);
  if (state.autoPrint.enabled) return;
  const question = autoPrintQuestion(deps.words(settings.language), state.autoPrint, batches, settings);
  deps.show();
  const answer = question.answers[await deps.ask(question)] ?? null;
  if (answer) await deps.station.setAutoPrint(answer);
}

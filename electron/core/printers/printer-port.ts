import type { LabelToRender } from '../labels/label-types.ts';
import type { PrinterProfile, PrinterStatus } from '../../shared/printer-profile.ts';

/** A label handed to a printer, with the key the station tracks it by in the journal. */
export interface LabelToPrint extends LabelToRender {
  key: string;
}

/**
 * `sent`: the label's bytes left this machine. `confirmed`: the spooler or printer reported it
 * printed. Only `confirmed` counts as printed.
 */
export interface PrintProgress {
  key: string;
  state: 'sent' | 'confirmed';
  /**
   * With `sent`, on spooler paths: the spooler's own name for the job holding this label (CUPS
   * `QUEUE-42`), reported as soon as the spooler returned it, so a restart can ask about it.
   */
  spoolJob?: string;
}

/** What became of a spooler job a crashed run left behind. */
export type SpoolJobOutcome = 'completed' | 'not-printed';

/** One printer, whatever its kind. Adapters live beside this file, one per URI scheme. */
export interface PrinterPort {
  readonly profile: PrinterProfile;
  status(): Promise<PrinterStatus>;
  /**
   * Prints the labels in order, in jobs of `profile.labelsPerJob`, reporting each label's
   * progress. Resolves once every label is confirmed; rejects with a `PrinterError` otherwise,
   * after reporting progress for exactly the labels that were confirmed.
   */
  print(labels: readonly LabelToPrint[], onProgress: (progress: PrintProgress) => void, signal?: AbortSignal): Promise<void>;
  /** Rulers in mm, the dpi and a barcode, to calibrate offsets. */
  printTestPage(): Promise<void>;
  /**
   * Spooler paths only: asks about a job `print` reported as `spoolJob`, following it while it
   * is still queued or printing. `not-printed`: the spooler cancelled, aborted or forgot it.
   * Rejects with a `PrinterError` when the job cannot complete now (it is then withdrawn).
   */
  followSpoolJob?(spoolJob: string, signal?: AbortSignal): Promise<SpoolJobOutcome>;
  /** Label printers with a media sensor: let the printer measure its labels, then print the test page. */
  calibrate?(): Promise<void>;
}

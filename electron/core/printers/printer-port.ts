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
}

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
}

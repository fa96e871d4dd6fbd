import type { PrinterStatus } from '../../../shared/printer-profile.ts';
import type { IppAttributes } from './ipp-attributes.ts';

/** What the CUPS queue's printer attributes mean for an operator. */
export function cupsPrinterStatus(queue: string, attributes: IppAttributes): PrinterStatus {
  const state = attributes.get('printer-state');
  if (state === undefined) {
    return { state: 'error', message: `CUPS has no queue "${queue}": add it (lpadmin) or pick another printer` };
  }
  const reasons = (attributes.get('printer-state-reasons') ?? 'none').split(',');
  const said = attributes.get('printer-state-message') ?? '';
  const detail = said === '' ? '' : ` (${said})`;
  if (attributes.get('printer-is-accepting-jobs') === 'false') {
    return { state: 'stopped', message: `Queue ${queue} is not accepting jobs${detail}: run \`cupsaccept ${queue}\` or accept jobs in the printer settings` };
  }
  if (state === 'stopped') {
    return { state: 'stopped', message: `Queue ${queue} is paused${detail}: resume it with \`cupsenable ${queue}\` or in the printer settings` };
  }
  if (reasons.some((r) => r.startsWith('media-empty') || r.startsWith('media-needed') || r.startsWith('media-jam'))) {
    return { state: 'paper-out', message: `Printer ${queue} is out of labels or jammed${detail}: load labels and clear the path` };
  }
  if (reasons.some((r) => r.startsWith('cover-open') || r.startsWith('door-open'))) {
    return { state: 'paper-out', message: `Printer ${queue} has its cover open${detail}: close it` };
  }
  if (reasons.some((r) => r.startsWith('offline'))) {
    return { state: 'offline', message: `Printer ${queue} is offline${detail}: check its power and cable` };
  }
  if (state === 'processing') return { state: 'busy', message: `Printer ${queue} is printing` };
  return { state: 'ready', message: `Printer ${queue} is ready` };
}

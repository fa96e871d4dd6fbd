import type { PrinterStatus } from '../../../shared/printer-profile.ts';
import type { IppAttributes } from './ipp-attributes.ts';

/**
 * CUPS's backends keep a job `processing` while the device is away and say so only in words:
 * the usb backend "Waiting for printer to become available", the socket backend "The printer
 * may not exist or is unavailable at this time" or "Unable to connect to printer".
 */
const notConnected = /waiting for printer to become available|not connected|unavailable|unable to connect|not responding|unplugged/i;

/** Why CUPS cannot reach the device of this queue right now, in its own words; undefined when it can. */
export function cupsDisconnected(attributes: IppAttributes): string | undefined {
  const reasons = (attributes.get('printer-state-reasons') ?? '').split(',');
  const said = attributes.get('printer-state-message') ?? '';
  if (attributes.get('printer-state') === 'processing' && notConnected.test(said)) return said;
  if (reasons.some((r) => r.startsWith('offline'))) return said || 'offline';
  return undefined;
}

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
  if (cupsDisconnected(attributes) !== undefined) {
    return { state: 'offline', message: `Printer ${queue} is not connected${detail}: switch it on and plug in its USB (or network) cable; waiting jobs then print` };
  }
  if (state === 'processing') return { state: 'busy', message: `Printer ${queue} is printing` };
  return { state: 'ready', message: `Printer ${queue} is ready` };
}

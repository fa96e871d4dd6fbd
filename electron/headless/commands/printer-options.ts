import { printerProfileInputSchema, type PrinterProfile } from '../../shared/printer-profile.ts';
import { UsageError } from '../cli-command.ts';

/** Printer settings as the command line gives them, all optional but the URI. */
export interface CliPrinterSettings {
  template?: string;
  dpi?: string;
  labelsPerJob?: string;
  offsetX?: string;
  offsetY?: string;
  darkness?: string;
}

const numberOrUndefined = (value: string | undefined): number | undefined => (value === undefined ? undefined : Number(value));

/** A printer profile from command-line options, checked by the same schema the app's settings use. */
export function cliPrinterProfile(uri: string, settings: CliPrinterSettings): PrinterProfile {
  const parsed = printerProfileInputSchema.safeParse({
    name: uri.slice(0, 80),
    uri,
    template: settings.template,
    dpi: numberOrUndefined(settings.dpi),
    labelsPerJob: numberOrUndefined(settings.labelsPerJob),
    offsetXmm: numberOrUndefined(settings.offsetX),
    offsetYmm: numberOrUndefined(settings.offsetY),
    darkness: numberOrUndefined(settings.darkness),
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = String(issue?.path[0]);
    const option = { offsetXmm: 'offset-x', offsetYmm: 'offset-y', labelsPerJob: 'labels-per-job', uri: 'printer' }[field] ?? field;
    const message = field === 'dpi' ? 'must be 203 or 300' : (issue?.message ?? 'invalid');
    throw new UsageError(`--${option}: ${message}`);
  }
  return { id: 'cli', ...parsed.data };
}

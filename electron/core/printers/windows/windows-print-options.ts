import type { PrintOptions } from 'pdf-to-printer';
import { templateSize } from '../../labels/index.ts';
import type { LabelTemplateId } from '../../../shared/printer-profile.ts';

const namedPapers: Record<string, string> = { '210x297': 'A4', '105x148': 'A6' };

/**
 * SumatraPDF settings (through pdf-to-printer) for one label job on a Windows printer: silent,
 * at 100 % (`noscale`), portrait, black and white. A named paper is asked for only where Windows
 * has one (A4, A6); label sizes come from the printer driver's stock setting, which must match.
 */
export function windowsPrintOptions(printer: string, template: LabelTemplateId): PrintOptions {
  const { widthMm, heightMm } = templateSize(template);
  const paperSize = namedPapers[`${widthMm}x${heightMm}`];
  return {
    printer,
    scale: 'noscale',
    orientation: 'portrait',
    monochrome: true,
    silent: true,
    printDialog: false,
    copies: 1,
    ...(paperSize === undefined ? {} : { paperSize }),
  };
}

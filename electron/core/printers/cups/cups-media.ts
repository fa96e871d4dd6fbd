import { templateSize } from '../../labels/index.ts';
import type { LabelTemplateId } from '../../../shared/printer-profile.ts';

const namedSizes: Record<string, string> = { '210x297': 'A4', '105x148': 'A6' };

/**
 * The CUPS `media` for a template's medium: its exact size, so the spooler neither scales nor
 * picks another paper. A receipt roll (height grows with the label) has no fixed media: the
 * queue's own roll setting applies.
 */
export function cupsMediaFor(template: LabelTemplateId): string | null {
  const { widthMm, heightMm } = templateSize(template);
  if (heightMm === 'auto') return null;
  return namedSizes[`${widthMm}x${heightMm}`] ?? `Custom.${widthMm}x${heightMm}mm`;
}

/** `lp` options for one PDF job: the given size, at 100 %, no fitting. */
export function lpOptions(template: LabelTemplateId): string[] {
  const media = cupsMediaFor(template);
  return [
    ...(media === null ? [] : ['-o', `media=${media}`]),
    '-o', 'fit-to-page=false',
    '-o', 'print-scaling=none',
  ];
}

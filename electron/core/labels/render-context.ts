import { labelTemplateIdSchema } from '../../shared/printer-profile.ts';
import type { LabelToRender, RenderOptions } from './label-types.ts';
import { loadLabelFonts, type LabelFonts } from './label-fonts.ts';
import { layoutLabel } from './label-layout.ts';
import { labelTemplates, type LabelTemplate } from './label-templates.ts';
import type { LabelLayout } from './layout-model.ts';

export class LabelRenderError extends Error {
  override name = 'LabelRenderError';
}

/** What every render needs, resolved once from the options: template, fonts, dot grid, offsets. */
export interface RenderContext {
  template: LabelTemplate;
  fonts: LabelFonts;
  dpi: number;
  /** The calibration offsets rounded to whole dots, so barcodes stay on the grid. */
  offsetXDots: number;
  offsetYDots: number;
  layout(label: LabelToRender): LabelLayout;
}

export function renderContext(options: RenderOptions): RenderContext {
  const id = labelTemplateIdSchema.safeParse(options.template);
  if (!id.success) throw new LabelRenderError(`unknown label template "${String(options.template)}": use one of ${labelTemplateIdSchema.options.join(', ')}`);
  if (!Number.isInteger(options.dpi) || options.dpi < 100 || options.dpi > 1200) {
    throw new LabelRenderError(`printer resolution ${options.dpi} dpi is not usable: give a whole number such as 203 or 300`);
  }
  const template = labelTemplates[id.data];
  const fonts = loadLabelFonts(options.fontDir);
  const dpi = options.dpi;
  return {
    template,
    fonts,
    dpi,
    offsetXDots: Math.round(((options.offsetXmm ?? 0) * dpi) / 25.4),
    offsetYDots: Math.round(((options.offsetYmm ?? 0) * dpi) / 25.4),
    layout: (label) => layoutLabel(label, template, dpi, fonts),
  };
}

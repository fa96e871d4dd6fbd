import type { LabelToRender } from './label-types.ts';
import type { LabelFonts } from './label-fonts.ts';
import type { LabelTemplate, SectionKind, SectionSpec } from './label-templates.ts';
import { allocateFlex } from './flex-allocation.ts';
import type { LabelLayout, LayoutElement } from './layout-model.ts';
import { sectionBuilders, sectionIsEmpty } from './label-sections.ts';

const ruleMm = 0.3;

/**
 * Lays a label out once, for one template at one dpi (the dpi only places barcodes on the dot
 * grid). Fixed sections keep their height, flexible ones share the rest by need (see
 * `allocateFlex`); on a roll (`auto` height) every flexible section takes its natural height
 * and the label grows.
 */
export function layoutLabel(label: LabelToRender, template: LabelTemplate, dpi: number, fonts: LabelFonts): LabelLayout {
  const specs = template.sections.filter((s) => !sectionIsEmpty(s.kind, label));
  const roll = template.heightMm === 'auto';
  const fixedMm = specs.reduce((sum, s) => sum + ('heightMm' in s.size ? s.size.heightMm : 0), 0);
  const widthMm = template.widthMm - 2 * template.marginMm;
  const context = { label, template, fonts, dpi };
  const natural = (kind: SectionKind): number => sectionBuilders[kind](context, { xMm: 0, yMm: 0, widthMm, heightMm: Infinity }).heightMm;
  const flexHeights = new Map<SectionSpec, number>();
  if (!roll) {
    const flexSpecs = specs.filter((s) => 'flex' in s.size);
    const freeMm = Math.max(0, (template.heightMm as number) - 2 * template.marginMm - fixedMm);
    const claims = flexSpecs.map((s) => ({ flex: 'flex' in s.size ? s.size.flex : 0, naturalMm: natural(s.kind) }));
    allocateFlex(claims, freeMm).forEach((h, i) => flexHeights.set(flexSpecs[i] as SectionSpec, h));
  }
  const elements: LayoutElement[] = [];
  let yMm = template.marginMm;
  specs.forEach((spec, index) => {
    const heightMm = 'heightMm' in spec.size ? spec.size.heightMm : (flexHeights.get(spec) ?? Infinity);
    if (index > 0) elements.push({ kind: 'rect', xMm: template.marginMm, yMm: yMm - ruleMm / 2, widthMm, heightMm: ruleMm });
    const section = sectionBuilders[spec.kind](context, { xMm: template.marginMm, yMm, widthMm, heightMm });
    elements.push(...section.elements);
    yMm += section.heightMm;
  });
  return {
    widthMm: template.widthMm,
    heightMm: roll ? Math.ceil(yMm + template.marginMm) : (template.heightMm as number),
    dpi,
    elements,
  };
}

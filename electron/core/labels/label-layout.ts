import type { LabelToRender } from './label-types.ts';
import type { LabelFonts } from './label-fonts.ts';
import type { LabelTemplate, SectionSpec } from './label-templates.ts';
import { allocateFlex } from './flex-allocation.ts';
import type { LabelLayout, LayoutElement } from './layout-model.ts';
import { sectionBuilders, sectionIsEmpty } from './label-sections.ts';
import type { SectionResult } from './section-kit.ts';

const ruleMm = 0.3;

function moveDown(el: LayoutElement, dyMm: number): LayoutElement {
  if (el.kind === 'text') return { ...el, baselineMm: el.baselineMm + dyMm };
  if (el.kind === 'rect') return { ...el, yMm: el.yMm + dyMm };
  throw new Error(`a ${el.kind} cannot move off its dot grid`);
}

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
  const context = { label, template, fonts, dpi, roll };
  // Each flexible section laid out once at its natural height (from y = 0), to claim its space.
  const naturals = new Map<SectionSpec, SectionResult>();
  const flexHeights = new Map<SectionSpec, number>();
  if (!roll) {
    const flexSpecs = specs.filter((s) => 'flex' in s.size);
    for (const s of flexSpecs) naturals.set(s, sectionBuilders[s.kind](context, { xMm: template.marginMm, yMm: 0, widthMm, heightMm: Infinity }));
    const freeMm = Math.max(0, (template.heightMm as number) - 2 * template.marginMm - fixedMm);
    const claims = flexSpecs.map((s) => ({ flex: 'flex' in s.size ? s.size.flex : 0, naturalMm: naturals.get(s)?.heightMm ?? 0 }));
    allocateFlex(claims, freeMm).forEach((h, i) => flexHeights.set(flexSpecs[i] as SectionSpec, h));
  }
  const elements: LayoutElement[] = [];
  let yMm = template.marginMm;
  specs.forEach((spec, index) => {
    const heightMm = 'heightMm' in spec.size ? spec.size.heightMm : (flexHeights.get(spec) ?? Infinity);
    if (index > 0) elements.push({ kind: 'rect', xMm: template.marginMm, yMm: yMm - ruleMm / 2, widthMm, heightMm: ruleMm });
    const natural = naturals.get(spec);
    // A section given all it needs looks as it did at its natural height: reuse it, moved down.
    const reusable = natural !== undefined && natural.heightMm <= heightMm + 1e-9 && natural.elements.every((el) => el.kind === 'text' || el.kind === 'rect');
    const section = reusable ? natural : sectionBuilders[spec.kind](context, { xMm: template.marginMm, yMm, widthMm, heightMm });
    elements.push(...(reusable ? section.elements.map((el) => moveDown(el, yMm)) : section.elements));
    yMm += reusable ? heightMm : section.heightMm;
  });
  return {
    widthMm: template.widthMm,
    heightMm: roll ? Math.ceil(yMm + template.marginMm) : (template.heightMm as number),
    dpi,
    elements,
  };
}

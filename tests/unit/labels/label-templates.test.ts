import { describe, expect, it } from 'vitest';
import { labelTemplateIds } from '../../../electron/shared/printer-profile.ts';
import { labelTemplates, templateSize } from '../../../electron/core/labels/index.ts';

describe('label templates', () => {
  it('name the medium a printer must be loaded with', () => {
    expect(templateSize('100x150')).toEqual({ widthMm: 100, heightMm: 150 });
    expect(templateSize('100x100')).toEqual({ widthMm: 100, heightMm: 100 });
    expect(templateSize('a6')).toEqual({ widthMm: 105, heightMm: 148 });
    expect(templateSize('a4-4up')).toEqual({ widthMm: 210, heightMm: 297 });
    expect(templateSize('80mm')).toEqual({ widthMm: 80, heightMm: 'auto' });
  });

  it.each(labelTemplateIds)('%s leaves room for its flexible sections after the fixed ones', (id) => {
    const template = labelTemplates[id];
    const fixedMm = template.sections.reduce((sum, s) => sum + ('heightMm' in s.size ? s.size.heightMm : 0), 0);
    const heightMm = template.heightMm === 'auto' ? Infinity : template.heightMm;
    expect(heightMm - 2 * template.marginMm - fixedMm).toBeGreaterThan(30);
    expect(template.sections.map((s) => s.kind)).toEqual(['courier', 'awb', 'invoice', 'recipient', 'sender', 'items', 'notes', 'footer']);
    if (template.sheet) {
      expect(template.sheet.columns * template.widthMm).toBeLessThanOrEqual(template.sheet.widthMm);
      expect(template.sheet.rows * (template.heightMm as number)).toBeLessThanOrEqual(template.sheet.heightMm);
      // Cut marks must stay in the white margin between labels.
      expect(template.sheet.cutMarkMm / 2).toBeLessThan(template.marginMm);
    }
  });
});

import { describe, expect, it } from 'vitest';
import en from '../../../electron/shared/i18n/en.json';
import id from '../../../electron/shared/i18n/id.json';
import { operatorHeadline } from '../../../electron/shared/i18n/operator-text.ts';
import { operatorCodeNames, operatorCodes } from '../../../electron/shared/operator-codes.ts';
import { operatorMessage } from '../../../electron/shared/operator-message.ts';

const catalogues = { id: id.codes as Record<string, string>, en: en.codes as Record<string, string> };
const placeholders = (text: string): string[] => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1] ?? '');

describe('the operator codes', () => {
  it.each(Object.entries(catalogues))('every code the core can produce has a %s translation, and nothing else does', (_language, catalogue) => {
    expect(Object.keys(catalogue).sort()).toEqual([...operatorCodeNames].sort());
    for (const code of operatorCodeNames) expect(catalogue[code]?.trim(), code).toBeTruthy();
  });

  it.each(Object.entries(catalogues))('every %s placeholder is a parameter its code provides', (_language, catalogue) => {
    for (const code of operatorCodeNames) {
      const provided: readonly string[] = operatorCodes[code];
      for (const name of placeholders(catalogue[code] ?? '')) expect(provided, `${code} uses {{${name}}}`).toContain(name);
    }
  });

  it('the Indonesian entries are not the English ones (a copied catalogue would pass the checks above)', () => {
    const same = operatorCodeNames.filter((code) => catalogues.id[code] === catalogues.en[code]);
    expect(same).toEqual([]);
  });

  it('fills parameters in, names a printer once, and shows server times labelled WIB', () => {
    const offline = operatorMessage('printer-offline', { printer: 'Printer Meja 1' }, 'connect ECONNREFUSED 10.0.0.9:9100');
    expect(operatorHeadline(offline, 'id')).toBe('Printer Meja 1 tidak terjangkau: pastikan menyala dan tersambung');
    expect(operatorHeadline(offline, 'en')).not.toMatch(/Printer Printer/);
    const gone = operatorMessage('batch-gone', { batch: '2022-09-02 16:11:21' });
    expect(operatorHeadline(gone, 'id')).toContain('Batch 2 Sep 2022 16:11:21 WIB sudah tidak ada');
  });

  it('a code this build does not know reads as the generic entry, never as the bare code', () => {
    const newer = { code: 'printer-on-fire', params: {}, detail: 'smoke' };
    expect(operatorHeadline(newer, 'id')).toBe(catalogues.id['unexpected-error']);
  });
});

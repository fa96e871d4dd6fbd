import { describe, expect, it } from 'vitest';
import en from '../../../electron/shared/i18n/en.json';
import id from '../../../electron/shared/i18n/id.json';

type Tree = { [key: string]: string | Tree };

function entries(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) => (typeof value === 'string' ? [[`${prefix}${key}`, value] as [string, string]] : entries(value, `${prefix}${key}.`)));
}

const sections = ['batches', 'desk', 'pickList'] as const;
const counted = /\{\{(\w+)\}\} (batch|batches|label|labels|order|orders|product|products|time|times|alert|alerts)\b/g;

describe('counts in the batches, desk and pick-list catalogues', () => {
  it('put a number before an English noun only through i18next plurals, so nothing reads "1 batches"', () => {
    const wrong = sections.flatMap((section) =>
      entries(en[section] as Tree, `${section}.`).flatMap(([key, text]) =>
        [...text.matchAll(counted)].filter(([, name]) => name !== 'count' || !/_(one|other)$/.test(key)).map(([match]) => `${key}: ${match}`),
      ),
    );
    expect(wrong).toEqual([]);
  });

  it('give every plural both its _one and _other form, in both languages', () => {
    for (const catalogue of [en, id]) {
      const keys = new Set(sections.flatMap((section) => entries(catalogue[section] as Tree, `${section}.`).map(([key]) => key)));
      const missing = [...keys].filter((key) => /_(one|other)$/.test(key)).map((key) => key.replace(/_(one|other)$/, '')).filter((base) => !keys.has(`${base}_one`) || !keys.has(`${base}_other`));
      expect(missing).toEqual([]);
    }
  });
});

import { describe, expect, it } from 'vitest';
import type { Readable } from 'node:stream';
import { renderPdf, LabelRenderError, type LabelToRender } from '../../../electron/core/labels/index.ts';
import { labelFixtures } from '../../fixtures/orders/label-fixtures.ts';

/** A batch of `count` labels that records how many the renderer has pulled. */
function countingBatch(count: number): { labels: Iterable<LabelToRender>; pulled: () => number } {
  let pulled = 0;
  function* labels(): Generator<LabelToRender> {
    for (let i = 0; i < count; i++) {
      pulled++;
      const base = labelFixtures[i % labelFixtures.length] as LabelToRender;
      yield { order: base.order, meta: { ...base.meta, index: i + 1, count } };
    }
  }
  return { labels: labels(), pulled: () => pulled };
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

const pageCount = (pdf: Buffer): number => pdf.toString('latin1').match(/\/Type \/Page\b(?!s)/g)?.length ?? 0;
const turns = (n: number): Promise<void> => new Promise((resolve) => {
  let left = n;
  const step = (): void => (--left <= 0 ? resolve() : void setImmediate(step));
  setImmediate(step);
});

describe('renderPdf streams a batch', () => {
  it('makes one page per label, a complete PDF', async () => {
    const pdf = await readAll(renderPdf(labelFixtures, { template: '100x150', dpi: 203 }));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.subarray(-6).toString()).toContain('%%EOF');
    expect(pageCount(pdf)).toBe(labelFixtures.length);
  });

  it('puts four labels on each A4 sheet for a4-4up', async () => {
    const { labels } = countingBatch(9);
    expect(pageCount(await readAll(renderPdf(labels, { template: 'a4-4up', dpi: 203 })))).toBe(3);
  });

  it('gives the first bytes before the last label is drawn, and draws no faster than it is read', async () => {
    const total = 400;
    const batch = countingBatch(total);
    const stream = renderPdf(batch.labels, { template: '100x150', dpi: 203 });
    const first: unknown = await new Promise((resolve) => stream.once('data', resolve));
    stream.pause();
    expect(Buffer.isBuffer(first)).toBe(true);
    expect(batch.pulled()).toBeLessThan(total);
    // Nobody reads: the renderer must stop pulling labels soon.
    await turns(20);
    const whilePaused = batch.pulled();
    await turns(20);
    expect(batch.pulled()).toBe(whilePaused);
    expect(whilePaused).toBeLessThan(total / 4);
    stream.resume();
    await readAll(stream);
    expect(batch.pulled()).toBe(total);
  });

  it('takes an async source, as a journal or an API page would give it', async () => {
    async function* slow(): AsyncGenerator<LabelToRender> {
      for (const label of labelFixtures.slice(0, 3)) {
        await turns(1);
        yield label;
      }
    }
    expect(pageCount(await readAll(renderPdf(slow(), { template: '100x100', dpi: 300 })))).toBe(3);
  });

  it('fails the stream, not the process, on an empty batch or a source that throws', async () => {
    await expect(readAll(renderPdf([], { template: '100x150', dpi: 203 }))).rejects.toBeInstanceOf(LabelRenderError);
    function* broken(): Generator<LabelToRender> {
      yield labelFixtures[0] as LabelToRender;
      throw new Error('journal read failed');
    }
    await expect(readAll(renderPdf(broken(), { template: '100x150', dpi: 203 }))).rejects.toThrow('journal read failed');
  });

  it('refuses an unknown template or resolution with a message an operator can act on', () => {
    // @ts-expect-error: a template id from an old config file
    expect(() => renderPdf(labelFixtures, { template: '4x6', dpi: 203 })).toThrow(/unknown label template "4x6": use one of 100x150/);
    expect(() => renderPdf(labelFixtures, { template: '100x150', dpi: 20.5 })).toThrow(/20.5 dpi/);
  });
});

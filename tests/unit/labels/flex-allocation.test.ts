import { describe, expect, it } from 'vitest';
import { allocateFlex } from '../../../electron/core/labels/flex-allocation.ts';

const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);

describe('sharing a label among flexible sections', () => {
  it('serves a small section and gives the rest to the needy one', () => {
    const [address, items] = allocateFlex([{ flex: 3, naturalMm: 10 }, { flex: 2, naturalMm: 80 }], 60);
    expect(address).toBe(10);
    expect(items).toBe(50);
  });

  it('splits by share when every section needs more than there is', () => {
    expect(allocateFlex([{ flex: 3, naturalMm: 100 }, { flex: 1, naturalMm: 100 }], 40)).toEqual([30, 10]);
  });

  it('hands out what is left over by share once everyone is served', () => {
    const heights = allocateFlex([{ flex: 1, naturalMm: 5 }, { flex: 1, naturalMm: 15 }], 40);
    expect(heights).toEqual([15, 25]);
    expect(sum(heights)).toBe(40);
  });
});

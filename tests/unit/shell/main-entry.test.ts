import { describe, expect, it, vi } from 'vitest';

const mock = vi.hoisted(() => ({ record: undefined as undefined | { quit: number } }));

vi.mock('electron', async () => {
  const { createElectronMock } = await import('./electron-mock.ts');
  const { electron, record } = createElectronMock({ gotLock: false, userData: '/nonexistent' });
  mock.record = record;
  return electron;
});

describe('main entry', () => {
  it('hands the electron module to the shell', async () => {
    await import('../../../electron/main/main.ts');
    expect(mock.record?.quit).toBe(1);
  });
});

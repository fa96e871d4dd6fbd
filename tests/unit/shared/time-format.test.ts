import { describe, expect, it } from 'vitest';
import { formatClock, formatInstant, formatServerTime } from '../../../electron/shared/time-format.ts';

describe('one time format for the operator', () => {
  it('shows a server timestamp as the server wrote it, labelled WIB, in either language', () => {
    expect(formatServerTime('2022-09-02 16:11:21', 'id')).toBe('2 Sep 2022 16:11:21 WIB');
    expect(formatServerTime('2022-12-31 23:59:59', 'id')).toBe('31 Des 2022 23:59:59 WIB');
    expect(formatServerTime('2022-12-31 23:59:59', 'en')).toBe('31 Dec 2022 23:59:59 WIB');
    expect(formatServerTime('not a time', 'id')).toBe('not a time');
  });

  it('shows an instant in the station zone, the same way, unlabelled', () => {
    expect(formatInstant('2026-12-04T02:30:05.000Z', 'id', 'Asia/Jakarta')).toBe('4 Des 2026 09:30:05');
    expect(formatInstant('2026-12-04T02:30:05.000Z', 'en', 'Asia/Makassar')).toBe('4 Dec 2026 10:30:05');
    expect(formatClock('2026-12-04T02:30:05.000Z', 'id', 'Asia/Jakarta')).toBe('09:30:05');
    expect(formatInstant('garbage', 'id')).toBe('garbage');
  });
});

import { describe, expect, it } from 'vitest';
import { ApiNetworkError } from '../../../electron/core/api/api-errors.ts';
import { DiskFullError } from '../../../electron/core/station/station-file-errors.ts';
import { cliErrorLine, cliLanguage } from '../../../electron/headless/cli-text.ts';

describe('the CLI says errors in the terminal language', () => {
  it('takes LABEL_STATION_LANGUAGE, else the locale, else English', () => {
    expect(cliLanguage({ LABEL_STATION_LANGUAGE: 'id', LANG: 'en_US.UTF-8' })).toBe('id');
    expect(cliLanguage({ LANG: 'id_ID.UTF-8' })).toBe('id');
    expect(cliLanguage({ LC_ALL: 'id', LANG: 'en_GB.UTF-8' })).toBe('id');
    expect(cliLanguage({ LANG: 'C.UTF-8' })).toBe('en');
    expect(cliLanguage({ LABEL_STATION_LANGUAGE: 'fr', LANG: 'ida_XX' })).toBe('en');
  });

  it('in Indonesian, one line from the catalogue with the detail in brackets; the user id never shows', () => {
    const error = new ApiNetworkError({ call: 'processed_list', method: 'GET', path: '/public/order/orders/processed_list/c0ffee00-0000-4000-8000-000000000001', status: null, reason: 'ECONNREFUSED connect ECONNREFUSED 127.0.0.1:1' });
    const line = cliErrorLine(error, 'id');
    expect(line).toBe('Server pesanan tidak terjangkau: periksa jaringan dan alamat server di Pengaturan (GET /public/order/orders/processed_list/… → no answer (ECONNREFUSED connect ECONNREFUSED 127.0.0.1:1))');
    expect(line).not.toContain('c0ffee00');
    expect(cliErrorLine(new DiskFullError('/data/journal.db', 1_048_576), 'id')).toBe('Disk penuh: kosongkan minimal 8.0 MB (sekarang sisa 1.0 MB). Stasiun berhenti sementara dan lanjut sendiri (/data/journal.db)');
  });

  it('in English, the core sentence that names what to fix; in Indonesian an error without a code gets the generic words', () => {
    expect(cliErrorLine(new DiskFullError('/data/journal.db', 0), 'en')).toMatch(/^disk full: cannot write \/data\/journal.db; free at least 8.0 MB/);
    expect(cliErrorLine(new Error('plain'), 'id')).toBe('Terjadi kesalahan tak terduga (lihat Detail) (plain)');
    // A printer's text made for its profile name is not an Error: its English still prints.
    const renamed = { message: 'Printer escpos://10.0.0.9:9100 is not reachable', text: new DiskFullError('/d', 0).text };
    expect(cliErrorLine(renamed, 'en')).toBe('Printer escpos://10.0.0.9:9100 is not reachable');
  });
});

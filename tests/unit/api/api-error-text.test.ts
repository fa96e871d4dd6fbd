import { describe, expect, it } from 'vitest';
import {
  ApiAuthError,
  ApiNetworkError,
  ApiNotFoundError,
  ApiProtocolError,
  ApiRedirectError,
  ApiRejectedError,
  ApiServerError,
  ApiTimeoutError,
  ApiTooLargeError,
  OrderDataError,
} from '../../../electron/core/api/api-errors.ts';
import { PrinterPaperOutError, PrinterOfflineError, PrintJobFailedError } from '../../../electron/core/printers/printer-errors.ts';
import { rawProtocolDrivers } from '../../../electron/core/printers/raw/raw-protocols.ts';

const userId = 'c0ffee00-0000-4000-8000-000000000001';
const details = { call: 'print_order' as const, method: 'POST' as const, path: `/public/order/orders/print_order/${userId}/2022-09-02%2016%3A11%3A21/1`, status: 502, bodyExcerpt: '<h1>Bad Gateway</h1>' };

describe('what each API failure tells the operator', () => {
  it.each([
    [new ApiServerError(details), 'api-server-error', { call: 'print_order', status: 502 }],
    [new ApiAuthError({ ...details, status: 401 }), 'token-rejected', { status: 401 }],
    [new ApiNotFoundError({ ...details, status: 404 }), 'api-not-found', { call: 'print_order' }],
    [new ApiRejectedError({ ...details, status: 422 }), 'api-refused', { call: 'print_order', status: 422 }],
    [new ApiProtocolError({ ...details, status: 200, problem: 'the answer is not JSON', field: null }), 'api-bad-answer', { call: 'print_order' }],
    [new ApiNetworkError({ ...details, status: null, reason: 'ECONNREFUSED connect ECONNREFUSED 127.0.0.1:80' }), 'api-unreachable', { call: 'print_order' }],
    [new ApiTimeoutError({ ...details, status: null, timeoutMs: 15_000 }), 'api-timeout', { call: 'print_order', seconds: 15 }],
    [new ApiRedirectError({ ...details, status: 302, location: 'https://elsewhere.example/login' }), 'api-redirect', { call: 'print_order' }],
    [new ApiTooLargeError({ ...details, status: 200, limitBytes: 32 * 1_048_576 }), 'api-too-large', { call: 'print_order', megabytes: 32 }],
  ])('%s → its code, the English kept for the log, the detail without the user id', (error, code, params) => {
    expect(error.text).toMatchObject({ code, params });
    expect(error.message).not.toBe('');
    expect(error.text.detail).toMatch(/^POST \/public\/order\/orders\/print_order\/…\/2022-09-02%2016%3A11%3A21\/1 → /);
    expect(error.text.detail).not.toContain(userId);
  });

  it('keeps the network reason and the server excerpt in the detail, never in the params', () => {
    const refused = new ApiNetworkError({ ...details, status: null, reason: 'ECONNREFUSED connect ECONNREFUSED 127.0.0.1:80' });
    expect(refused.text.detail).toContain('ECONNREFUSED');
    expect(JSON.stringify(refused.text.params)).not.toContain('ECONNREFUSED');
    expect(new ApiServerError(details).text.detail).toContain('<h1>Bad Gateway</h1>');
    expect(new OrderDataError('data[3].order.totalCost', 'expected a number').text).toEqual({ code: 'order-data-bad', params: { field: 'data[3].order.totalCost' }, detail: 'expected a number' });
  });
});

describe('what each printer failure tells the operator', () => {
  it('names the printer by the name the operator gave it, with the adapter words as the detail', () => {
    const error = new PrinterOfflineError('escpos://10.0.0.9:9100', 'Printer escpos://10.0.0.9:9100 refused the connection');
    expect(error.textFor('Printer Meja 1')).toEqual({ code: 'printer-offline', params: { printer: 'Printer Meja 1' }, detail: 'Printer escpos://10.0.0.9:9100 refused the connection' });
    expect(new PrintJobFailedError('q', 'the spooler cancelled it', 'job-canceled-by-user').textFor('Meja 2').code).toBe('print-job-failed');
    expect(new PrinterPaperOutError('q', 'out of paper').textFor('Meja 2').code).toBe('printer-paper-out');
  });

  it('says an open head, a jam or no ribbon as such, not as "out of paper"', () => {
    const tspl = rawProtocolDrivers.tspl.status;
    expect(tspl?.parse(Buffer.from([0x01]))).toMatchObject({ problem: 'paper-out', code: 'printer-head-open' });
    expect(tspl?.parse(Buffer.from([0x02]))).toMatchObject({ problem: 'paper-out', code: 'printer-paper-jam' });
    expect(tspl?.parse(Buffer.from([0x08]))).toMatchObject({ problem: 'paper-out', code: 'printer-ribbon-out' });
    const plain = tspl?.parse(Buffer.from([0x04]));
    expect(plain).toMatchObject({ problem: 'paper-out' });
    expect(plain && 'code' in plain ? plain.code : undefined).toBeUndefined();
    const error = new PrinterPaperOutError('tspl://10.0.0.9:9100', 'its print head is open: close it', { code: 'printer-head-open' });
    expect(error.textFor('Meja 3')).toMatchObject({ code: 'printer-head-open', params: { printer: 'Meja 3' } });
  });
});

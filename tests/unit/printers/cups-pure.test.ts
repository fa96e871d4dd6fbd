import { describe, expect, it } from 'vitest';
import { cupsMediaFor, lpOptions } from '../../../electron/core/printers/cups/cups-media.ts';
import { cupsPrinterStatus } from '../../../electron/core/printers/cups/cups-status.ts';
import { parseIpptoolOutput, queryIpp } from '../../../electron/core/printers/cups/ipp-attributes.ts';
import { PrinterOfflineError } from '../../../electron/core/printers/printer-errors.ts';

const ipptoolJobOutput = `"/usr/share/cups/ipptool/get-job-attributes.test":
    Get-Job-Attributes:
        attributes-charset (charset) = utf-8
        job-uri (uri) = ipp://localhost:631/jobs/3
    Get job info with get-job-attributes                                 [PASS]
        RECEIVED: 1255 bytes in response
        status-code = successful-ok (successful-ok)
        job-uri (uri) = ipp://localhost:631/jobs/3
        job-id (integer) = 3
        job-state (enum) = canceled
        job-state-reasons (keyword) = processing-to-stop-point
        job-printer-state-message (textWithoutLanguage) = Printer cannot print with supplied options.
        job-printer-state-reasons (keyword) = none
        job-sheets (1setOf nameWithoutLanguage) = none,none
        job-state-message (textWithoutLanguage) = 
`;

describe('reading CUPS over IPP', () => {
  it('takes the response attributes, not the request echoed before them', () => {
    const attributes = parseIpptoolOutput(ipptoolJobOutput);
    expect(attributes.get('job-state')).toBe('canceled');
    expect(attributes.get('job-printer-state-message')).toBe('Printer cannot print with supplied options.');
    expect(attributes.get('job-sheets')).toBe('none,none');
    expect(attributes.get('job-state-message')).toBe('');
    expect(attributes.has('attributes-charset')).toBe(false);
  });

  it('an answer without a response (CUPS down) has no attributes', () => {
    expect(parseIpptoolOutput('ipptool: Unable to connect to "localhost" on port 631 - Connection refused').size).toBe(0);
  });

  it('CUPS not answering is offline (retryable), with how to start it', async () => {
    // Stopping the machine's CUPS would break every other test running: replay what ipptool says instead.
    const refused = async () => ({ code: 1, stdout: '', stderr: 'ipptool: Unable to connect to "localhost" on port 631 - Connection refused' });
    const failure = await queryIpp(refused, 'Zebra', '/jobs/4', 'get-job-attributes.test').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(PrinterOfflineError);
    expect((failure as PrinterOfflineError).message).toMatch(/CUPS.*not answering.*Connection refused.*start it/);
  });
});

describe('what a CUPS queue state means for the operator', () => {
  const status = (entries: Record<string, string>): ReturnType<typeof cupsPrinterStatus> =>
    cupsPrinterStatus('Zebra', new Map(Object.entries({ 'printer-is-accepting-jobs': 'true', 'printer-state-reasons': 'none', ...entries })));

  it('maps stopped, rejecting, paper and cover problems to states with the way out', () => {
    expect(status({ 'printer-state': 'idle' }).state).toBe('ready');
    expect(status({ 'printer-state': 'processing' }).state).toBe('busy');
    expect(status({ 'printer-state': 'stopped', 'printer-state-reasons': 'paused', 'printer-state-message': 'paper jam' })).toEqual({
      state: 'stopped',
      message: 'Queue Zebra is paused (paper jam): resume it with `cupsenable Zebra` or in the printer settings',
    });
    expect(status({ 'printer-state': 'idle', 'printer-is-accepting-jobs': 'false' }).message).toContain('cupsaccept Zebra');
    expect(status({ 'printer-state': 'idle', 'printer-state-reasons': 'media-empty-error' }).state).toBe('paper-out');
    expect(status({ 'printer-state': 'idle', 'printer-state-reasons': 'none,cover-open-warning' }).state).toBe('paper-out');
    expect(status({ 'printer-state': 'idle', 'printer-state-reasons': 'offline-report' }).state).toBe('offline');
    expect(cupsPrinterStatus('Gone', new Map()).state).toBe('error');
  });

  it('a USB printer unplugged (CUPS still processing, saying so only in words) is not connected, with the way out', () => {
    const unplugged = status({ 'printer-state': 'processing', 'printer-state-message': 'Waiting for printer to become available.' });
    expect(unplugged.state).toBe('offline');
    expect(unplugged.message).toMatch(/not connected.*plug in its USB/);
    expect(status({ 'printer-state': 'processing', 'printer-state-message': 'The printer may not exist or is unavailable at this time.' }).state).toBe('offline');
    expect(status({ 'printer-state': 'processing', 'printer-state-message': 'Sending data to printer.' }).state).toBe('busy');
    // An idle queue keeps the last words of a job long gone: that is no reason to refuse new jobs.
    expect(status({ 'printer-state': 'idle', 'printer-state-message': 'Unable to connect to printer; will retry in 30 seconds...' }).state).toBe('ready');
  });
});

describe('lp options', () => {
  it('asks for the template medium at 100 %, never fitted', () => {
    expect(cupsMediaFor('100x150')).toBe('Custom.100x150mm');
    expect(cupsMediaFor('a6')).toBe('A6');
    expect(cupsMediaFor('a4-4up')).toBe('A4');
    expect(cupsMediaFor('80mm')).toBeNull();
    expect(lpOptions('100x100')).toEqual([
      '-o', 'media=Custom.100x100mm', '-o', 'fit-to-page=false', '-o', 'print-scaling=none',
    ]);
  });
});

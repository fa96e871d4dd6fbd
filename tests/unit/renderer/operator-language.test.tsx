import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import en from '../../../electron/shared/i18n/en.json';
import id from '../../../electron/shared/i18n/id.json';
import { ApiAuthError, ApiNetworkError, ApiServerError } from '../../../electron/core/api/api-errors.ts';
import { PrinterOfflineError } from '../../../electron/core/printers/printer-errors.ts';
import { DiskFullError } from '../../../electron/core/station/station-file-errors.ts';
import { operatorMessage } from '../../../electron/shared/operator-message.ts';
import { alertSchema, type Alert, type JournalEvent } from '../../../electron/shared/station-api.ts';
import { App } from '../../../renderer/src/app.tsx';
import { englishIn } from '../../support/english-on-screen.ts';
import { createFakeStation, sampleAlert, sampleJob } from '../../support/fake-station.ts';
import { renderWithStation } from './render-station.tsx';

const userId = '0b6f3c8e-2f4a-4c1e-9d7a-5e8f1a2b3c4d';
const call = (name: 'processed_list' | 'print_order') => ({ call: name, method: 'GET' as const, path: `/public/order/orders/${name}/${userId}`, status: null });
// The core's own errors, as it raises them: their English is what must never reach the screen.
const serverDown = new ApiServerError({ ...call('processed_list'), status: 502, bodyExcerpt: '<html><body><h1>502 Bad Gateway</h1></body></html>' });
const unreachable = new ApiNetworkError({ ...call('processed_list'), reason: 'ECONNREFUSED connect ECONNREFUSED 127.0.0.1:8080' });
const tokenRejected = new ApiAuthError({ ...call('processed_list'), status: 401 });
const diskFull = new DiskFullError('/home/kasir/.config/label-station/journal.db', 300 * 1024);
const offline = new PrinterOfflineError('escpos://10.0.0.9:9100', 'Printer escpos://10.0.0.9:9100 refused the connection (ECONNREFUSED): check it is on');

const alerts: Alert[] = [
  sampleAlert({ id: 'a-1', kind: 'token-rejected', message: tokenRejected.message, text: tokenRejected.text, printerId: null }),
  sampleAlert({ id: 'a-2', kind: 'printer-offline', message: offline.message, text: offline.textFor('Printer Meja 1'), count: 4, retryAt: '2026-01-01T00:05:00.000Z' }),
  sampleAlert({ id: 'a-3', kind: 'batch-failed', message: `Batch 2022-09-02 16:11:21 did not print: ${serverDown.message}`, text: serverDown.text, jobId: 'job-1' }),
  sampleAlert({ id: 'a-4', kind: 'api-unreachable', message: unreachable.message, text: unreachable.text, printerId: null }),
  sampleAlert({
    id: 'a-5',
    kind: 'bad-data',
    message: 'The server sent rows this station cannot read; they are left out and the rest is used. the batch list: row 3: totalLabels: expected a number',
    text: operatorMessage('bad-data', { rows: 1 }, 'the batch list: row 3: totalLabels: expected a number'),
    printerId: null,
  }),
  sampleAlert({ id: 'a-6', kind: 'bad-settings', message: 'Some stored settings cannot be read and were left out: printer "meja-2".', text: operatorMessage('bad-settings', { items: 'printer "meja-2"' }), printerId: null }),
  sampleAlert({ id: 'a-7', kind: 'pool-unreachable', message: 'the pool database cannot be reached: connect ECONNREFUSED 10.0.0.5:5432', text: operatorMessage('pool-unreachable', {}, 'connect ECONNREFUSED 10.0.0.5:5432'), printerId: null }),
  sampleAlert({ id: 'unstored-disk-full', kind: 'disk-full', message: diskFull.message, text: diskFull.text, printerId: null }),
];
const events: JournalEvent[] = [
  { id: 2, at: '2026-01-01T00:02:00.000Z', level: 'warn', kind: 'printer-waiting', message: offline.message, text: offline.textFor('Printer Meja 1'), jobId: 'job-1', processed: '2022-09-02 16:11:21' },
  { id: 1, at: '2026-01-01T00:01:00.000Z', level: 'info', kind: 'job-created', message: 'print of 3 label(s) on Printer Meja 1, print_status 1', text: operatorMessage('ev-job-created', { labels: 3, printer: 'Printer Meja 1' }), jobId: 'job-1', processed: '2022-09-02 16:11:21' },
];

/**
 * The core's log wording and technical tokens: none may show outside a Detail the operator
 * opened. (A printer's address the operator typed is a setting, shown in Settings as such; the
 * address inside an error, 10.0.0.9, is not.)
 */
const coreWording = [serverDown, unreachable, tokenRejected, offline].map((e) => e.message.slice(0, 40));
const technical = [/Bad Gateway/, new RegExp(userId), /10\.0\.0\.9/];

function visibleText(): string {
  const body = document.body.cloneNode(true) as HTMLElement;
  // The language picker names each language in its own language, on purpose.
  body.querySelectorAll('select.language option').forEach((o) => o.remove());
  return body.textContent ?? '';
}

function expectNoEnglish(where: string): void {
  expect(englishIn(visibleText(), { en, id }, [...coreWording, ...technical]), where).toEqual([]);
}

describe('the operator reads Bahasa Indonesia everywhere', () => {
  it('walks every view with every alert kind raised and finds no English, no log wording, no technical detail', async () => {
    expect(new Set(alerts.map((a) => a.kind))).toEqual(new Set(alertSchema.shape.kind.options));
    const station = createFakeStation();
    station.data.settings = { ...station.data.settings, printers: station.data.settings.printers.map((p) => ({ ...p, name: 'Printer Meja 1' })) };
    station.data.state = { ...station.data.state, connection: 'unreachable', lastError: unreachable.message, lastErrorText: unreachable.text };
    const failed = sampleJob({ id: 'job-1', state: 'failed', printerName: 'Printer Meja 1', reason: serverDown.message, reasonText: serverDown.text });
    station.data.jobs = [failed];
    station.data.batches = station.data.batches.map((b, i) => (i === 0 ? { ...b, job: failed } : b));
    station.data.alerts = [];
    station.listEvents = async () => events;
    const getJob = station.getJob.bind(station);
    station.getJob = async (input) => ({ ...(await getJob(input)), events });
    station.listPrinters = async () =>
      station.data.settings.printers.map((p) => ({ ...p, status: { state: 'offline' as const, message: 'Printer escpos://10.0.0.9:9100 refused the connection (ECONNREFUSED)' } }));

    await renderWithStation(<App />, { station, language: 'id' });
    await screen.findByRole('heading', { name: 'Batch cetak' });
    station.data.alerts = [...alerts];
    act(() => alerts.forEach((alert) => station.emit('alert', alert)));
    // More than two fold into a counter; opened, every kind shows.
    fireEvent.click(await screen.findByRole('button', { name: `+${alerts.length - 2} peringatan` }));
    await waitFor(() => expect(screen.getAllByTestId('alert')).toHaveLength(alerts.length));
    expect(screen.getByText('Printer Meja 1 tidak terjangkau: pastikan menyala dan tersambung')).toBeTruthy();

    const tabs = ['Batch', 'Pindai', 'Riwayat', 'Pesanan', 'Pratinjau', 'Pengaturan'];
    for (const tab of tabs) {
      fireEvent.click(within(screen.getByRole('navigation', { name: 'Menu utama' })).getByRole('button', { name: tab }));
      await waitFor(() => expect(document.querySelector('main')?.textContent?.length ?? 0).toBeGreaterThan(0));
      await act(async () => new Promise((resolve) => setTimeout(resolve, 50)));
      if (tab === 'Riwayat') {
        const [job] = await screen.findAllByRole('button', { pressed: false });
        fireEvent.click(job as HTMLElement);
        await screen.findAllByText('Printer Meja 1 tidak terjangkau: pastikan menyala dan tersambung');
      }
      expectNoEnglish(tab);
    }
  });
});

import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { operatorMessage, OperatorError } from '../../../electron/shared/operator-message.ts';
import { BatchesView } from '../../../renderer/src/features/batches/batches-view.tsx';
import { HistoryView } from '../../../renderer/src/features/history/history-view.tsx';
import { OrdersView } from '../../../renderer/src/features/orders/orders-view.tsx';
import { PreviewView } from '../../../renderer/src/features/preview/preview-view.tsx';
import { createFakeStation, sampleJob, sampleOrder } from '../../support/fake-station.ts';
import { callsTo, renderWithStation } from './render-station.tsx';

const noPreview = () => undefined;

/** The fake's first batch with a job in `state` on Gudang 1, and two more printers: one of its label size, one not. */
async function stationWithJob(state: 'waiting' | 'failed' | 'printing') {
  const station = createFakeStation();
  await station.savePrinter({ name: 'Meja 2', uri: 'pdf-dir:/srv/labels' });
  await station.savePrinter({ name: 'Struk', uri: 'escpos://10.0.0.9:9100', template: '80mm' });
  const job = sampleJob({ id: 'job-5', state, reason: state === 'printing' ? null : 'Gudang 1 is offline', confirmedLabels: 1 });
  station.data.jobs = [job];
  station.data.batches = station.data.batches.map((b) => (b.processed === job.processed ? { ...b, job } : b));
  return station;
}

const firstRow = async () => within((await screen.findAllByTestId('batch-row'))[0] as HTMLElement);

describe('Move a job to another printer', () => {
  it('offers only printers of the job\'s label size, moves it there and shows where it now prints', async () => {
    const station = await stationWithJob('waiting');
    await renderWithStation(<BatchesView onPreview={noPreview} />, { station, language: 'id' });
    const row = await firstRow();
    fireEvent.click(row.getByRole('button', { name: 'Pindah printer' }));
    const dialog = await screen.findByRole('dialog', { name: 'Pindahkan tugas ini ke printer lain?' });
    expect(dialog.textContent).toContain('menunggu di Gudang 1: 2 label yang belum di kertas');
    const choice = within(dialog).getByRole('combobox', { name: 'Printer' });
    expect(within(choice).getAllByRole('option').map((o) => o.textContent)).toEqual(['Meja 2 (Siap)']);
    // Tab from the last button wraps to the first control: the printer list is reachable by keyboard.
    const buttons = within(dialog).getAllByRole('button');
    buttons[buttons.length - 1]?.focus();
    fireEvent.keyDown(dialog, { key: 'Tab' });
    expect(document.activeElement).toBe(choice);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Pindahkan dan cetak' }));
    await waitFor(() => expect(callsTo(station, 'moveJob')).toEqual([{ jobId: 'job-5', printerId: 'p-2' }]));
    expect(await row.findByText('Antre')).toBeTruthy();
    expect(row.getByText('Meja 2')).toBeTruthy();
  });

  it('says so when no other printer takes the label size, and moves nothing', async () => {
    const station = createFakeStation();
    const job = sampleJob({ id: 'job-5', state: 'failed', reason: 'paper out' });
    station.data.jobs = [job];
    station.data.batches = station.data.batches.map((b) => (b.processed === job.processed ? { ...b, job } : b));
    await renderWithStation(<BatchesView onPreview={noPreview} />, { station });
    fireEvent.click((await firstRow()).getByRole('button', { name: 'Move to another printer' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain('No other printer takes this label size');
    expect(within(dialog).getByRole('button', { name: 'Move and print' }).hasAttribute('disabled')).toBe(true);
  });

  it('shows the station\'s refusal and leaves the job as it was', async () => {
    const station = await stationWithJob('failed');
    station.moveJob = async () => {
      throw new OperatorError(operatorMessage('job-move-unknown-printer', { printer: 'Meja 2' }), 'there is no printer "Meja 2" to move the job to');
    };
    await renderWithStation(<BatchesView onPreview={noPreview} />, { station });
    const row = await firstRow();
    fireEvent.click(row.getByRole('button', { name: 'Move to another printer' }));
    fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Move and print' }));
    expect((await screen.findByRole('alert')).textContent).toContain('There is no printer "Meja 2": choose another one.');
    expect(row.getByText('Failed')).toBeTruthy();
  });

  it('is not offered for a job that is printing', async () => {
    await renderWithStation(<BatchesView onPreview={noPreview} />, { station: await stationWithJob('printing') });
    expect((await firstRow()).queryByRole('button', { name: 'Move to another printer' })).toBeNull();
  });
});

describe('Print one order', () => {
  it('prints one order of a batch\'s list to the printer chosen above, without touching the batch', async () => {
    const station = createFakeStation();
    await station.savePrinter({ name: 'Meja 2', uri: 'pdf-dir:/srv/labels' });
    await renderWithStation(<BatchesView onPreview={noPreview} />, { station });
    await screen.findAllByTestId('batch-row');
    fireEvent.change(screen.getByRole('combobox', { name: 'Print to' }), { target: { value: 'p-2' } });
    fireEvent.click((await firstRow()).getByRole('button', { name: /16:11:21/ }));
    const orders = await screen.findByRole('table', { name: /Orders in batch/ });
    fireEvent.click(within(orders).getByRole('button', { name: 'Print the label of INV/2022/09/0002' }));
    await waitFor(() => expect(callsTo(station, 'printOrders')).toEqual([{ processed: '2022-09-02 16:11:21', orderIds: ['o-2'], printerId: 'p-2' }]));
    expect(await within(orders).findByRole('status')).toHaveProperty('textContent', 'Sent to Gudang 1.');
    expect(callsTo(station, 'printBatch')).toEqual([]);
  });

  it('prints from the Orders list an order of a batch; a new order (no batch yet) offers no print', async () => {
    const station = createFakeStation();
    station.data.orders = [sampleOrder(), sampleOrder({ orderId: 'o-3', invoice: 'INV/NEW/3', status: 'NEW', processedAt: null })];
    await renderWithStation(<OrdersView onPreview={noPreview} />, { station });
    fireEvent.click(await screen.findByRole('button', { name: 'Print the label of INV/2022/09/0001' }));
    await waitFor(() => expect(callsTo(station, 'printOrders')).toEqual([{ processed: '2022-09-02 16:11:21', orderIds: ['o-1'] }]));
    expect(screen.queryByRole('button', { name: 'Print the label of INV/NEW/3' })).toBeNull();
  });

  it('prints the previewed order to the printer chosen there, and says why when it cannot', async () => {
    const station = createFakeStation();
    await station.savePrinter({ name: 'Meja 2', uri: 'pdf-dir:/srv/labels' });
    await renderWithStation(<PreviewView order={sampleOrder()} />, { station });
    fireEvent.change(await screen.findByRole('combobox', { name: 'Print to' }), { target: { value: 'p-2' } });
    fireEvent.click(screen.getByRole('button', { name: 'Print the label of INV/2022/09/0001' }));
    await waitFor(() => expect(callsTo(station, 'printOrders')).toEqual([{ processed: '2022-09-02 16:11:21', orderIds: ['o-1'], printerId: 'p-2' }]));
    station.printOrders = async () => {
      throw new OperatorError(operatorMessage('print-orders-no-details', { order: 'o-1' }), "the server's details of order o-1 hold no order to print");
    };
    fireEvent.click(screen.getByRole('button', { name: 'Print the label of INV/2022/09/0001' }));
    expect((await screen.findByRole('alert')).textContent).toContain('The server has no details to print for order o-1.');
  });
});

describe('A job of some labels on a batch row', () => {
  it('says it printed chosen orders and leaves the batch counted as new, for Print all new too', async () => {
    const station = createFakeStation();
    const [fresh] = station.data.batches;
    if (!fresh) throw new Error('fake batches');
    fresh.job = sampleJob({ kind: 'orders', state: 'done', targetPrintStatus: null, totalLabels: 1, confirmedLabels: 1 });
    await renderWithStation(<BatchesView onPreview={noPreview} />, { station, language: 'id' });
    const row = await firstRow();
    expect(row.getByText('Pesanan terpilih')).toBeTruthy();
    expect(row.getByText('Belum pernah dicetak')).toBeTruthy();
    expect(row.getByRole('button', { name: 'Cetak' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Cetak semua baru (1 batch · 3 label)' })).toBeTruthy();
  });
});

describe('Reprint labels from History', () => {
  it('chooses all or only those not on paper, and sends them to the printer picked', async () => {
    const station = createFakeStation();
    await station.savePrinter({ name: 'Meja 2', uri: 'pdf-dir:/srv/labels' });
    station.data.orders.push(sampleOrder({ orderId: 'o-3', invoice: 'INV/2022/09/0003' }));
    station.data.jobs = [sampleJob({ id: 'job-2', state: 'failed', totalLabels: 3, confirmedLabels: 1, reason: 'paper out' })];
    await renderWithStation(<HistoryView />, { station, language: 'id' });
    fireEvent.click((await screen.findAllByRole('button', { pressed: false }))[0] as HTMLElement);
    const boxes = async () => (await screen.findAllByRole('checkbox', { name: /^Pilih label/ })) as HTMLInputElement[];
    fireEvent.click(await screen.findByRole('button', { name: 'Pilih yang belum tercetak' }));
    expect((await boxes()).map((b) => b.checked)).toEqual([false, true, true]);
    fireEvent.click(screen.getByRole('button', { name: 'Pilih semua' }));
    expect((await boxes()).map((b) => b.checked)).toEqual([true, true, true]);
    fireEvent.click(screen.getByRole('button', { name: 'Pilih yang belum tercetak' }));
    const printer = screen.getByRole('combobox', { name: 'Cetak ke' }) as HTMLSelectElement;
    expect(printer.value).toBe('p-1');
    fireEvent.change(printer, { target: { value: 'p-2' } });
    fireEvent.click(screen.getByRole('button', { name: /^Cetak ulang 2/ }));
    const dialog = screen.getByRole('dialog');
    expect(dialog.textContent).toContain('Di printer Meja 2.');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Ya, cetak ulang' }));
    await waitFor(() => expect(callsTo(station, 'reprintLabels')).toEqual([{ jobId: 'job-2', indexes: [2, 3], printerId: 'p-2' }]));
  });
});

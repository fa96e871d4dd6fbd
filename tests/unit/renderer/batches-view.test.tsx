import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { BatchesView } from '../../../renderer/src/features/batches/batches-view.tsx';
import { createFakeStation, sampleJob, sampleOrder } from '../../support/fake-station.ts';
import { operatorMessage, OperatorError } from '../../../electron/shared/operator-message.ts';
import { callsTo, renderWithStation } from './render-station.tsx';

const noPreview = () => undefined;

async function rows() {
  return screen.findAllByTestId('batch-row');
}

describe('Batches view', () => {
  it('lists batches newest first and makes the never-printed ones stand out', async () => {
    const station = createFakeStation();
    station.data.batches.reverse();
    await renderWithStation(<BatchesView onPreview={noPreview} />, { station });
    const [first, second] = await rows();
    expect(first?.dataset.processed).toBe('2022-09-02 16:11:21');
    expect(within(first as HTMLElement).getByText('Never printed')).toBeTruthy();
    expect(within(first as HTMLElement).getByRole('button', { name: 'Print' })).toBeTruthy();
    expect(within(second as HTMLElement).getByText('once')).toBeTruthy();
    expect(within(second as HTMLElement).getByRole('button', { name: 'Reprint' })).toBeTruthy();
  });

  it('shows a batch another station of the pool prints as printed there, with its printer, and no actions on its job', async () => {
    const station = createFakeStation();
    const first = station.data.batches[0];
    if (!first) throw new Error('a sample batch expected');
    first.job = sampleJob({ id: 'pool:meja-2:7', state: 'printing', confirmedLabels: 1, station: 'meja-2', printerName: 'Gudang 2', printerId: 'pool:meja-2' });
    await renderWithStation(<BatchesView onPreview={noPreview} />, { station });
    const [row] = await rows();
    expect(within(row as HTMLElement).getByText('Printed at meja-2')).toBeTruthy();
    expect(within(row as HTMLElement).queryByText('Never printed')).toBeNull();
    expect(within(row as HTMLElement).getByText('Gudang 2 at station meja-2')).toBeTruthy();
    expect(within(row as HTMLElement).queryByRole('button', { name: 'Cancel' })).toBeNull();
    expect(within(row as HTMLElement).getByRole('button', { name: 'Print' }).hasAttribute('disabled')).toBe(true);
  });

  it('prints a batch and follows its job live to done', async () => {
    const station = createFakeStation();
    station.data.orders = [sampleOrder()];
    await renderWithStation(<BatchesView onPreview={noPreview} />, { station });
    const [first] = await rows();
    fireEvent.click(within(first as HTMLElement).getByRole('button', { name: 'Print' }));
    await waitFor(() => expect(callsTo(station, 'printBatch')).toEqual([{ processed: '2022-09-02 16:11:21' }]));
    await screen.findByText('Queued');
    expect(within(first as HTMLElement).getByRole('button', { name: 'Print' }).hasAttribute('disabled')).toBe(true);

    act(() => station.emit('job', sampleJob({ id: 'job-1', state: 'printing', confirmedLabels: 2, targetPrintStatus: 1 })));
    expect(within(first as HTMLElement).getByText('2/3')).toBeTruthy();
    expect(within(first as HTMLElement).getByText('Printing')).toBeTruthy();
    expect(within(first as HTMLElement).getByText('once')).toBeTruthy();

    act(() => station.emit('job', sampleJob({ id: 'job-1', state: 'done', confirmedLabels: 3 })));
    expect(within(first as HTMLElement).getByText('Done')).toBeTruthy();
    expect(within(first as HTMLElement).getByText('3/3')).toBeTruthy();
  });

  it('shows why a job waits', async () => {
    const { station } = await renderWithStation(<BatchesView onPreview={noPreview} />);
    await rows();
    const reasonText = operatorMessage('printer-paper-out', { printer: 'Gudang 1' }, 'Printer escpos://10.0.0.9:9100 cannot print: it is out of paper.');
    act(() => station.emit('job', sampleJob({ state: 'waiting', reason: 'Printer escpos://10.0.0.9:9100 cannot print: it is out of paper.', reasonText })));
    expect(await screen.findByText('Gudang 1 is out of labels: load a new roll')).toBeTruthy();
    expect(screen.getByText('Waiting')).toBeTruthy();
    // The adapter's own words only behind the toggle.
    expect(screen.queryByText(/escpos:\/\//)).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Detail' }));
    expect(screen.getByText(/escpos:\/\/10.0.0.9:9100 cannot print/)).toBeTruthy();
  });

  it('asks before a reprint, and Cancel prints nothing', async () => {
    const { station } = await renderWithStation(<BatchesView onPreview={noPreview} />);
    const [, second] = await rows();
    fireEvent.click(within(second as HTMLElement).getByRole('button', { name: 'Reprint' }));
    const dialog = screen.getByRole('dialog', { name: 'Reprint this batch?' });
    expect(document.activeElement?.textContent).toBe('Cancel');
    fireEvent.keyDown(document.activeElement as Element, { key: 'Tab', shiftKey: true });
    expect(document.activeElement?.textContent).toBe('Yes, reprint');
    fireEvent.keyDown(document.activeElement as Element, { key: 'Tab' });
    expect(document.activeElement?.textContent).toBe('Cancel');
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();

    fireEvent.click(within(second as HTMLElement).getByRole('button', { name: 'Reprint' }));
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(callsTo(station, 'reprintBatch')).toEqual([]);

    fireEvent.click(within(second as HTMLElement).getByRole('button', { name: 'Reprint' }));
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Yes, reprint' }));
    await waitFor(() => expect(callsTo(station, 'reprintBatch')).toEqual([{ processed: '2022-09-01 09:00:00', confirmed: true }]));
  });

  it('shows a new batch the core reports without a reload', async () => {
    const { station } = await renderWithStation(<BatchesView onPreview={noPreview} />);
    await rows();
    act(() => station.emit('batches', [{ processed: '2022-09-03 08:00:00', totalLabels: 7, printStatus: 0, job: null, packed: 0 }, ...station.data.batches]));
    const [first] = await rows();
    expect(first?.dataset.processed).toBe('2022-09-03 08:00:00');
    expect(callsTo(station, 'listBatches')).toHaveLength(1);
  });

  it('opens a batch to its orders, flags a missing AWB and shows HTML in a note as text', async () => {
    const station = createFakeStation();
    station.data.orders[0] = sampleOrder({ customerNote: '<img src=x onerror="alert(1)"><b>fragile</b>' });
    await renderWithStation(<BatchesView onPreview={noPreview} />, { station });
    const [first] = await rows();
    fireEvent.click(within(first as HTMLElement).getByRole('button', { name: /2022/ }));
    const table = await screen.findByRole('table', { name: /Orders in batch/ });
    expect(within(table).getByText('INV/2022/09/0001')).toBeTruthy();
    expect(within(table).getByText('No AWB')).toBeTruthy();
    expect(within(table).getByText('<img src=x onerror="alert(1)"><b>fragile</b>')).toBeTruthy();
    expect(table.querySelector('img, b')).toBeNull();
  });

  it('says plainly when printing cannot start', async () => {
    const station = createFakeStation();
    station.data.orders = [sampleOrder()];
    station.printBatch = async () => {
      throw new OperatorError(operatorMessage('no-printer', {}), 'no printer is set up yet: add one in Printers');
    };
    await renderWithStation(<BatchesView onPreview={noPreview} />, { station });
    const [first] = await rows();
    fireEvent.click(within(first as HTMLElement).getByRole('button', { name: 'Print' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Printing could not start: No printer is set up yet: add one in Settings');
  });

  it('warns before printing a batch with orders without an AWB, and prints only when told to', async () => {
    const { station } = await renderWithStation(<BatchesView onPreview={noPreview} />);
    const [first] = await rows();
    fireEvent.click(within(first as HTMLElement).getByRole('button', { name: 'Print' }));
    const dialog = await screen.findByRole('dialog', { name: 'Orders without an AWB' });
    expect(dialog.textContent).toContain('1 of the 3 orders');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(callsTo(station, 'printBatch')).toEqual([]);

    fireEvent.click(within(first as HTMLElement).getByRole('button', { name: 'Print' }));
    fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Print anyway' }));
    await waitFor(() => expect(callsTo(station, 'printBatch')).toEqual([{ processed: '2022-09-02 16:11:21' }]));
  });

  it('shows a batch its parcels per courier and its pick list, summed', async () => {
    const station = createFakeStation();
    const kaos = { productId: 'k', productName: 'Kaos Hitam L', qty: 2, productPrice: 50000, totalPrice: 100000 };
    station.data.orders = [
      sampleOrder({ courierName: 'J&T', items: [kaos] }),
      sampleOrder({ orderId: 'o-2', courierName: 'J&T', items: [{ ...kaos, qty: 3 }] }),
      sampleOrder({ orderId: 'o-3', courierName: 'SPX', awb: null, items: [{ ...kaos, productId: 'g', productName: 'Gula Aren', qty: 1 }] }),
    ];
    await renderWithStation(<BatchesView onPreview={noPreview} />, { station, language: 'id' });
    const [first] = await rows();
    fireEvent.click(within(first as HTMLElement).getByRole('button', { expanded: false }));
    expect((await screen.findByLabelText('Paket per kurir')).textContent).toBe('J&T 2 · tanpa AWB 1');
    fireEvent.click(screen.getByRole('button', { name: 'Daftar ambil' }));
    const list = await screen.findByRole('region', { name: 'Daftar ambil' });
    const lines = within(list).getAllByRole('row').slice(1).map((row) => row.textContent);
    expect(lines).toEqual(['Gula Aren11', 'Kaos Hitam L52']);
    // jsdom cannot navigate: catch the download the browser would start.
    const downloads: string[] = [];
    URL.createObjectURL = vi.fn(() => 'blob:pick-list');
    URL.revokeObjectURL = vi.fn();
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      downloads.push(`${this.href} ${this.download}`);
    });
    fireEvent.click(within(list).getByRole('button', { name: 'PDF 80 mm' }));
    await waitFor(() => expect(downloads).toEqual(['blob:pick-list daftar-ambil-20220902161121-80mm.pdf']));
    expect(callsTo(station, 'renderPickList')).toEqual([{ processed: ['2022-09-02 16:11:21'], template: '80mm', language: 'id' }]);
    click.mockRestore();
  });

  it('prints every new batch at once, oldest first, after one question', async () => {
    const station = createFakeStation();
    station.data.batches.push({ processed: '2022-08-30 08:00:00', totalLabels: 4, printStatus: 0, job: null, packed: 0 });
    await renderWithStation(<BatchesView onPreview={noPreview} />, { station });
    await rows();
    fireEvent.click(screen.getByRole('button', { name: 'Print all new (2 batches · 7 labels)' }));
    fireEvent.click(within(screen.getByRole('dialog', { name: 'Print every new batch?' })).getByRole('button', { name: 'Yes, print them all' }));
    await waitFor(() => expect(callsTo(station, 'printBatch')).toEqual([{ processed: '2022-08-30 08:00:00' }, { processed: '2022-09-02 16:11:21' }]));
    await waitFor(() => expect(screen.queryByRole('button', { name: /Print all new/ })).toBeNull());
  });

  it('counts one new batch of one label in the singular', async () => {
    const station = createFakeStation();
    station.data.batches = [{ processed: '2022-08-30 08:00:00', totalLabels: 1, printStatus: 0, job: null, packed: 0 }];
    await renderWithStation(<BatchesView onPreview={noPreview} />, { station });
    await rows();
    fireEvent.click(screen.getByRole('button', { name: 'Print all new (1 batch · 1 label)' }));
    const dialog = screen.getByRole('dialog', { name: 'Print every new batch?' });
    expect(within(dialog).getByText('The 1 batch never printed (1 label) goes to the chosen printer.')).toBeTruthy();
  });

  it('says no batch matches a search that finds nothing, not that there are no batches', async () => {
    await renderWithStation(<BatchesView onPreview={noPreview} />);
    await rows();
    fireEvent.change(screen.getByRole('searchbox'), { target: { value: 'JP999' } });
    expect(await screen.findByText('No batch matches “JP999”.')).toBeTruthy();
  });

  it('searches with q', async () => {
    const { station } = await renderWithStation(<BatchesView onPreview={noPreview} />);
    await rows();
    fireEvent.change(screen.getByRole('searchbox'), { target: { value: '09-01' } });
    await waitFor(() => expect(callsTo(station, 'listBatches')).toContainEqual({ q: '09-01' }));
    await waitFor(async () => expect(await rows()).toHaveLength(1));
  });

  it('offers Print what arrived only for a job held on a short or long answer, with the numbers', async () => {
    const station = createFakeStation();
    const held = sampleJob({ id: 'job-7', processed: '2022-09-02 16:11:21', state: 'failed', reason: 'print_order sent 3 of the 5 orders', heldAnswer: { expected: 5, received: 3 } });
    const other = sampleJob({ id: 'job-8', processed: '2022-09-01 09:00:00', state: 'failed', reason: 'the server failed', heldAnswer: null });
    station.data.jobs = [held, other];
    station.data.batches = station.data.batches.map((b) => (b.processed === held.processed ? { ...b, job: held } : b.processed === other.processed ? { ...b, job: other } : b));
    await renderWithStation(<BatchesView onPreview={noPreview} />, { station });
    expect(await rows()).toHaveLength(2);
    expect(screen.getAllByRole('button', { name: 'Retry now' })).toHaveLength(2);
    expect(screen.getAllByRole('button', { name: /that arrived/ })).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: 'Print the 3 that arrived (of 5)' }));
    await waitFor(() => expect(callsTo(station, 'printReceivedOrders')).toEqual([{ jobId: 'job-7' }]));
  });

  it('retries a failed job now, and cancels it only after confirmation', async () => {
    const station = createFakeStation();
    const failed = sampleJob({ id: 'job-9', processed: '2022-09-02 16:11:21', state: 'failed', reason: 'Batch 2022-09-02 16:11:21 no longer exists on the server' });
    station.data.jobs = [failed];
    station.data.batches = station.data.batches.map((b) => (b.processed === failed.processed ? { ...b, job: failed } : b));
    await renderWithStation(<BatchesView onPreview={noPreview} />, { station });
    const [first] = await rows();
    const row = within(first as HTMLElement);
    fireEvent.click(row.getByRole('button', { name: 'Retry now' }));
    await waitFor(() => expect(callsTo(station, 'retryJob')).toEqual([{ jobId: 'job-9' }]));
    expect(await row.findByText('Queued')).toBeTruthy();

    fireEvent.click(row.getByRole('button', { name: 'Cancel job' }));
    const dialog = screen.getByRole('dialog', { name: 'Cancel this print job?' });
    expect(dialog.textContent).toContain('0 of 3 labels are printed');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(callsTo(station, 'cancelJob')).toEqual([]);

    fireEvent.click(row.getByRole('button', { name: 'Cancel job' }));
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Yes, cancel the job' }));
    await waitFor(() => expect(callsTo(station, 'cancelJob')).toEqual([{ jobId: 'job-9' }]));
    expect(await row.findByText('Cancelled')).toBeTruthy();
    expect(row.queryByRole('button', { name: 'Cancel job' })).toBeNull();
    expect(row.queryByRole('button', { name: 'Retry now' })).toBeNull();
  });

  it('offers no Cancel for a job that is printing, and says why an action was refused', async () => {
    const station = createFakeStation();
    station.cancelJob = async () => {
      throw new OperatorError(operatorMessage('job-printing', { job: 'job-3' }), 'job job-3 is printing now: wait for it to finish or fail, then cancel it');
    };
    await renderWithStation(<BatchesView onPreview={noPreview} />, { station });
    const [first] = await rows();
    const row = within(first as HTMLElement);
    act(() => station.emit('job', sampleJob({ id: 'job-3', state: 'printing', confirmedLabels: 1 })));
    expect(row.queryByRole('button', { name: 'Cancel job' })).toBeNull();
    // Claimed and queued behind another job on its printer: it can still be given up.
    act(() => station.emit('job', sampleJob({ id: 'job-3', state: 'claimed' })));
    expect(row.getByRole('button', { name: 'Cancel job' })).toBeTruthy();
    act(() => station.emit('job', sampleJob({ id: 'job-3', state: 'waiting', reason: 'printer offline' })));
    // Waiting for its printer: trying now (the printer is back) is its one primary action.
    expect(row.getByRole('button', { name: 'Retry now' }).className).toBe('primary');
    fireEvent.click(row.getByRole('button', { name: 'Cancel job' }));
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Yes, cancel the job' }));
    expect((await screen.findByRole('alert')).textContent).toBe('The job could not be changed: Job job-3 is printing now: wait for it to finish or fail');
  });

  it('keeps a batch marked until every label is on paper, apart from the server\'s count, with Retry as its action', async () => {
    const { station } = await renderWithStation(<BatchesView onPreview={noPreview} />);
    const [, second] = await rows();
    const row = within(second as HTMLElement);
    act(() => station.emit('job', sampleJob({ id: 'job-9', processed: '2022-09-01 09:00:00', kind: 'reprint', state: 'failed', totalLabels: 4, confirmedLabels: 0, targetPrintStatus: 1, reason: 'printer offline' })));
    expect(row.getByText('once')).toBeTruthy();
    expect(row.getByText('Not all on paper: 0/4')).toBeTruthy();
    expect((second as HTMLElement).className).toBe('never-printed');
    expect(row.queryByRole('button', { name: 'Reprint' })).toBeNull();
    expect(row.getByRole('button', { name: 'Retry now' }).className).toBe('primary');

    act(() => station.emit('job', sampleJob({ id: 'job-9', processed: '2022-09-01 09:00:00', kind: 'reprint', state: 'done', totalLabels: 4, confirmedLabels: 4, targetPrintStatus: 1 })));
    expect(row.queryByText(/Not all on paper/)).toBeNull();
    expect((second as HTMLElement).className).toBe('');
    expect(row.getByRole('button', { name: 'Reprint' })).toBeTruthy();
  });
});

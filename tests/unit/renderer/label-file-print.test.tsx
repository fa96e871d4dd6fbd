import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { BatchesView } from '../../../renderer/src/features/batches/batches-view.tsx';
import { HistoryView } from '../../../renderer/src/features/history/history-view.tsx';
import { createFakeStation, sampleJob } from '../../support/fake-station.ts';
import { callsTo, renderWithStation } from './render-station.tsx';

describe('Print label file', () => {
  it('previews every label the picked file gives, then prints it as one job', async () => {
    const { station } = await renderWithStation(<BatchesView onPreview={() => undefined} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Print label file' }));
    const file = new File([new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d])], 'shopee.pdf', { type: 'application/pdf' });
    fireEvent.change(screen.getByLabelText('Choose file'), { target: { files: [file] } });
    expect(await screen.findByText('shopee.pdf gives 2 labels:')).toBeTruthy();
    expect(screen.getAllByRole('img').map((img) => img.getAttribute('alt'))).toEqual(['shopee.pdf #1', 'shopee.pdf #2']);
    expect(callsTo(station, 'previewLabelFile')).toEqual([{ fileName: 'shopee.pdf', dataBase64: 'JVBERi0=', layout: 'auto', template: '100x150' }]);

    fireEvent.change(screen.getByRole('combobox', { name: 'Labels per page' }), { target: { value: 'a4-4up' } });
    await waitFor(() => expect(callsTo(station, 'previewLabelFile')).toHaveLength(2));
    fireEvent.click(await screen.findByRole('button', { name: 'Print 2 labels' }));
    await waitFor(() => expect(callsTo(station, 'printLabelFile')).toEqual([{ fileName: 'shopee.pdf', dataBase64: 'JVBERi0=', layout: 'a4-4up' }]));
  });
});

describe('History of a job held for a missing supplied label', () => {
  it('shows which labels are supplied and offers to print our own label for them', async () => {
    const station = createFakeStation();
    station.data.jobs = [sampleJob({ id: 'job-9', state: 'failed', totalLabels: 2, confirmedLabels: 0, reason: '1 supplied label(s) could not be fetched' })];
    const [first, second] = station.data.orders;
    if (!first || !second) throw new Error('the fake station has no orders');
    station.data.orders = [first, { ...second, labelImage: 'https://labels.example/2.pdf' }, ...station.data.orders.slice(2)];
    await renderWithStation(<HistoryView />, { station });
    const [job] = await screen.findAllByRole('button', { pressed: false });
    fireEvent.click(job as HTMLElement);
    expect(await screen.findByText('Supplied label missing')).toBeTruthy();
    expect(screen.getByText('Ours')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Print our own label for these' }));
    await waitFor(() => expect(callsTo(station, 'printOwnLabels')).toEqual([{ jobId: 'job-9' }]));
  });
});

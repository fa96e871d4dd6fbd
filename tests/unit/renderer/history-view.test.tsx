import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { HistoryView } from '../../../renderer/src/features/history/history-view.tsx';
import { createFakeStation, sampleJob } from '../../support/fake-station.ts';
import { callsTo, renderWithStation } from './render-station.tsx';

function stationWithJobs() {
  const station = createFakeStation();
  station.data.jobs = [
    sampleJob({ id: 'job-2', state: 'failed', totalLabels: 2, confirmedLabels: 1, reason: 'printer offline' }),
    sampleJob({ id: 'job-1', state: 'done', totalLabels: 2, confirmedLabels: 2, processed: '2022-09-01 09:00:00' }),
  ];
  return station;
}

describe('History view', () => {
  it('lists jobs and filters them by state', async () => {
    const { station } = await renderWithStation(<HistoryView />, { station: stationWithJobs() });
    const jobButtons = () => screen.queryAllByRole('button', { pressed: false });
    await waitFor(() => expect(jobButtons()).toHaveLength(2));
    expect(screen.getByText('1/2').closest('tr')?.textContent).toContain('Failed');
    fireEvent.change(screen.getByRole('combobox', { name: 'State' }), { target: { value: 'done' } });
    await waitFor(() => expect(callsTo(station, 'listJobs')).toContainEqual({ state: 'done' }));
    await waitFor(() => expect(jobButtons()).toHaveLength(1));
    expect(screen.getByText('2/2').closest('tr')?.textContent).toContain('Done');
  });

  it('reprints the chosen labels of a job after confirmation', async () => {
    const { station } = await renderWithStation(<HistoryView />, { station: stationWithJobs() });
    const [firstJob] = await screen.findAllByRole('button', { pressed: false });
    fireEvent.click(firstJob as HTMLElement);
    const reprint = await screen.findByRole('button', { name: 'Reprint 0 chosen labels' });
    expect(reprint.hasAttribute('disabled')).toBe(true);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Choose label 2 (INV/2022/09/0002)' }));
    fireEvent.click(screen.getByRole('button', { name: 'Reprint 1 chosen label' }));
    const dialog = screen.getByRole('dialog', { name: 'Reprint the chosen labels?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Yes, reprint' }));
    // Unless another is chosen, the labels go to the job's own printer.
    await waitFor(() => expect(callsTo(station, 'reprintLabels')).toEqual([{ jobId: 'job-2', indexes: [2], printerId: 'p-1' }]));
    expect(await screen.findByText('Reprint started.')).toBeTruthy();
  });

  it('shows another station\'s job of the pool with its station and printer, and offers no actions for it', async () => {
    const station = stationWithJobs();
    station.data.jobs = [...station.data.jobs, sampleJob({ id: 'pool:desk-b:7', state: 'done', totalLabels: 3, confirmedLabels: 3, printerName: 'Gudang TSPL', station: 'desk-b' })];
    await renderWithStation(<HistoryView />, { station, language: 'id' });
    const row = within((await screen.findByText('Gudang TSPL di stasiun desk-b')).closest('tr') as HTMLElement);
    expect(row.queryAllByRole('button')).toEqual([]);
    expect(screen.queryAllByRole('button', { pressed: false })).toHaveLength(2);
  });

  it('filters the journal events by level', async () => {
    const { station } = await renderWithStation(<HistoryView />, { station: stationWithJobs() });
    fireEvent.change(await screen.findByRole('combobox', { name: 'Level' }), { target: { value: 'error' } });
    await waitFor(() => expect(callsTo(station, 'listEvents')).toContainEqual({ level: 'error', limit: 200 }));
  });

  it('cancels a failed job from its row after confirmation and shows it cancelled, in Indonesian too', async () => {
    const { station } = await renderWithStation(<HistoryView />, { station: stationWithJobs(), language: 'id' });
    const row = within((await screen.findByText('1/2')).closest('tr') as HTMLElement);
    expect(row.getByRole('button', { name: 'Coba lagi sekarang' })).toBeTruthy();
    expect(within(screen.getByText('2/2').closest('tr') as HTMLElement).queryByRole('button', { name: 'Batalkan' })).toBeNull();
    fireEvent.click(row.getByRole('button', { name: 'Batalkan' }));
    const dialog = screen.getByRole('dialog', { name: 'Batalkan pekerjaan cetak ini?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Ya, batalkan' }));
    await waitFor(() => expect(callsTo(station, 'cancelJob')).toEqual([{ jobId: 'job-2' }]));
    expect(await row.findByText('Dibatalkan')).toBeTruthy();
    expect(row.queryByRole('button', { name: 'Batalkan' })).toBeNull();
  });

  it('retries a failed job now', async () => {
    const { station } = await renderWithStation(<HistoryView />, { station: stationWithJobs() });
    const row = within((await screen.findByText('1/2')).closest('tr') as HTMLElement);
    fireEvent.click(row.getByRole('button', { name: 'Retry now' }));
    await waitFor(() => expect(callsTo(station, 'retryJob')).toEqual([{ jobId: 'job-2' }]));
    expect(await row.findByText('Queued')).toBeTruthy();
  });
});

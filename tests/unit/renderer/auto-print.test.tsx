import { operatorMessage } from '../../../electron/shared/operator-message.ts';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { App } from '../../../renderer/src/app.tsx';
import { formatSince } from '../../../renderer/src/features/auto-print/auto-print-badge.tsx';
import { BatchesView } from '../../../renderer/src/features/batches/batches-view.tsx';
import { createFakeStation, sampleJob } from '../../support/fake-station.ts';
import { callsTo, renderWithStation } from './render-station.tsx';

const hhmm = (iso: string) => {
  const at = new Date(iso);
  return `${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}`;
};

describe('Auto-print, unmistakable', () => {
  it('asks before switching on, saying what it prints and to which printer; Batal leaves it off', async () => {
    const { station } = await renderWithStation(<App />, { language: 'id' });
    const toggle = await screen.findByRole('switch', { name: 'Cetak otomatis' });
    toggle.focus();
    fireEvent.click(toggle);
    const dialog = await screen.findByRole('dialog', { name: 'Nyalakan cetak otomatis?' });
    expect(dialog.textContent).toContain('setiap batch yang diproses mulai sekarang, otomatis, ke printer utama Gudang 1');
    // The fake's one never-printed batch is earlier than now: it is named as not printed.
    expect(dialog.textContent).toContain('sebelum sekarang (1 belum pernah dicetak: cetak sendiri), dan cetak ulang');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Batal' }));
    expect(callsTo(station, 'setAutoPrint')).toEqual([]);
    expect((toggle as HTMLInputElement).checked).toBe(false);
    expect(screen.queryByTestId('auto-print-on')).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(toggle));
  });

  it('once on, the header says so with the time it was switched on', async () => {
    const { station } = await renderWithStation(<App />, { language: 'id' });
    fireEvent.click(await screen.findByRole('switch', { name: 'Cetak otomatis' }));
    fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Ya, nyalakan' }));
    await waitFor(() => expect(callsTo(station, 'setAutoPrint')).toEqual([{ enabled: true }]));
    const since = station.data.state.autoPrint.since ?? '';
    expect(await screen.findByTestId('auto-print-on')).toHaveProperty('textContent', `CETAK OTOMATIS AKTIF sejak ${hhmm(since)}`);
    fireEvent.click(screen.getByRole('switch', { name: 'Cetak otomatis' }));
    await waitFor(() => expect(screen.queryByTestId('auto-print-on')).toBeNull());
    expect(callsTo(station, 'setAutoPrint')).toEqual([{ enabled: true }, { enabled: false }]);
  });

  it('stays off and says why when the question cannot be put together (the station does not answer)', async () => {
    const station = createFakeStation();
    station.listBatches = async () => {
      throw new Error('the link to the station is down');
    };
    await renderWithStation(<App />, { station, language: 'id' });
    fireEvent.click(await screen.findByRole('switch', { name: 'Cetak otomatis' }));
    // A failure without a code reads as the generic words; its own English waits behind Detail.
    await waitFor(() => expect(screen.getAllByRole('alert').some((a) => a.textContent?.includes('Terjadi kesalahan tak terduga'))).toBe(true));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(callsTo(station, 'setAutoPrint')).toEqual([]);
  });

  it('names the day too when it was switched on before today', () => {
    const since = new Date(2026, 11, 3, 22, 28).toISOString();
    expect(formatSince(since, 'id', new Date(2026, 11, 3, 23, 0))).toBe('22:28');
    expect(formatSince(since, 'id', new Date(2026, 11, 4, 9, 0))).toBe('3 Des 22:28');
  });

  it('switched on again, asks about the batches that came in while it was off and prints them when told', async () => {
    const station = createFakeStation();
    station.data.state = { ...station.data.state, autoPrint: { enabled: false, cutoff: '2022-09-02 00:00:00', since: null } };
    await renderWithStation(<App />, { station, language: 'id' });
    fireEvent.click(await screen.findByRole('switch', { name: 'Cetak otomatis' }));
    const dialog = await screen.findByRole('dialog', { name: 'Nyalakan cetak otomatis?' });
    expect(within(dialog).getByRole('note').textContent).toBe('1 batch baru masuk selama mati (3 label): cetak juga?');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Nyalakan dan cetak juga' }));
    await waitFor(() => expect(callsTo(station, 'setAutoPrint')).toEqual([{ enabled: true, cutoff: '2022-09-02 00:00:00' }]));
  });

  it('switched on again, can leave those batches to the operator instead: from now only', async () => {
    const station = createFakeStation();
    station.data.state = { ...station.data.state, autoPrint: { enabled: false, cutoff: '2022-09-02 00:00:00', since: null } };
    await renderWithStation(<App />, { station, language: 'id' });
    fireEvent.click(await screen.findByRole('switch', { name: 'Cetak otomatis' }));
    fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Nyalakan, mulai sekarang saja' }));
    await waitFor(() => expect(callsTo(station, 'setAutoPrint')).toEqual([{ enabled: true }]));
  });

  it('tags rows it printed and marks those it skipped, from the journal and as they happen', async () => {
    const station = createFakeStation();
    const [fresh, printed] = station.data.batches;
    if (!fresh || !printed) throw new Error('fake batches');
    printed.job = sampleJob({ kind: 'auto-print', state: 'done', processed: printed.processed, totalLabels: 2, confirmedLabels: 2 });
    station.data.batches.push({ processed: '2022-08-30 08:00:00', totalLabels: 1, printStatus: 0, job: null, packed: 0 });
    station.data.events = [{ id: 1, at: '2026-01-01T00:00:00.000Z', level: 'warn', kind: 'auto-print-skipped', message: 'before the cutoff', text: operatorMessage('ev-auto-print-skipped', { cutoff: '2022-09-01 00:00:00' }), jobId: null, processed: '2022-08-30 08:00:00' }];
    await renderWithStation(<BatchesView onPreview={() => undefined} autoPrint={{ enabled: true, cutoff: '2022-09-01 00:00:00' }} />, { station, language: 'id' });
    const rowOf = async (processed: string) => within((await screen.findAllByTestId('batch-row')).find((r) => r.dataset.processed === processed) as HTMLElement);
    expect((await rowOf(printed.processed)).getByText('Dicetak otomatis')).toBeTruthy();
    expect(await (await rowOf('2022-08-30 08:00:00')).findByText('Dilewati cetak otomatis')).toBeTruthy();
    // At or after the cutoff, never printed: auto-print will take it, so no mark.
    expect((await rowOf(fresh.processed)).queryByText(/otomatis/)).toBeNull();

    act(() => station.emit('journal', { id: 2, at: '2026-01-01T00:01:00.000Z', level: 'warn', kind: 'auto-print-skipped', message: 'clocks disagree', text: operatorMessage('ev-auto-print-skipped', { cutoff: '2022-09-01 00:00:00' }), jobId: null, processed: fresh.processed }));
    expect(await (await rowOf(fresh.processed)).findByText('Dilewati cetak otomatis')).toBeTruthy();
  });

  it('with auto-print off, marks nothing as skipped by it', async () => {
    const station = createFakeStation();
    station.data.batches.push({ processed: '2022-08-30 08:00:00', totalLabels: 1, printStatus: 0, job: null, packed: 0 });
    await renderWithStation(<BatchesView onPreview={() => undefined} autoPrint={{ enabled: false, cutoff: '2022-09-01 00:00:00' }} />, { station, language: 'id' });
    await screen.findAllByTestId('batch-row');
    expect(screen.queryByText('Dilewati cetak otomatis')).toBeNull();
  });
});

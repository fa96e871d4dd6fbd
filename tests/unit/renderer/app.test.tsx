import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { App } from '../../../renderer/src/app.tsx';
import { StatusBar } from '../../../renderer/src/features/dashboard/status-bar.tsx';
import { operatorMessage } from '../../../electron/shared/operator-message.ts';
import { createFakeStation, sampleAlert } from '../../support/fake-station.ts';
import { callsTo, renderWithStation } from './render-station.tsx';

/** A station whose operator chose English, so the app does not switch back to the default. */
function englishStation() {
  const station = createFakeStation();
  station.data.settings = { ...station.data.settings, language: 'en' };
  return station;
}

const alert = sampleAlert({ id: 'a-1', kind: 'token-rejected', message: 'The order server rejected the API token (401)', text: operatorMessage('token-rejected', { status: 401 }), printerId: null });

describe('App shell', () => {
  it('speaks Bahasa Indonesia first and switches to English, saving the choice', async () => {
    const { station } = await renderWithStation(<App />, { language: 'id' });
    expect(await screen.findByRole('heading', { name: 'Batch cetak' })).toBeTruthy();
    fireEvent.change(screen.getByRole('combobox', { name: 'Bahasa tampilan' }), { target: { value: 'en' } });
    expect(await screen.findByRole('heading', { name: 'Print batches' })).toBeTruthy();
    await waitFor(() => expect(callsTo(station, 'updateSettings')).toContainEqual({ language: 'en' }));
  });

  it('banners demo mode', async () => {
    const station = englishStation();
    station.data.state = { ...station.data.state, demo: true };
    await renderWithStation(<App />, { station });
    expect((await screen.findByRole('note')).textContent).toContain('DEMO MODE');
  });

  it('raises alerts as they come and lets the operator dismiss them', async () => {
    const { station } = await renderWithStation(<App />, { station: englishStation() });
    await screen.findByRole('heading', { name: 'Print batches' });
    station.data.alerts = [alert];
    act(() => station.emit('alert', alert));
    const banner = await screen.findByText('The server rejected the API token: paste a new token in Settings');
    expect(banner.closest('[data-testid="alert"]')?.textContent).toContain('Token rejected by the server');
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss alert: Token rejected by the server' }));
    await waitFor(() => expect(screen.queryByText('The server rejected the API token: paste a new token in Settings')).toBeNull());
    expect(callsTo(station, 'dismissAlert')).toEqual([{ id: 'a-1' }]);
  });

  it('beeps for a live alert when the alert sound is on, and stays silent when it is off', async () => {
    const started: number[] = [];
    class FakeAudioContext {
      currentTime = 0;
      destination = {};
      createOscillator() {
        return { frequency: { value: 0 }, connect: (node: unknown) => node, start: (at: number) => started.push(at), stop: () => undefined };
      }
      createGain() {
        return { gain: { setValueAtTime: () => undefined, exponentialRampToValueAtTime: () => undefined }, connect: (node: unknown) => node };
      }
    }
    const station = englishStation();
    station.data.settings = { ...station.data.settings, alertSound: true };
    await renderWithStation(<App audio={FakeAudioContext as unknown as new () => AudioContext} />, { station });
    await screen.findByRole('heading', { name: 'Print batches' });
    await waitFor(() => expect(callsTo(station, 'getSettings')).not.toHaveLength(0));
    act(() => station.emit('alert', alert));
    expect(started).toEqual([0, 0.18]);

    fireEvent.click(screen.getByRole('button', { name: 'Settings' }));
    const sound = await screen.findByRole('checkbox', { name: 'Sound on alerts' });
    expect((sound as HTMLInputElement).checked).toBe(true);
    fireEvent.click(sound);
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Saved. In effect now.');
    act(() => station.emit('alert', { ...alert, id: 'a-2' }));
    expect(started).toHaveLength(2);
  });

  it('reloads what it shows when the live link comes back, since events may have been missed', async () => {
    const { station, link } = await renderWithStation(<App />, { station: englishStation() });
    await screen.findAllByTestId('batch-row');
    const loads = callsTo(station, 'listBatches').length;
    act(() => link.set('down'));
    expect(screen.getByText('Lost the link to the station')).toBeTruthy();
    station.data.batches.unshift({ processed: '2022-09-05 10:00:00', totalLabels: 1, printStatus: 0, job: null, packed: 0 });
    act(() => link.set('up'));
    await waitFor(() => expect(callsTo(station, 'listBatches').length).toBeGreaterThan(loads));
    expect((await screen.findAllByTestId('batch-row'))[0]?.dataset.processed).toBe('2022-09-05 10:00:00');
    expect(screen.queryByText('Lost the link to the station')).toBeNull();
  });

  it('moves between views with real buttons', async () => {
    await renderWithStation(<App />, { station: englishStation() });
    fireEvent.click(await screen.findByRole('button', { name: 'Settings' }));
    expect(await screen.findByRole('heading', { name: 'Settings' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Settings' }).getAttribute('aria-current')).toBe('page');
  });
});

describe('Status bar', () => {
  it('shows the counts, the connection, each printer and toggles auto-print', async () => {
    const station = createFakeStation();
    const states: unknown[] = [];
    await renderWithStation(<StatusBar state={station.data.state} onState={(s) => states.push(s)} />, { station });
    const bar = screen.getByRole('contentinfo');
    await waitFor(() => expect(within(bar).getByTestId('printer-state').textContent).toBe('Gudang 1 Ready'));
    expect(within(bar).getByLabelText('Orders per status').textContent).toBe('New 4Processed 5Sent 6Draft 1');
    expect(within(bar).getByText('API connected')).toBeTruthy();
    fireEvent.click(within(bar).getByRole('switch', { name: 'Auto-print' }));
    fireEvent.click(within(await screen.findByRole('dialog', { name: 'Switch auto-print on?' })).getByRole('button', { name: 'Yes, switch on' }));
    await waitFor(() => expect(callsTo(station, 'setAutoPrint')).toEqual([{ enabled: true }]));
    expect(states).toContainEqual(expect.objectContaining({ autoPrint: expect.objectContaining({ enabled: true, cutoff: '2026-01-01 07:00:00' }) }));
  });

  it('says when the live link to the station is lost', async () => {
    const station = createFakeStation();
    const { link } = await renderWithStation(<StatusBar state={station.data.state} onState={() => undefined} />, { station });
    act(() => link.set('down'));
    expect(screen.getByText('Lost the link to the station')).toBeTruthy();
  });
});

import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { operatorMessage } from '../../../electron/shared/operator-message.ts';
import { AlertsBanner } from '../../../renderer/src/features/alerts/alerts-banner.tsx';
import { createFakeStation, sampleAlert } from '../../support/fake-station.ts';
import { renderWithStation } from './render-station.tsx';

describe('Alerts banner', () => {
  it('keeps one line per cause: a repeat updates it in place, with its count and retry time', async () => {
    const onNewAlert = vi.fn();
    const { station } = await renderWithStation(<AlertsBanner onNewAlert={onNewAlert} />, { language: 'id' });
    await waitFor(() => expect(station.calls.some((c) => c.method === 'listAlerts')).toBe(true));
    const first = sampleAlert();
    act(() => station.emit('alert', first));
    expect(await screen.findByText('Gudang 1 tidak terjangkau: pastikan menyala dan tersambung')).toBeTruthy();
    act(() =>
      station.emit('alert', { ...first, text: operatorMessage('printer-paper-out', { printer: 'Gudang 1' }), count: 3, updatedAt: '2026-01-01T00:03:00.000Z', retryAt: '2026-01-01T00:04:00.000Z' }),
    );
    expect(await screen.findByText('Label di Gudang 1 habis: pasang gulungan baru')).toBeTruthy();
    expect(screen.getAllByTestId('alert')).toHaveLength(1);
    expect(screen.getByText('×3')).toBeTruthy();
    expect(screen.getByText(/^coba lagi /)).toBeTruthy();
    // The beep is for a new cause, not for each repeat of it.
    expect(onNewAlert).toHaveBeenCalledTimes(1);
  });

  it('drops an alert when the core clears its cause', async () => {
    const { station } = await renderWithStation(<AlertsBanner onNewAlert={() => undefined} />, { language: 'id' });
    await waitFor(() => expect(station.calls.some((c) => c.method === 'listAlerts')).toBe(true));
    act(() => station.emit('alert', sampleAlert()));
    act(() => station.emit('alert', sampleAlert({ id: 'alert-2', kind: 'api-unreachable', printerId: null, text: operatorMessage('api-unreachable', { call: 'processed_list' }) })));
    await waitFor(() => expect(screen.getAllByTestId('alert')).toHaveLength(2));
    act(() => station.emit('alertsCleared', { ids: ['alert-1'] }));
    await waitFor(() => expect(screen.getAllByTestId('alert')).toHaveLength(1));
    expect(screen.queryByText(/Gudang 1 tidak terjangkau/)).toBeNull();
    act(() => station.emit('alertsCleared', { ids: ['alert-2'] }));
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
  });

  it('shows two alerts and folds the rest into a counter that expands', async () => {
    const station = createFakeStation();
    station.data.alerts = ['a', 'b', 'c', 'd', 'e'].map((id, i) => sampleAlert({ id, printerId: `p-${i}`, text: operatorMessage('printer-offline', { printer: `Meja ${i + 1}` }) }));
    await renderWithStation(<AlertsBanner onNewAlert={() => undefined} />, { station, language: 'id' });
    await waitFor(() => expect(screen.getAllByTestId('alert')).toHaveLength(2));
    fireEvent.click(screen.getByRole('button', { name: '+3 peringatan' }));
    expect(screen.getAllByTestId('alert')).toHaveLength(5);
    fireEvent.click(screen.getByRole('button', { name: 'Tampilkan lebih sedikit' }));
    expect(screen.getAllByTestId('alert')).toHaveLength(2);
  });

  it('keeps the technical detail behind the Detail toggle', async () => {
    const { station } = await renderWithStation(<AlertsBanner onNewAlert={() => undefined} />, { language: 'id' });
    await waitFor(() => expect(station.calls.some((c) => c.method === 'listAlerts')).toBe(true));
    act(() => station.emit('alert', sampleAlert()));
    await screen.findByTestId('alert');
    expect(screen.queryByText(/ECONNREFUSED/)).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Detail' }));
    expect(screen.getByText('connect ECONNREFUSED 127.0.0.1:9100')).toBeTruthy();
  });
});

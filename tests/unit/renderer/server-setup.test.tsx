import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { App } from '../../../renderer/src/app.tsx';
import { SettingsView } from '../../../renderer/src/features/settings/settings-view.tsx';
import { createFakeStation, type FakeStation } from '../../support/fake-station.ts';
import { callsTo, renderWithStation } from './render-station.tsx';

const userId = 'c0ffee00-0000-4000-8000-000000000001';

function demoStation(): FakeStation {
  const station = createFakeStation();
  station.data.state = { ...station.data.state, demo: true };
  station.data.settings = { ...station.data.settings, apiBaseUrl: 'http://127.0.0.1:43210/public' };
  return station;
}

async function openSetup(station: FakeStation) {
  await renderWithStation(<App />, { station, language: 'id' });
  const opener = await screen.findByRole('button', { name: 'Hubungkan ke server' });
  // A click focuses the button in a browser; jsdom needs telling.
  opener.focus();
  fireEvent.click(opener);
  return screen.getByRole('dialog', { name: 'Hubungkan ke server' });
}

describe('Connecting a server from the demo', () => {
  it('starts from the production address, tests exactly what was typed, and offers the server only after a pass', async () => {
    const station = demoStation();
    const dialog = await openSetup(station);
    expect(within(dialog).getByLabelText('Alamat API')).toHaveProperty('value', 'http://apiv2.mitrabunso.com/public');
    expect(within(dialog).getByLabelText('Alamat API')).toBe(document.activeElement);
    const use = within(dialog).getByRole('button', { name: 'Pakai server ini' });
    expect(use).toHaveProperty('disabled', true);

    fireEvent.change(within(dialog).getByLabelText('ID pengguna (36 karakter)'), { target: { value: userId } });
    fireEvent.change(within(dialog).getByLabelText('Token'), { target: { value: 'wrong-token' } });
    station.data.connectionTest = { ok: false, problem: { code: 'connect-token-rejected', params: {}, detail: 'total_summary (GET /public/order/orders/total_summary/{id_user}) 401' } };
    fireEvent.click(within(dialog).getByRole('button', { name: 'Tes sambungan' }));
    expect((await within(dialog).findByRole('alert')).textContent).toContain('Server menolak token ini');
    expect(within(dialog).getByText('Detail')).toBeTruthy();
    expect(callsTo(station, 'testConnection')).toEqual([{ apiBaseUrl: 'http://apiv2.mitrabunso.com/public', userId, token: 'wrong-token' }]);
    expect(use).toHaveProperty('disabled', true);
    expect(callsTo(station, 'updateSettings')).toEqual([]);

    fireEvent.change(within(dialog).getByLabelText('Token'), { target: { value: 'good-token' } });
    expect(within(dialog).getByText('Isian berubah: tes sambungan lagi.')).toBeTruthy();
    station.data.connectionTest = { ok: true, summary: { NEW: 4, PROCESSED: 5, SENT: 6, DRAFT: 1 } };
    fireEvent.click(within(dialog).getByRole('button', { name: 'Tes sambungan' }));
    expect((await within(dialog).findByRole('status')).textContent).toBe('Sambungan berhasil: 4 baru · 5 diproses · 6 dikirim · 1 draf.');
    await waitFor(() => expect(use).toHaveProperty('disabled', false));
    // A pass for other values does not count: change a field and it must be tested again.
    fireEvent.change(within(dialog).getByLabelText('Token'), { target: { value: 'good-token2' } });
    expect(use).toHaveProperty('disabled', true);
    fireEvent.change(within(dialog).getByLabelText('Token'), { target: { value: 'good-token' } });

    fireEvent.click(use);
    expect(await within(dialog).findByRole('heading', { name: 'Tambah printer' })).toBeTruthy();
    expect(callsTo(station, 'connectServer')).toEqual([{ apiBaseUrl: 'http://apiv2.mitrabunso.com/public', userId, token: 'good-token' }]);
    expect(within(dialog).getByRole('button', { name: 'Cari printer' })).toBeTruthy();
    await waitFor(() => expect(screen.queryByText('MODE DEMO')).toBeNull());
    fireEvent.click(within(dialog).getByRole('button', { name: 'Selesai' }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('checks the fields with the settings rules before asking the server, and cancels without a trace', async () => {
    const station = demoStation();
    const dialog = await openSetup(station);
    fireEvent.change(within(dialog).getByLabelText('Alamat API'), { target: { value: 'http://192.168.1.20/public' } });
    fireEvent.change(within(dialog).getByLabelText('ID pengguna (36 karakter)'), { target: { value: 'short' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Tes sambungan' }));
    expect(within(dialog).getByText(/^Gunakan https:\/\//)).toBeTruthy();
    expect(within(dialog).getByText('ID pengguna terdiri dari 36 karakter')).toBeTruthy();
    expect(within(dialog).getByText('Token kosong')).toBeTruthy();
    expect(callsTo(station, 'testConnection')).toEqual([]);

    // Tab from the last control comes round to the first, never to the page behind.
    const cancel = within(dialog).getByRole('button', { name: 'Batal' });
    within(dialog).getByRole('button', { name: 'Tes sambungan' }).focus();
    fireEvent.keyDown(document.activeElement ?? dialog, { key: 'Tab' });
    expect(document.activeElement).toBe(within(dialog).getByLabelText('Alamat API'));
    fireEvent.keyDown(document.activeElement ?? dialog, { key: 'Tab', shiftKey: true });
    expect(document.activeElement?.textContent).toBe('Tes sambungan');

    const opener = screen.getByRole('button', { name: 'Hubungkan ke server' });
    fireEvent.keyDown(cancel, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(opener);
    expect(screen.getByText('MODE DEMO')).toBeTruthy();
    expect(callsTo(station, 'connectServer')).toEqual([]);
  });
});

describe('Settings and the server', () => {
  it('in the demo shows no simulator address to edit and never sends a server with Save', async () => {
    const station = demoStation();
    let opened = 0;
    await renderWithStation(<SettingsView onSettings={() => undefined} demo onConnectServer={() => (opened += 1)} />, { station, language: 'id' });
    await screen.findByRole('heading', { name: 'Sambungan ke server pesanan' });
    expect(screen.queryByLabelText('Alamat API')).toBeNull();
    expect(screen.queryByDisplayValue('http://127.0.0.1:43210/public')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Hubungkan ke server' }));
    expect(opened).toBe(1);
    fireEvent.click(screen.getByRole('button', { name: 'Simpan' }));
    await waitFor(() => expect(callsTo(station, 'updateSettings')).toHaveLength(1));
    const patch = callsTo(station, 'updateSettings')[0] as Record<string, unknown>;
    expect(Object.keys(patch)).not.toContain('apiBaseUrl');
    expect(Object.keys(patch)).not.toContain('userId');
    expect(Object.keys(patch)).not.toContain('token');
  });

  it('forgets a real server only after a question', async () => {
    const { station } = await renderWithStation(<SettingsView onSettings={() => undefined} />, { language: 'id' });
    fireEvent.click(await screen.findByRole('button', { name: 'Lupakan server ini' }));
    const question = screen.getByRole('dialog', { name: 'Lupakan server ini?' });
    fireEvent.click(within(question).getByRole('button', { name: 'Batal' }));
    expect(callsTo(station, 'disconnectServer')).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Lupakan server ini' }));
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Ya, lupakan' }));
    await waitFor(() => expect(callsTo(station, 'disconnectServer')).toEqual([{}]));
  });
});

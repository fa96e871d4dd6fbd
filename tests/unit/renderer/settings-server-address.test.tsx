import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { SettingsView } from '../../../renderer/src/features/settings/settings-view.tsx';
import { callsTo, renderWithStation } from './render-station.tsx';

const noop = () => undefined;

describe('Settings: the server address and its token', () => {
  it('refuses plain http to a server on the network, in English and in Indonesian, and saves nothing', async () => {
    const { station, unmount } = await renderWithStation(<SettingsView onSettings={noop} />);
    fireEvent.change(await screen.findByLabelText('API address'), { target: { value: 'http://orders.example.com/public' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText(/^Use https:\/\/\. Plain http:\/\/ would send the token unencrypted/)).toBeTruthy();
    expect(callsTo(station, 'updateSettings')).toEqual([]);
    unmount();

    const id = await renderWithStation(<SettingsView onSettings={noop} />, { language: 'id' });
    fireEvent.change(await screen.findByLabelText('Alamat API'), { target: { value: 'http://192.168.1.20/public' } });
    fireEvent.click(screen.getByRole('button', { name: 'Simpan' }));
    expect(await screen.findByText(/^Gunakan https:\/\/\. http:\/\/ biasa mengirim token tanpa enkripsi/)).toBeTruthy();
    expect(callsTo(id.station, 'updateSettings')).toEqual([]);
  });

  it('accepts the documented http address of the backend', async () => {
    const { station } = await renderWithStation(<SettingsView onSettings={noop} />);
    fireEvent.change(await screen.findByLabelText('API address'), { target: { value: 'http://apiv2.mitrabunso.com/public' } });
    fireEvent.change(screen.getByLabelText('Token'), { target: { value: 'the-real-token' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(callsTo(station, 'updateSettings')[0]).toMatchObject({ apiBaseUrl: 'http://apiv2.mitrabunso.com/public', token: 'the-real-token' }));
  });

  it('says the stored token goes when the address points at another server, until a token is typed', async () => {
    await renderWithStation(<SettingsView onSettings={noop} />);
    const address = await screen.findByLabelText('API address');
    const note = /the stored token is removed when you save/;
    fireEvent.change(address, { target: { value: 'http://127.0.0.1:1/other-path' } });
    expect(screen.queryByText(note)).toBeNull();

    fireEvent.change(address, { target: { value: 'https://orders.example.com/public' } });
    expect(screen.getByText(note)).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Token'), { target: { value: 'token-for-it' } });
    expect(screen.queryByText(note)).toBeNull();
  });

  it('asks before a save that forgets the stored token, and saves nothing on Cancel', async () => {
    const { station } = await renderWithStation(<SettingsView onSettings={noop} />);
    fireEvent.change(await screen.findByLabelText('API address'), { target: { value: 'https://orders.example.com/public' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    const dialog = screen.getByRole('dialog', { name: 'Switch server and forget the stored token?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(callsTo(station, 'updateSettings')).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Yes, switch server' }));
    await waitFor(() => expect(callsTo(station, 'updateSettings')).toEqual([expect.objectContaining({ apiBaseUrl: 'https://orders.example.com/public' })]));
    expect(callsTo(station, 'updateSettings')[0]).not.toHaveProperty('token');
  });
});

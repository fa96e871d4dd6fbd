import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { SettingsView } from '../../../renderer/src/features/settings/settings-view.tsx';
import { createFakeStation, samplePrinter } from '../../support/fake-station.ts';
import { callsTo, renderWithStation } from './render-station.tsx';

const noop = () => undefined;

describe('Settings view', () => {
  it('refuses bad values with a message beside each field and saves nothing', async () => {
    const { station } = await renderWithStation(<SettingsView onSettings={noop} />);
    fireEvent.change(await screen.findByLabelText('API address'), { target: { value: 'ftp://example.com' } });
    fireEvent.change(screen.getByLabelText('User id (36 characters)'), { target: { value: 'abc' } });
    fireEvent.change(screen.getByLabelText('Check for new batches every (seconds)'), { target: { value: '1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('The API address must start with http:// or https://')).toBeTruthy();
    expect(screen.getByText('The user id has 36 characters')).toBeTruthy();
    expect(screen.getByText('Enter a number from 2 to 3600 seconds')).toBeTruthy();
    expect(screen.getByLabelText('API address').getAttribute('aria-invalid')).toBe('true');
    expect(callsTo(station, 'updateSettings')).toEqual([]);
  });

  it('never shows the stored token and only sends one the operator typed', async () => {
    const seen: unknown[] = [];
    const { station } = await renderWithStation(<SettingsView onSettings={(s) => seen.push(s)} />);
    const token = (await screen.findByLabelText('Token')) as HTMLInputElement;
    expect(token.type).toBe('password');
    expect(token.value).toBe('');
    expect(token.placeholder).toBe('Token stored — type to replace it');

    fireEvent.change(screen.getByLabelText('Check for new batches every (seconds)'), { target: { value: '30' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Saved. In effect now.');
    expect(callsTo(station, 'updateSettings')[0]).not.toHaveProperty('token');
    expect(callsTo(station, 'updateSettings')[0]).toMatchObject({ pollSeconds: 30 });

    fireEvent.change(token, { target: { value: 'new-secret' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(callsTo(station, 'updateSettings')[1]).toMatchObject({ token: 'new-secret' }));
    await waitFor(() => expect(token.value).toBe(''));
    expect(seen).toHaveLength(2);
  });

  it('refuses a token pasted with a space inside, saying so in the operator language, and saves nothing', async () => {
    const { station } = await renderWithStation(<SettingsView onSettings={noop} />, { language: 'id' });
    fireEvent.change(await screen.findByLabelText('Token'), { target: { value: 'sk-live 123' } });
    fireEvent.click(screen.getByRole('button', { name: 'Simpan' }));
    expect(await screen.findByText('Token berisi spasi atau baris baru di tengahnya: tempel lagi, utuh')).toBeTruthy();
    expect(callsTo(station, 'updateSettings')).toEqual([]);
  });

  it('adds a network printer, refusing a malformed address first', async () => {
    const { station } = await renderWithStation(<SettingsView onSettings={noop} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Add network printer' }));
    const form = screen.getByRole('form', { name: 'Add printer' });
    fireEvent.change(within(form).getByLabelText('Name'), { target: { value: 'Packing 2' } });
    fireEvent.change(within(form).getByLabelText('Printer address'), { target: { value: '192.168.1.50' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }));
    expect(await within(form).findByText(/A printer is tspl\+system:QUEUE .* tspl:\/\/HOST:PORT/)).toBeTruthy();
    expect(callsTo(station, 'savePrinter')).toEqual([]);

    fireEvent.change(within(form).getByLabelText('Printer address'), { target: { value: 'tspl://192.168.1.50:9100' } });
    fireEvent.change(within(form).getByLabelText('Shift X (mm)'), { target: { value: '1.5' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(callsTo(station, 'savePrinter')).toEqual([
        expect.objectContaining({ name: 'Packing 2', uri: 'tspl://192.168.1.50:9100', offsetXmm: 1.5, template: '100x150', dpi: 203 }),
      ]),
    );
    expect(await screen.findByText('Packing 2')).toBeTruthy();
  });

  it('discovers printers and sends a test page', async () => {
    const { station } = await renderWithStation(<SettingsView onSettings={noop} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Find printers' }));
    expect(await screen.findByText('system:LabelPrinter')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Test page' }));
    expect(await screen.findByText('Test page sent.')).toBeTruthy();
    expect(callsTo(station, 'printTestPage')).toEqual([{ id: 'p-1' }]);
  });
});

describe('Printer form in plain words', () => {
  it('picks a USB label printer from the list, names its queue, sets its labels, and saves the raw URI', async () => {
    const { station } = await renderWithStation(<SettingsView onSettings={noop} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Add network printer' }));
    const form = screen.getByRole('form', { name: 'Add printer' });
    fireEvent.change(within(form).getByLabelText('Name'), { target: { value: 'Meja 1' } });
    fireEvent.change(within(form).getByLabelText('Printer type'), { target: { value: 'tspl-usb' } });
    fireEvent.change(within(form).getByLabelText('Print queue (as the computer names the printer)'), { target: { value: 'XP-420B' } });
    expect((within(form).getByLabelText('Printer address') as HTMLInputElement).value).toBe('tspl+system:XP-420B');
    fireEvent.change(within(form).getByLabelText('Label stock'), { target: { value: 'mark' } });
    fireEvent.change(within(form).getByLabelText('Gap / mark length (mm)'), { target: { value: '30' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }));
    expect(await within(form).findByText('A length from 0 to 25 mm')).toBeTruthy();
    expect(callsTo(station, 'savePrinter')).toEqual([]);

    fireEvent.change(within(form).getByLabelText('Gap / mark length (mm)'), { target: { value: '3' } });
    fireEvent.change(within(form).getByLabelText('Print speed (inch/s)'), { target: { value: '4' } });
    fireEvent.change(within(form).getByLabelText('Darkness (0–15)'), { target: { value: '9' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(callsTo(station, 'savePrinter')).toEqual([
        expect.objectContaining({ uri: 'tspl+system:XP-420B', darkness: 9, media: { sensor: 'mark', gapMm: 3, offsetMm: 0, speedIps: 4 } }),
      ]),
    );
  });

  it('a network printer is an IP address and a port; the address shows what will be saved', async () => {
    await renderWithStation(<SettingsView onSettings={noop} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Add network printer' }));
    const form = screen.getByRole('form', { name: 'Add printer' });
    fireEvent.change(within(form).getByLabelText('Printer type'), { target: { value: 'escpos-net' } });
    fireEvent.change(within(form).getByLabelText('Printer IP address'), { target: { value: '192.168.1.60' } });
    fireEvent.change(within(form).getByLabelText('Port'), { target: { value: '9101' } });
    expect((within(form).getByLabelText('Printer address') as HTMLInputElement).value).toBe('escpos://192.168.1.60:9101');
    expect(within(form).queryByLabelText('Label stock')).toBeNull();
  });

  it('adds a found USB printer without a queue as a raw label printer, saying what was done', async () => {
    const { station } = await renderWithStation(<SettingsView onSettings={noop} />);
    station.discoverPrinters = async () => [
      { uri: 'usb://Xprinter/XP-420B?serial=AB1', name: 'Xprinter XP-420B', kind: 'usb-device', status: { state: 'unknown', message: '' }, makeAndModel: 'Xprinter XP-420B', connection: 'usb://Xprinter/XP-420B?serial=AB1', guessedLanguage: 'tspl', suggestedUris: [] },
    ];
    fireEvent.click(await screen.findByRole('button', { name: 'Find printers' }));
    expect(await screen.findByText('Probably speaks TSPL (a guess from its model)')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Add as label printer (TSPL)' }));
    expect(await screen.findByText('Created the label printer queue Xprinter_XP-420B')).toBeTruthy();
    expect(callsTo(station, 'createRawQueue')).toEqual([{ deviceUri: 'usb://Xprinter/XP-420B?serial=AB1', name: 'Xprinter_XP-420B', language: 'tspl' }]);
    const form = screen.getByRole('form', { name: 'Add printer' });
    expect((within(form).getByLabelText('Printer address') as HTMLInputElement).value).toBe('tspl+system:Xprinter_XP-420B');
  });
});

describe('Calibrate', () => {
  it('is offered for a USB TSPL printer only, and runs its calibration', async () => {
    const station = createFakeStation();
    station.data.settings.printers.push(samplePrinter({ id: 'p-usb', name: 'Meja USB', uri: 'tspl+system:XP420' }));
    await renderWithStation(<SettingsView onSettings={noop} />, { station });
    const buttons = await screen.findAllByRole('button', { name: 'Calibrate' });
    expect(buttons).toHaveLength(1);
    fireEvent.click(buttons[0] as HTMLElement);
    expect(await screen.findByText('The printer measured its labels and printed the calibration page.')).toBeTruthy();
    expect(callsTo(station, 'calibratePrinter')).toEqual([{ id: 'p-usb' }]);
  });
});

describe('Settings language', () => {
  it('switches the language from the settings form', async () => {
    const seen: Array<{ language: string }> = [];
    const { station } = await renderWithStation(<SettingsView onSettings={(s) => seen.push(s)} />);
    fireEvent.change(await screen.findByRole('combobox', { name: 'Language' }), { target: { value: 'en' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(callsTo(station, 'updateSettings')[0]).toMatchObject({ language: 'en' }));
    expect(seen[0]?.language).toBe('en');
  });
});

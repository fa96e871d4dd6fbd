import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ReactNode } from 'react';
import { useFocusKeeper } from '../../../renderer/src/components/focus-keeper.ts';
import { StatusBar } from '../../../renderer/src/features/dashboard/status-bar.tsx';
import { SettingsView } from '../../../renderer/src/features/settings/settings-view.tsx';
import { createFakeStation, sampleJob } from '../../support/fake-station.ts';
import { callsTo, renderWithStation } from './render-station.tsx';

const noop = () => undefined;

/** As the app: focus is kept in place across what the views do. */
function Kept({ children }: { children: ReactNode }) {
  useFocusKeeper();
  return children;
}

describe('Printer state at the desk', () => {
  it('asks the printers again when a job runs into trouble and when it gets out, not for every label', async () => {
    const station = createFakeStation();
    await renderWithStation(<StatusBar state={station.data.state} onState={noop} />, { station });
    await screen.findByTestId('printer-state');
    const asked = () => callsTo(station, 'listPrinters').length;
    const first = asked();
    act(() => station.emit('job', sampleJob({ state: 'printing', confirmedLabels: 1 })));
    act(() => station.emit('job', sampleJob({ state: 'printing', confirmedLabels: 2 })));
    expect(asked()).toBe(first);
    act(() => station.emit('job', sampleJob({ state: 'waiting', reason: 'offline' })));
    await waitFor(() => expect(asked()).toBe(first + 1));
    act(() => station.emit('job', sampleJob({ state: 'waiting', reason: 'offline, again' })));
    act(() => station.emit('job', sampleJob({ state: 'printing', confirmedLabels: 2 })));
    await waitFor(() => expect(asked()).toBe(first + 2));
    act(() => station.emit('job', sampleJob({ id: 'job-9', state: 'failed', reason: 'paper out' })));
    await waitFor(() => expect(asked()).toBe(first + 3));
  });

  it('shows a printer by name, kind and place in words, never its URI', async () => {
    const station = createFakeStation();
    await station.savePrinter({ name: 'Folder', uri: 'pdf-dir:/srv/labels' });
    await station.savePrinter({ name: 'Gudang 2', uri: 'tspl+system:Xprinter_XP420B' });
    await renderWithStation(<SettingsView onSettings={noop} />, { station, language: 'id' });
    const list = within((await screen.findByText('Gudang 1', { selector: 'strong' })).closest('ul') as HTMLElement);
    expect(list.getByText('Gudang 1', { selector: 'strong' }).parentElement?.textContent).toContain('Printer jaringan (ESC/POS) · 127.0.0.1:9100');
    expect(list.getByText('Folder', { selector: 'strong' }).parentElement?.textContent).toContain('File PDF ke folder · /srv/labels');
    expect(list.getByText('Gudang 2', { selector: 'strong' }).parentElement?.textContent).toContain('· Xprinter_XP420B');
    for (const raw of ['escpos://', 'pdf-dir:', 'tspl+system:']) expect(list.queryAllByText((text) => text.includes(raw))).toEqual([]);
  });

  it('asks before removing a printer; Batal removes nothing and keeps the focus on Hapus', async () => {
    const station = createFakeStation();
    await station.savePrinter({ name: 'Meja 2', uri: 'pdf-dir:/srv/labels' });
    await renderWithStation(
      <Kept>
        <SettingsView onSettings={noop} />
      </Kept>,
      { station, language: 'id' },
    );
    const item = within((await screen.findByText('Meja 2', { selector: 'strong' })).closest('li') as HTMLElement);
    const remove = item.getByRole('button', { name: 'Hapus' });
    remove.focus();
    fireEvent.click(remove);
    const dialog = screen.getByRole('dialog', { name: 'Hapus printer Meja 2?' });
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Batal' }));
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(callsTo(station, 'removePrinter')).toEqual([]);
    await waitFor(() => expect(document.activeElement).toBe(remove));

    fireEvent.click(remove);
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Ya, hapus' }));
    await waitFor(() => expect(screen.queryByText('Meja 2', { selector: 'strong' })).toBeNull());
    expect(callsTo(station, 'removePrinter')).toEqual([{ id: 'p-2' }]);
    // Its row is gone: the focus lands on the next control of the list, not on the page's top.
    await waitFor(() => expect(document.activeElement).toBe(screen.getAllByRole('button', { name: 'Ubah' })[0]));
  });

  it('puts the focus back on Edit when the printer form closes', async () => {
    await renderWithStation(
      <Kept>
        <SettingsView onSettings={noop} />
      </Kept>,
    );
    const edit = await screen.findByRole('button', { name: 'Edit' });
    edit.focus();
    fireEvent.click(edit);
    fireEvent.click(within((await screen.findByLabelText('Name')).closest('form') as HTMLElement).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Edit' })));
  });

  it('saves the label order and a printer\'s pick-list-first option', async () => {
    const station = createFakeStation();
    await renderWithStation(<SettingsView onSettings={noop} />, { station });
    fireEvent.change(await screen.findByLabelText('Label order in a batch'), { target: { value: 'courier' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(callsTo(station, 'updateSettings')).toContainEqual(expect.objectContaining({ labelOrder: 'courier' })));

    fireEvent.click(screen.getByRole('button', { name: 'Edit' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Print the pick list before the labels' }));
    fireEvent.click(within(screen.getByText('Print the pick list before the labels').closest('form') as HTMLElement).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(callsTo(station, 'savePrinter')).toEqual([expect.objectContaining({ id: 'p-1', pickListFirst: true })]));
  });

  it('saves how often the alert beep repeats, and refuses an interval shorter than 10 s', async () => {
    const station = createFakeStation();
    station.data.settings = { ...station.data.settings, alertSound: true };
    await renderWithStation(<SettingsView onSettings={noop} />, { station });
    const repeat = await screen.findByLabelText('Repeat the alert sound every (seconds, 0 = once)');
    fireEvent.change(repeat, { target: { value: '5' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('0 for once, or every 10 to 3600 seconds')).toBeTruthy();
    expect(callsTo(station, 'updateSettings')).toEqual([]);
    fireEvent.change(repeat, { target: { value: '45' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(callsTo(station, 'updateSettings')).toEqual([expect.objectContaining({ alertSound: true, alertRepeatSeconds: 45 })]));
  });
});

/** WCAG relative luminance of `#rrggbb`. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
}
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return ((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05);
};

describe('Focus ring', () => {
  it('stands out at least 3:1 from every surface a control sits on', () => {
    const css = readFileSync('renderer/src/styles.css', 'utf8');
    const variable = (name: string) => new RegExp(`--${name}:\\s*(#[0-9a-f]{6})`, 'i').exec(css)?.[1] ?? '';
    const ring = /:focus-visible\s*\{[^}]*outline:\s*3px solid var\(--(\w[\w-]*)\)/.exec(css)?.[1];
    expect(ring).toBeDefined();
    const colour = variable(ring ?? '');
    const header = /\.top\s*\{[^}]*background:\s*(#[0-9a-f]{6})/i.exec(css)?.[1] ?? '';
    for (const surface of [variable('bg'), variable('panel'), header, '#ffffff']) {
      expect(surface).toMatch(/^#[0-9a-f]{6}$/i);
      expect(contrast(colour, surface), `ring ${colour} on ${surface}`).toBeGreaterThanOrEqual(3);
    }
  });
});

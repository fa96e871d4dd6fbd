import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { operatorMessage } from '../../../electron/shared/operator-message.ts';
import { App } from '../../../renderer/src/app.tsx';
import { AlertSound } from '../../../renderer/src/features/alerts/alert-sound.tsx';
import type { Beeper } from '../../../renderer/src/features/alerts/beep.ts';
import { createFakeStation } from '../../support/fake-station.ts';
import { renderWithStation } from './render-station.tsx';

const alert = {
  id: 'a-1',
  kind: 'printer-offline',
  message: 'Meja 1 is offline',
  text: operatorMessage('printer-offline', { printer: 'Meja 1' }),
  at: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  count: 1,
  retryAt: null,
  jobId: null,
  printerId: 'p-1',
} as const;

function countingBeeper(): Beeper & { beeps: number } {
  const beeper = {
    beeps: 0,
    beep: () => void (beeper.beeps += 1),
    blocked: () => false,
    unlock: async () => undefined,
    onChange: () => () => undefined,
  };
  return beeper;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('Alert sound', () => {
  // 60 ms stands in for the operator's 30 s: the same timer, only shorter.
  it('repeats while an alert stands unacknowledged, stops on "seen", and again for the next alert', async () => {
    const station = createFakeStation();
    const beeper = countingBeeper();
    await renderWithStation(<AlertSound beeper={beeper} enabled repeatSeconds={0.06} />, { station });
    await pause(150);
    expect(beeper.beeps).toBe(0);

    station.data.alerts = [alert];
    act(() => station.emit('alert', alert));
    await waitFor(() => expect(beeper.beeps).toBeGreaterThanOrEqual(2));
    fireEvent.click(screen.getByRole('button', { name: 'Silence: I have seen the alert' }));
    const silenced = beeper.beeps;
    await pause(250);
    expect(beeper.beeps).toBe(silenced);
    expect(screen.queryByRole('button', { name: /Silence/ })).toBeNull();

    // The same alert updated (its cause still there): already seen, no new beeping.
    act(() => station.emit('alert', { ...alert, message: 'Meja 1 is still offline' }));
    await pause(250);
    expect(beeper.beeps).toBe(silenced);

    const next = { ...alert, id: 'a-2', kind: 'batch-failed' } as const;
    station.data.alerts = [alert, next];
    act(() => station.emit('alert', next));
    await waitFor(() => expect(beeper.beeps).toBeGreaterThan(silenced));
  });

  it('stops by itself once the station no longer lists the alert (cleared or dismissed elsewhere)', async () => {
    const station = createFakeStation();
    station.data.alerts = [alert];
    const beeper = countingBeeper();
    await renderWithStation(<AlertSound beeper={beeper} enabled repeatSeconds={0.06} />, { station });
    // Standing when the page opened: nobody here has seen it yet.
    await waitFor(() => expect(beeper.beeps).toBeGreaterThanOrEqual(1));
    station.data.alerts = [];
    await waitFor(() => expect(screen.queryByRole('button', { name: /Silence/ })).toBeNull());
    const after = beeper.beeps;
    await pause(250);
    expect(beeper.beeps).toBe(after);
  });

  it('beeps when the station cannot be asked whether the alert still stands', async () => {
    const station = createFakeStation();
    station.data.alerts = [alert];
    const beeper = countingBeeper();
    await renderWithStation(<AlertSound beeper={beeper} enabled repeatSeconds={0.06} />, { station });
    await screen.findByRole('button', { name: /Silence/ });
    station.listAlerts = async () => {
      throw new Error('the link is down');
    };
    await waitFor(() => expect(beeper.beeps).toBeGreaterThanOrEqual(2));
  });

  it('makes no sound and shows nothing with the alert sound off', async () => {
    const station = createFakeStation();
    station.data.alerts = [alert];
    const beeper = countingBeeper();
    await renderWithStation(<AlertSound beeper={beeper} enabled={false} repeatSeconds={0.06} />, { station });
    await pause(250);
    expect(beeper.beeps).toBe(0);
    expect(screen.queryAllByRole('button')).toEqual([]);
  });

  it('offers "Aktifkan suara" while the browser holds audio back, and drops it once a click allowed it', async () => {
    let resumed = 0;
    class SuspendedAudioContext {
      state = 'suspended';
      #listeners: Array<() => void> = [];
      addEventListener(_: string, listener: () => void) {
        this.#listeners.push(listener);
      }
      async resume() {
        resumed += 1;
        this.state = 'running';
        this.#listeners.forEach((listener) => listener());
      }
    }
    const station = createFakeStation();
    station.data.settings = { ...station.data.settings, alertSound: true };
    await renderWithStation(<App audio={SuspendedAudioContext as unknown as new () => AudioContext} />, { station, language: 'id' });
    const enable = await screen.findByRole('button', { name: 'Aktifkan suara' });
    fireEvent.click(enable);
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Aktifkan suara' })).toBeNull());
    expect(resumed).toBeGreaterThanOrEqual(1);
  });

  it('takes any key or click on the page as the gesture that allows sound', async () => {
    class SuspendedAudioContext {
      state = 'suspended';
      #listeners: Array<() => void> = [];
      addEventListener(_: string, listener: () => void) {
        this.#listeners.push(listener);
      }
      async resume() {
        this.state = 'running';
        this.#listeners.forEach((listener) => listener());
      }
    }
    const station = createFakeStation();
    station.data.settings = { ...station.data.settings, alertSound: true };
    await renderWithStation(<App audio={SuspendedAudioContext as unknown as new () => AudioContext} />, { station, language: 'id' });
    await screen.findByRole('button', { name: 'Aktifkan suara' });
    fireEvent.keyDown(document.body, { key: 'Tab' });
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Aktifkan suara' })).toBeNull());
  });
});

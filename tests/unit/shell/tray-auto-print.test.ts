import { describe, expect, it } from 'vitest';
import { shellWords } from '../../../electron/main/shell-words.ts';
import { switchAutoPrintFromTray, type TrayQuestion } from '../../../electron/main/tray-auto-print.ts';
import { createFakeStation, type FakeStation } from '../../support/fake-station.ts';

/** The tray's switch with a message box that answers the button named, and what it saw. */
function tray(station: FakeStation, button: (q: TrayQuestion) => string) {
  const seen: { shown: number; questions: TrayQuestion[] } = { shown: 0, questions: [] };
  const deps = {
    station,
    words: shellWords,
    show: () => void (seen.shown += 1),
    ask: async (q: TrayQuestion) => {
      seen.questions.push(q);
      return q.buttons.indexOf(button(q));
    },
  };
  return { seen, switchTo: (enabled: boolean) => switchAutoPrintFromTray(enabled, deps) };
}

const autoPrintCalls = (station: FakeStation) => station.calls.filter((c) => c.method === 'setAutoPrint').map((c) => c.input);

describe('the tray auto-print switch', () => {
  it('never switches on silently: it opens the window and asks, in the operator language, and Batal leaves it off', async () => {
    const station = createFakeStation();
    const { seen, switchTo } = tray(station, () => 'Batal');
    await switchTo(true);
    expect(seen.shown).toBe(1);
    const [question] = seen.questions;
    expect(question?.message).toBe('Nyalakan cetak otomatis?');
    expect(question?.detail).toContain('ke printer utama Gudang 1');
    expect(question?.detail).toContain('(1 belum pernah dicetak: cetak sendiri)');
    expect(question?.buttons[question.cancelId]).toBe('Batal');
    expect(autoPrintCalls(station)).toEqual([]);
    expect(station.data.state.autoPrint.enabled).toBe(false);
  });

  it('switches on when the operator says yes, and speaks English when the station does', async () => {
    const station = createFakeStation();
    station.data.settings = { ...station.data.settings, language: 'en' };
    const { seen, switchTo } = tray(station, () => 'Yes, switch on');
    await switchTo(true);
    expect(seen.questions[0]?.message).toBe('Switch auto-print on?');
    expect(autoPrintCalls(station)).toEqual([{ enabled: true }]);
  });

  it('after a pause, asks about the batches that came in meanwhile: print them too, or only from now', async () => {
    const pausedAt = '2022-09-01 12:00:00';
    for (const [choice, expected] of [
      ['Nyalakan dan cetak juga', { enabled: true, cutoff: pausedAt }],
      ['Nyalakan, mulai sekarang saja', { enabled: true }],
    ] as const) {
      const station = createFakeStation();
      station.data.state = { ...station.data.state, autoPrint: { enabled: false, cutoff: pausedAt, since: null } };
      const { seen, switchTo } = tray(station, () => choice);
      await switchTo(true);
      expect(seen.questions[0]?.detail).toContain('1 batch baru masuk selama mati (3 label): cetak juga?');
      expect(autoPrintCalls(station)).toEqual([expected]);
    }
  });

  it('an answer the box does not know (closed some other way) switches nothing on', async () => {
    const station = createFakeStation();
    const { switchTo } = tray(station, () => 'no such button');
    await switchTo(true);
    expect(autoPrintCalls(station)).toEqual([]);
  });

  it('switches off at once, without a question', async () => {
    const station = createFakeStation();
    station.data.state = { ...station.data.state, autoPrint: { enabled: true, cutoff: '2022-09-01 12:00:00', since: null } };
    const { seen, switchTo } = tray(station, () => 'Batal');
    await switchTo(false);
    expect(seen.questions).toEqual([]);
    expect(autoPrintCalls(station)).toEqual([{ enabled: false }]);
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { Journal } from '../../../electron/core/station/journal.ts';
import { settingsVersion } from '../../../electron/core/station/settings-upgrades.ts';
import { fakeUserId, startStationOnFakes, type StationOnFakes } from '../../support/fakes/station-on-fakes.ts';

/** Writes into the journal as an older (or broken) version of the app left it. */
function storeRaw(h: StationOnFakes, edit: (journal: Journal) => void): void {
  const journal = new Journal(h.journalPath, () => Date.now());
  try {
    edit(journal);
  } finally {
    journal.close();
  }
}

function readRaw(h: StationOnFakes, key: string): unknown {
  let value: unknown;
  storeRaw(h, (journal) => (value = journal.getSettingValue(key)));
  return value;
}

describe('stored settings: versioned, and a bad item is skipped out loud', () => {
  let h: StationOnFakes;
  afterEach(async () => h.close());

  it('a printer profile that fails its schema hides only itself, stays stored, and is logged and alerted once by name', async () => {
    h = await startStationOnFakes({ start: false });
    storeRaw(h, (journal) => {
      const printers = journal.getSettingValue('printers') as unknown[];
      journal.setSettings({ printers: [...printers, { id: 'old', name: 'Meja Lama', uri: 'lpt1:', labelsPerJob: 0 }], pollSeconds: '10' });
    });
    h = await h.restart();

    expect((await h.station.listPrinters({})).map((p) => p.id)).toEqual(['bench']);
    const alerts = (await h.station.listAlerts({})).filter((a) => a.kind === 'bad-settings');
    expect(alerts).toHaveLength(1);
    expect(alerts[0]?.message).toContain('"Meja Lama"');
    expect(alerts[0]?.message).toContain('the setting pollSeconds is stored as a string');
    const warned = h.logs.map((l) => JSON.parse(l) as { level: string; message: string }).filter((l) => l.level === 'warn' && l.message.includes('Meja Lama'));
    expect(warned).toHaveLength(1);
    expect(h.logs.join('\n')).not.toContain(h.server.token);
    // The wrong-typed setting reads as its default meanwhile.
    expect((await h.station.getSettings({})).pollSeconds).toBe(10);

    // Saving another printer keeps the unreadable profile stored: a newer version may read it.
    await h.station.savePrinter({ id: 'bench', name: 'Printer bench', uri: 'escpos://bench.local:9100', labelsPerJob: 2 });
    await h.station.stop();
    expect((readRaw(h, 'printers') as { id: string }[]).map((p) => p.id)).toEqual(['bench', 'old']);
    h = await h.restart();
    expect((await h.station.listAlerts({})).filter((a) => a.kind === 'bad-settings')).toHaveLength(1);
  });

  it('a setting of the wrong type reads as its default until saved again, and the save ends its alert', async () => {
    h = await startStationOnFakes({ start: false });
    storeRaw(h, (journal) => journal.setSettings({ alertSound: 'yes' }));
    h = await h.restart();
    expect((await h.station.listAlerts({})).filter((a) => a.kind === 'bad-settings').map((a) => a.message)).toEqual([
      'Some stored settings cannot be read and were left out: the setting alertSound is stored as a string this version cannot read: its default is used. Check them in Settings.',
    ]);
    expect((await h.station.getSettings({})).alertSound).toBe(true);
    await h.station.updateSettings({ alertSound: false });
    expect((await h.station.listAlerts({})).filter((a) => a.kind === 'bad-settings')).toEqual([]);
    expect((await h.station.getSettings({})).alertSound).toBe(false);
  });

  it('a journal from before settings were versioned is upgraded in order, and its version stored', async () => {
    h = await startStationOnFakes({ start: false });
    storeRaw(h, (journal) => journal.setSettings({ settingsVersion: null, userId: `  ${fakeUserId} `, autoPrint: { enabled: true, cutoff: '2022-09-01 12:00:00' } }));
    h = await h.restart();
    await h.station.stop();
    expect(readRaw(h, 'settingsVersion')).toBe(settingsVersion);
    expect(readRaw(h, 'userId')).toBe(fakeUserId);
    expect(readRaw(h, 'autoPrint')).toEqual({ enabled: true, cutoff: '2022-09-01 12:00:00', since: null });
    expect(h.logs.some((l) => l.includes(`settings upgraded from version 0 to ${settingsVersion}`))).toBe(true);
    h = await h.restart();
  });

  it('settings written by a newer version are read as they are, with a warning, never downgraded', async () => {
    h = await startStationOnFakes({ start: false });
    storeRaw(h, (journal) => journal.setSettings({ settingsVersion: settingsVersion + 5, userId: `  ${fakeUserId} ` }));
    h = await h.restart();
    await h.station.stop();
    expect(readRaw(h, 'settingsVersion')).toBe(settingsVersion + 5);
    expect(readRaw(h, 'userId')).toBe(`  ${fakeUserId} `);
    expect(h.logs.some((l) => l.includes('written by a newer Label Station'))).toBe(true);
    h = await h.restart();
  });

  it('refuses a token with a space inside at the core too, before it is stored', async () => {
    h = await startStationOnFakes({ start: false });
    await expect(h.station.updateSettings({ token: 'sk-live 123' })).rejects.toThrow(/space or line break inside/);
  });
});

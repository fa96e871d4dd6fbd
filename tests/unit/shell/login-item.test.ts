import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyLoginItem, autostartFile, type LoginItemHost } from '../../../electron/main/login-item.ts';

function recordingApp() {
  const calls: unknown[] = [];
  return { calls, app: { setLoginItemSettings: (settings: unknown) => void calls.push(settings) } };
}

describe('start with the system', () => {
  it('on Linux writes an XDG autostart entry that starts the AppImage hidden, and removes it when switched off', () => {
    const host: LoginItemHost = { platform: 'linux', executable: '/home/kiosk/Label Station-1.0.AppImage', configHome: mkdtempSync(join(tmpdir(), 'ls-xdg-')) };
    const { app, calls } = recordingApp();
    applyLoginItem(app, { openAtLogin: true, startMinimised: true }, host);
    const entry = readFileSync(autostartFile(host), 'utf8');
    expect(autostartFile(host)).toBe(join(host.configHome, 'autostart', 'label-station.desktop'));
    expect(entry).toMatch(/^\[Desktop Entry\]\n/);
    expect(entry).toContain('Type=Application\n');
    expect(entry).toContain('Exec="/home/kiosk/Label Station-1.0.AppImage" "--minimised"\n');

    applyLoginItem(app, { openAtLogin: true, startMinimised: false }, host);
    expect(readFileSync(autostartFile(host), 'utf8')).toContain('Exec="/home/kiosk/Label Station-1.0.AppImage"\n');
    applyLoginItem(app, { openAtLogin: false, startMinimised: false }, host);
    expect(existsSync(autostartFile(host))).toBe(false);
    expect(calls).toEqual([]);
  });

  it('escapes what the Exec line would otherwise interpret', () => {
    const host: LoginItemHost = { platform: 'linux', executable: '/opt/a "b" $HOME`x`\\c', configHome: mkdtempSync(join(tmpdir(), 'ls-xdg-')) };
    applyLoginItem(recordingApp().app, { openAtLogin: true, startMinimised: false }, host);
    expect(readFileSync(autostartFile(host), 'utf8')).toContain('Exec="/opt/a \\"b\\" \\$HOME\\`x\\`\\\\c"\n');
  });

  it('on Windows and macOS asks Electron, passing --minimised to the login item', () => {
    const configHome = mkdtempSync(join(tmpdir(), 'ls-xdg-'));
    const { app, calls } = recordingApp();
    applyLoginItem(app, { openAtLogin: true, startMinimised: true }, { platform: 'win32', executable: 'C:\\Label Station\\label-station.exe', configHome });
    applyLoginItem(app, { openAtLogin: false, startMinimised: false }, { platform: 'darwin', executable: '/Applications/Label Station.app', configHome });
    expect(calls).toEqual([
      { openAtLogin: true, args: ['--minimised'] },
      { openAtLogin: false, args: [] },
    ]);
    expect(existsSync(join(configHome, 'autostart'))).toBe(false);
  });
});

import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import type { App } from 'electron';
import type { ShellPreferences } from './shell-preferences.ts';

export interface LoginItemHost {
  platform: NodeJS.Platform;
  /** What starts the app: an AppImage's own file (its mount point changes every run), else the executable. */
  executable: string;
  /** `$XDG_CONFIG_HOME`, or `~/.config`. */
  configHome: string;
}

export const currentHost = (): LoginItemHost => ({
  platform: process.platform,
  executable: process.env.APPIMAGE ?? process.execPath,
  configHome: process.env.XDG_CONFIG_HOME || join(homedir(), '.config'),
});

/** The XDG autostart entry Linux desktops run at login. */
export const autostartFile = (host: LoginItemHost): string => join(host.configHome, 'autostart', 'label-station.desktop');

/** Quotes an Exec argument as the Desktop Entry spec asks: in double quotes, with " ` $ \ escaped. */
const execArg = (arg: string): string => `"${arg.replace(/["`$\\]/g, '\\$&')}"`;

/**
 * Starts the app at login, hidden when it should start minimised. Electron does this on Windows
 * and macOS only; on Linux (the kiosk's AppImage or deb) it is an XDG autostart entry.
 */
export function applyLoginItem(app: Pick<App, 'setLoginItemSettings'>, preferences: ShellPreferences, host: LoginItemHost = currentHost()): void {
  const args = preferences.startMinimised ? ['--minimised'] : [];
  if (host.platform !== 'linux') {
    app.setLoginItemSettings({ openAtLogin: preferences.openAtLogin, args });
    return;
  }
  const file = autostartFile(host);
  if (!preferences.openAtLogin) {
    rmSync(file, { force: true });
    return;
  }
  mkdirSync(dirname(file), { recursive: true });
  const entry = ['[Desktop Entry]', 'Type=Application', 'Name=Label Station', `Exec=${[host.executable, ...args].map(execArg).join(' ')}`, 'X-GNOME-Autostart-enabled=true'];
  writeFileSync(file, `${entry.join('\n')}\n`);
}

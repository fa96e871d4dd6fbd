import type { MenuItemConstructorOptions } from 'electron';
import en from '../shared/i18n/en.json';
import id from '../shared/i18n/id.json';
import type { ShellPreferences } from './shell-preferences.ts';

export interface TrayView {
  language: 'id' | 'en';
  autoPrint: boolean;
  preferences: ShellPreferences;
}

export interface TrayActions {
  open(): void;
  setAutoPrint(enabled: boolean): void;
  setPreference(patch: Partial<ShellPreferences>): void;
  quit(): void;
}

/** The tray's words come from the app's one set of translation files, which the renderer reads too. */
function words(language: TrayView['language']) {
  return (language === 'en' ? en : id).tray;
}

export function trayTooltip(view: TrayView): string {
  const w = words(view.language);
  return w.tooltip.replace('{{state}}', view.autoPrint ? w.on : w.off);
}

/** The tray menu for the station's current state: open, auto-print, how the app starts, quit. */
export function trayMenuTemplate(view: TrayView, actions: TrayActions): MenuItemConstructorOptions[] {
  const w = words(view.language);
  return [
    { label: w.open, click: () => actions.open() },
    { type: 'separator' },
    { label: w.autoPrint, type: 'checkbox', checked: view.autoPrint, click: () => actions.setAutoPrint(!view.autoPrint) },
    { type: 'separator' },
    {
      label: w.openAtLogin,
      type: 'checkbox',
      checked: view.preferences.openAtLogin,
      click: () => actions.setPreference({ openAtLogin: !view.preferences.openAtLogin }),
    },
    {
      label: w.startMinimised,
      type: 'checkbox',
      checked: view.preferences.startMinimised,
      click: () => actions.setPreference({ startMinimised: !view.preferences.startMinimised }),
    },
    { type: 'separator' },
    { label: w.quit, click: () => actions.quit() },
  ];
}

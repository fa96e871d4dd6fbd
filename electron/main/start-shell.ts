import type * as Electron from 'electron';
import type { BrowserWindow as BrowserWindowType, Tray as TrayType } from 'electron';
import { discoverPrinters } from '../core/printers/index.ts';
import { createKeyFileSecretStore } from '../core/station/key-file-secret-store.ts';
import { createJsonLogger } from '../core/station/json-logger.ts';
import { startStationOrDemo, type RunningStation } from '../app/demo-station.ts';
import type { StationLogger } from '../core/station/station-options.ts';
import type { StationState } from '../shared/station-api.ts';
import { appOrigin, isAppUrl, registerAppScheme, serveAppScheme } from './app-protocol.ts';
import { registerStationIpc } from './ipc-station.ts';
import { applyLoginItem } from './login-item.ts';
import { createSafeStorageSecretStore, keychainProtects } from './safe-storage-secret-store.ts';
import { createShellPreferencesStore, type ShellPreferences } from './shell-preferences.ts';
import { mergeDiscovered, systemPrintersFrom } from './system-printers.ts';
import { shellWords } from './shell-words.ts';
import { switchAutoPrintFromTray, type TrayQuestion } from './tray-auto-print.ts';
import { trayMenuTemplate, trayTooltip } from './tray-menu.ts';
import { denyAllPermissions, lockedWebPreferences, lockNavigation } from './window-security.ts';

export type ElectronModule = typeof Electron;

export interface ShellPaths {
  rendererDir: string;
  preload: string;
  icon: string;
  /** The app's `assets` folder (label fonts). */
  assetsDir: string;
}

export interface ShellOptions {
  /** The process's arguments: `--minimised` starts hidden (the login item passes it). */
  argv?: readonly string[];
  /** Default: JSON lines on stdout, as the headless station logs. */
  logger?: StationLogger;
}

export interface Shell {
  window(): BrowserWindowType | null;
  tray(): TrayType | null;
  headless(): RunningStation | null;
}

/**
 * Wires the desktop app: one instance, the station on the app's data folder (or the demo), IPC,
 * a locked-down window, the tray. Electron arrives as a parameter so tests hand in a mock.
 * Closing the window hides it: the station keeps printing until Quit.
 */
export function startShell(electron: ElectronModule, paths: ShellPaths, options: ShellOptions = {}): Shell {
  const argv = options.argv ?? process.argv;
  const { app, BrowserWindow, Menu, Tray, dialog, ipcMain, nativeImage, net, protocol, safeStorage, session } = electron;
  let window: BrowserWindowType | null = null;
  let tray: TrayType | null = null;
  let headless: RunningStation | null = null;
  let quitting = false;
  const shell: Shell = { window: () => window, tray: () => tray, headless: () => headless };

  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return shell;
  }
  registerAppScheme(protocol);
  app.on('web-contents-created', (_event, contents) => lockNavigation(contents));

  const show = (): void => {
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  };
  app.on('second-instance', show);

  const createWindow = (startHidden: boolean): BrowserWindowType => {
    const win = new BrowserWindow({
      width: 1280,
      height: 800,
      minWidth: 1024,
      minHeight: 600,
      show: false,
      icon: paths.icon,
      title: 'Label Station',
      autoHideMenuBar: true,
      webPreferences: lockedWebPreferences(paths.preload),
    });
    win.once('ready-to-show', () => {
      if (!startHidden) win.show();
    });
    win.on('close', (event) => {
      if (quitting) return;
      event.preventDefault();
      win.hide();
    });
    void win.loadURL(`${appOrigin}/index.html`);
    return win;
  };

  const ready = app.whenReady().then(async () => {
    const dataDir = app.getPath('userData');
    const preferences = createShellPreferencesStore(dataDir);
    serveAppScheme(protocol, net, paths.rendererDir);
    denyAllPermissions(session.defaultSession);

    const logger = options.logger ?? createJsonLogger((line) => process.stdout.write(line));
    if (!keychainProtects(safeStorage)) {
      logger.warn(`no system keyring protects secrets here: the API token is sealed with the key file in ${dataDir} instead`, { kind: 'no-keyring' });
    }
    const running = await startStationOrDemo({
      dataDir,
      assetsDir: paths.assetsDir,
      logger,
      // The key file in the app's own folder stands in where the OS has no keychain.
      secretStore: () => createSafeStorageSecretStore(safeStorage, createKeyFileSecretStore(dataDir)),
      discoverPrinters: async () => {
        const system = window ? systemPrintersFrom(await window.webContents.getPrintersAsync()) : [];
        return mergeDiscovered(await discoverPrinters(), system);
      },
    });
    headless = running;
    const station = running.station;
    registerStationIpc({
      ipcMain,
      api: station,
      isTrustedUrl: isAppUrl,
      targets: () => BrowserWindow.getAllWindows().map((w) => w.webContents),
    });

    const startHidden = preferences.get().startMinimised || argv.includes('--minimised');
    window = createWindow(startHidden);

    let state: StationState = await station.getState({});
    let language = (await station.getSettings({})).language;
    const applyPreferences = (patch: Partial<ShellPreferences>): void => {
      const next = preferences.set(patch);
      applyLoginItem(app, next);
      refreshTray();
    };
    const ask = async (q: TrayQuestion): Promise<number> => {
      const options = { type: 'question' as const, title: q.title, message: q.message, detail: q.detail, buttons: q.buttons, cancelId: q.cancelId, defaultId: q.cancelId, noLink: true };
      return (await (window ? dialog.showMessageBox(window, options) : dialog.showMessageBox(options))).response;
    };
    const switchFromTray = (enabled: boolean): void => {
      switchAutoPrintFromTray(enabled, { station, words: shellWords, show, ask }).catch((error: unknown) => {
        logger.warn(`auto-print could not be switched from the tray: ${error instanceof Error ? error.message : String(error)}`, { kind: 'tray-auto-print' });
      });
    };
    const refreshTray = (): void => {
      if (!tray) return;
      const view = { language, autoPrint: state.autoPrint.enabled, preferences: preferences.get() };
      tray.setToolTip(trayTooltip(view));
      tray.setContextMenu(
        Menu.buildFromTemplate(
          trayMenuTemplate(view, {
            open: show,
            setAutoPrint: (enabled) => switchFromTray(enabled),
            setPreference: applyPreferences,
            quit: () => app.quit(),
          }),
        ),
      );
    };
    tray = new Tray(nativeImage.createFromPath(paths.icon));
    tray.on('click', show);
    station.on('state', (next) => {
      state = next;
      // The operator may have switched language in the window; the tray follows.
      station.getSettings({}).then(
        (settings) => {
          language = settings.language;
          refreshTray();
        },
        () => refreshTray(),
      );
    });
    refreshTray();
  });
  // Without a station there is nothing to show: say why (a locked journal, an unreadable folder) and stop.
  ready.catch((error: unknown) => {
    dialog.showErrorBox('Label Station', `The station cannot start: ${error instanceof Error ? error.message : String(error)}`);
    quitting = true;
    app.quit();
  });

  app.on('before-quit', (event) => {
    if (quitting || !headless) {
      quitting = true;
      return;
    }
    // Let the label in flight finish before the process goes.
    event.preventDefault();
    quitting = true;
    void headless.stop().finally(() => app.quit());
  });
  app.on('window-all-closed', () => undefined);
  return shell;
}

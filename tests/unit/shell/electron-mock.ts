import { EventEmitter } from 'node:events';
import type { ElectronModule } from '../../../electron/main/start-shell.ts';

export interface MockSafeStorage {
  available: boolean;
  /** What `getSelectedStorageBackend` says on Linux (`basic_text` when there is no keyring). */
  backend: 'basic_text' | 'gnome_libsecret' | 'kwallet' | 'kwallet5' | 'kwallet6' | 'unknown';
}

/** Just enough of Electron's main-process API to drive `startShell` in Node, recording what it did. */
export function createElectronMock(options: { gotLock: boolean; userData: string; safeStorage?: MockSafeStorage }) {
  const keychain = options.safeStorage ?? { available: false, backend: 'unknown' };
  const record = {
    quit: 0,
    windows: [] as MockWindow[],
    trays: [] as MockTray[],
    handlers: new Map<string, unknown>(),
    schemes: [] as unknown[],
    protocolHandlers: [] as string[],
    loginItems: [] as unknown[],
    permissionsDenied: false,
    errorBoxes: [] as string[],
    /** Every native question asked; each is answered with its cancel button. */
    messageBoxes: [] as { message: string; buttons: string[]; cancelId: number }[],
    /** Every string handed to the keychain to seal. */
    encrypted: [] as string[],
  };
  const app = Object.assign(new EventEmitter(), {
    requestSingleInstanceLock: () => options.gotLock,
    quit: () => {
      record.quit += 1;
    },
    whenReady: () => Promise.resolve(),
    getPath: () => options.userData,
    setLoginItemSettings: (settings: unknown) => record.loginItems.push(settings),
  });
  class MockWindow extends EventEmitter {
    static getAllWindows = () => record.windows;
    shown = false;
    url = '';
    webContents = {
      isDestroyed: () => false,
      getURL: () => this.url,
      send: () => undefined,
      getPrintersAsync: async () => [{ name: 'Office_Laser', displayName: 'Office Laser', description: '', options: {} }],
    };
    constructor(public readonly options: Record<string, unknown>) {
      super();
      record.windows.push(this);
    }
    loadURL(url: string) {
      this.url = url;
      this.emit('ready-to-show');
      return Promise.resolve();
    }
    show() {
      this.shown = true;
    }
    hide() {
      this.shown = false;
    }
    focus() {}
    isMinimized() {
      return false;
    }
    restore() {}
  }
  class MockTray extends EventEmitter {
    menu: unknown[] = [];
    tooltip = '';
    constructor() {
      super();
      record.trays.push(this);
    }
    setContextMenu(menu: unknown[]) {
      this.menu = menu;
    }
    setToolTip(text: string) {
      this.tooltip = text;
    }
  }
  const electron = {
    app,
    BrowserWindow: MockWindow,
    Tray: MockTray,
    Menu: { buildFromTemplate: (template: unknown[]) => template },
    dialog: {
      showErrorBox: (_title: string, message: string) => record.errorBoxes.push(message),
      showMessageBox: async (...args: unknown[]) => {
        const options = args.at(-1) as (typeof record.messageBoxes)[number];
        record.messageBoxes.push(options);
        return { response: options.cancelId, checkboxChecked: false };
      },
    },
    ipcMain: { handle: (channel: string, handler: unknown) => record.handlers.set(channel, handler), removeHandler: (channel: string) => record.handlers.delete(channel) },
    nativeImage: { createFromPath: (path: string) => ({ path }) },
    net: { fetch: async () => new Response('') },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => record.schemes.push(...schemes),
      handle: (scheme: string) => record.protocolHandlers.push(scheme),
    },
    safeStorage: {
      isEncryptionAvailable: () => keychain.available,
      getSelectedStorageBackend: () => keychain.backend,
      encryptString: (plain: string) => {
        record.encrypted.push(plain);
        return Buffer.from(plain, 'utf8').reverse();
      },
      decryptString: (sealed: Buffer) => Buffer.from(sealed).reverse().toString('utf8'),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: () => {
          record.permissionsDenied = true;
        },
        setPermissionCheckHandler: () => undefined,
      },
    },
  };
  return { electron: electron as unknown as ElectronModule, record };
}

import type { Session, WebContents, WebPreferences } from 'electron';
import { isAppUrl } from './app-protocol.ts';

/** The only preferences an app window gets: no Node, isolated, sandboxed. */
export function lockedWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
    // An unattended station must be able to beep for an alert before anyone has clicked.
    autoplayPolicy: 'no-user-gesture-required',
  };
}

/** No page of this app ever needs the camera, notifications or anything a permission grants. */
export function denyAllPermissions(session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

/**
 * A window stays on the app's own pages: navigation elsewhere, new windows and `<webview>` are
 * refused (a link in an order's note cannot take the window away).
 */
export function lockNavigation(contents: Pick<WebContents, 'on' | 'setWindowOpenHandler'>): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

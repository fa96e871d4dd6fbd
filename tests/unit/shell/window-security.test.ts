import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appFilePath, isAppUrl, serveAppScheme, shellCsp } from '../../../electron/main/app-protocol.ts';
import { denyAllPermissions, lockedWebPreferences, lockNavigation } from '../../../electron/main/window-security.ts';

describe('window lock-down', () => {
  it('gives windows no Node, isolation and the sandbox', () => {
    expect(lockedWebPreferences('/app/preload.cjs')).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
    });
  });

  it('keeps a window on the app origin and denies new windows', () => {
    const handlers = new Map<string, (event: { preventDefault(): void }, url?: string) => void>();
    let openHandler: (() => { action: string }) | undefined;
    lockNavigation({
      on: ((name: string, handler: (event: { preventDefault(): void }, url?: string) => void) => handlers.set(name, handler)) as never,
      setWindowOpenHandler: ((handler: () => { action: string }) => (openHandler = handler)) as never,
    });
    const navigate = (url: string) => {
      let prevented = false;
      handlers.get('will-navigate')?.({ preventDefault: () => (prevented = true) }, url);
      return prevented;
    };
    expect(navigate('https://evil.example/')).toBe(true);
    expect(navigate('file:///etc/passwd')).toBe(true);
    expect(navigate('app://label-station/index.html')).toBe(false);
    expect(openHandler?.()).toEqual({ action: 'deny' });
    let webview = false;
    handlers.get('will-attach-webview')?.({ preventDefault: () => (webview = true) });
    expect(webview).toBe(true);
  });

  it('denies every permission request and check', () => {
    const answers: boolean[] = [];
    let check: (() => boolean) | undefined;
    denyAllPermissions({
      setPermissionRequestHandler: ((handler: (c: unknown, p: string, cb: (ok: boolean) => void) => void) => handler(null, 'media', (ok) => answers.push(ok))) as never,
      setPermissionCheckHandler: ((handler: () => boolean) => (check = handler)) as never,
    });
    expect(answers).toEqual([false]);
    expect(check?.()).toBe(false);
  });

  it('serves only files inside the renderer folder, under a strict CSP', () => {
    expect(isAppUrl('app://label-station/index.html')).toBe(true);
    expect(isAppUrl('app://other/index.html')).toBe(false);
    expect(appFilePath('/opt/app/renderer', 'app://label-station/')).toBe('/opt/app/renderer/index.html');
    expect(appFilePath('/opt/app/renderer', 'app://label-station/assets/a.js')).toBe('/opt/app/renderer/assets/a.js');
    for (const sneaky of ['app://label-station/%2e%2e/%2e%2e/etc/passwd', 'app://label-station/..%2F..%2Fetc%2Fpasswd', 'app://label-station/a/../../../etc/passwd']) {
      const file = appFilePath('/opt/app/renderer', sneaky);
      expect(file === null || file.startsWith('/opt/app/renderer/')).toBe(true);
    }
    expect(appFilePath('/opt/app/renderer', 'app://elsewhere/index.html')).toBeNull();
    expect(shellCsp).toContain("script-src 'self'");
    expect(shellCsp).not.toContain('unsafe');
  });
});

describe('app:// scheme', () => {
  it('answers with the file from the renderer folder under the strict CSP, and 404 outside it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ls-app-'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Label Station</title>');
    let handler: ((request: { url: string }) => Promise<Response>) | undefined;
    const fetched: string[] = [];
    serveAppScheme(
      { handle: ((_scheme: string, h: typeof handler) => (handler = h)) as never },
      {
        fetch: (async (url: string) => {
          fetched.push(url);
          return new Response('<!doctype html><title>Label Station</title>', { headers: { 'content-type': 'text/html' } });
        }) as never,
      },
      dir,
    );
    const page = await handler?.({ url: 'app://label-station/' });
    expect(page?.status).toBe(200);
    expect(page?.headers.get('content-security-policy')).toBe(shellCsp);
    expect(page?.headers.get('content-type')).toBe('text/html');
    expect(fetched).toEqual([`file://${join(dir, 'index.html')}`]);
    expect((await handler?.({ url: 'app://elsewhere/index.html' }))?.status).toBe(404);
  });
});

import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { stationEventNames, stationMethodNames, type StationApi } from '../shared/station-api.ts';
import { eventChannel, methodChannel, type StationEnvelope } from '../shared/station-bridge.ts';
import { callStationMethod, toStationError } from '../shared/station-transport.ts';

export interface StationIpcOptions {
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>;
  api: StationApi;
  /** Whether a call comes from the app's own page (see `isAppUrl`). */
  isTrustedUrl: (url: string) => boolean;
  /** The windows that receive events. */
  targets: () => WebContents[];
}

/**
 * The main side of IPC: one handler per contract method, registered by a loop, each checking
 * the sender's frame and validating the input with the contract's schema; events forwarded to
 * every window. Returns the function that undoes it all.
 */
export function registerStationIpc(options: StationIpcOptions): () => void {
  for (const method of stationMethodNames) {
    options.ipcMain.handle(methodChannel(method), async (event: IpcMainInvokeEvent, input: unknown): Promise<StationEnvelope> => {
      const url = event.senderFrame?.url ?? '';
      if (!options.isTrustedUrl(url)) {
        return { ok: false, error: { name: 'ForbiddenSenderError', message: 'this page may not drive the station' } };
      }
      try {
        return { ok: true, value: await callStationMethod(options.api, method, input) };
      } catch (error) {
        return { ok: false, error: toStationError(error) };
      }
    });
  }
  const unsubscribe = stationEventNames.map((event) =>
    options.api.on(event, (payload) => {
      for (const contents of options.targets()) {
        if (!contents.isDestroyed() && options.isTrustedUrl(contents.getURL())) contents.send(eventChannel(event), payload);
      }
    }),
  );
  return () => {
    for (const method of stationMethodNames) options.ipcMain.removeHandler(methodChannel(method));
    for (const off of unsubscribe) off();
  };
}

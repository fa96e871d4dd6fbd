import { bridgeGlobalName, bridgeEventKey, stationEnvelopeSchema, type StationBridge } from '../../electron/shared/station-bridge.ts';
import { fromStationError } from '../../electron/shared/station-transport.ts';
import { connectHttpStation, type StationConnection } from './transport/http-station.ts';
import { createLinkSource } from './transport/link-state.ts';
import { createStationClient } from './transport/station-client.ts';

export type { StationConnection } from './transport/http-station.ts';

/** Thrown when the page was opened without the access token `serve` printed. */
export class MissingAccessTokenError extends Error {
  override name = 'MissingAccessTokenError';
}

const tokenKey = 'label-station-token';

function electronConnection(bridge: StationBridge): StationConnection {
  const api = createStationClient(
    async (method, input) => {
      const envelope = stationEnvelopeSchema.parse(await bridge[method](input));
      if (!envelope.ok) throw fromStationError(envelope.error);
      return envelope.value;
    },
    (event, listener) => bridge[bridgeEventKey(event)](listener),
  );
  // IPC does not drop while the window lives.
  return { api, link: createLinkSource('up'), close: () => undefined };
}

/**
 * Picks the transport: the Electron preload's bridge when present, else the headless server
 * this page came from, authenticated by the token in the URL's fragment (never sent in a
 * request line, so it stays out of logs), kept for the tab's session so a reload works.
 */
export function connectStation(win: Window & { [bridgeGlobalName]?: StationBridge }): StationConnection {
  const bridge = win[bridgeGlobalName];
  if (bridge) return electronConnection(bridge);
  const fromHash = new URLSearchParams(win.location.hash.slice(1)).get('token');
  if (fromHash) {
    win.sessionStorage.setItem(tokenKey, fromHash);
    win.history.replaceState(null, '', win.location.pathname + win.location.search);
  }
  const token = fromHash ?? win.sessionStorage.getItem(tokenKey);
  if (!token) throw new MissingAccessTokenError('open the address that `label-station serve` printed: it carries the access token');
  return connectHttpStation({ origin: win.location.origin, token });
}

import type { StationApi, StationEventName } from '../../../electron/shared/station-api.ts';
import { fromStationError, isStationEventName } from '../../../electron/shared/station-transport.ts';
import { createLinkSource, type LinkSource } from './link-state.ts';
import { createStationClient } from './station-client.ts';

export interface HttpStationOptions {
  /** Where `serve` listens, e.g. `http://127.0.0.1:8080`. */
  origin: string;
  token: string;
  fetch?: typeof fetch;
  WebSocket?: typeof WebSocket;
  setTimeout?: (fn: () => void, ms: number) => unknown;
}

export interface StationConnection {
  api: StationApi;
  link: LinkSource;
  /** Stops the live link for good (no reconnect). */
  close(): void;
}

/** The subprotocols a browser offers `serve`: browsers cannot set headers on a WebSocket. */
export function eventProtocols(token: string): string[] {
  return ['label-station', `token.${token}`];
}

/**
 * The headless transport's client: `POST /api/<method>` for calls, one WebSocket on `/events`
 * for every event, reconnected with a growing pause when it drops.
 */
export function connectHttpStation(options: HttpStationOptions): StationConnection {
  const doFetch = options.fetch ?? fetch.bind(globalThis);
  const Socket = options.WebSocket ?? WebSocket;
  const later = options.setTimeout ?? ((fn: () => void, ms: number) => setTimeout(fn, ms));
  const link = createLinkSource('connecting');
  const listeners = new Map<StationEventName, Set<(payload: unknown) => void>>();
  let retryMs = 500;
  let closed = false;
  let socket: WebSocket | null = null;

  const open = (): void => {
    if (closed) return;
    socket = new Socket(`${options.origin.replace(/^http/, 'ws')}/events`, eventProtocols(options.token));
    socket.addEventListener('open', () => {
      retryMs = 500;
      link.set('up');
    });
    socket.addEventListener('message', (message: MessageEvent) => {
      let data: unknown;
      try {
        data = JSON.parse(String(message.data));
      } catch {
        return;
      }
      if (typeof data !== 'object' || data === null || !('event' in data) || typeof data.event !== 'string') return;
      if (!isStationEventName(data.event)) return;
      for (const listener of listeners.get(data.event) ?? []) listener('payload' in data ? data.payload : undefined);
    });
    socket.addEventListener('close', () => {
      if (closed) return;
      link.set('down');
      later(open, retryMs);
      retryMs = Math.min(retryMs * 2, 10_000);
    });
  };
  open();

  const api = createStationClient(
    async (method, input) => {
      const response = await doFetch(`${options.origin}/api/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${options.token}` },
        body: JSON.stringify(input),
      });
      const body: unknown = await response.json().catch(() => ({ name: 'StationCallError', message: `HTTP ${response.status}` }));
      if (!response.ok) throw fromStationError(body);
      return body;
    },
    (event, listener) => {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener);
      return () => set.delete(listener);
    },
  );
  return {
    api,
    link,
    close: () => {
      closed = true;
      socket?.close();
    },
  };
}

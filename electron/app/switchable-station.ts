import { stationEventNames, type StationApi, type StationEventName } from '../shared/station-api.ts';
import { stationMethodsFrom } from '../shared/station-transport.ts';
import type { AppStation } from './start-station.ts';

/**
 * A StationApi that can be moved to another station while windows and transports hold on to it:
 * how the demo hands over to the real station the moment the operator configures a server. The
 * generated methods delegate by name; listeners stay subscribed across the swap.
 */
export interface SwitchableStation {
  api: StationApi;
  current(): AppStation;
  /** Moves every caller and listener to `next`, then stops the old station. */
  swap(next: AppStation): Promise<void>;
  stop(): Promise<void>;
}

export function createSwitchableStation(initial: AppStation): SwitchableStation {
  let current = initial;
  const listeners = new Map<StationEventName, Set<(payload: unknown) => void>>();
  let upstream: Array<() => void> = [];
  const relay = (): void => {
    upstream = stationEventNames.map((event) =>
      current.station.on(event, (payload) => {
        for (const listener of listeners.get(event) ?? []) listener(payload);
      }),
    );
  };
  relay();

  const methods = stationMethodsFrom((name) => (input) => (current.station[name] as (input: unknown) => Promise<unknown>)(input));
  const api: StationApi = {
    ...methods,
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      const untyped = listener as (payload: unknown) => void;
      set.add(untyped);
      return () => set.delete(untyped);
    },
  };

  return {
    api,
    current: () => current,
    async swap(next) {
      for (const off of upstream) off();
      const previous = current;
      current = next;
      relay();
      await previous.stop();
      // Windows show what they last heard: tell them the new station's state and batches now.
      const [state, batches] = await Promise.all([next.station.getState({}), next.station.listBatches({})]);
      for (const listener of listeners.get('state') ?? []) listener(state);
      for (const listener of listeners.get('batches') ?? []) listener(batches);
    },
    stop: () => current.stop(),
  };
}

import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import type { StationApi, StationEventName, StationEventPayload } from '../../electron/shared/station-api.ts';
import type { LinkSource, LinkState } from './transport/link-state.ts';

interface StationContextValue {
  api: StationApi;
  link: LinkSource;
}

const StationContext = createContext<StationContextValue | null>(null);

export function StationProvider({ api, link, children }: StationContextValue & { children: ReactNode }) {
  return <StationContext.Provider value={{ api, link }}>{children}</StationContext.Provider>;
}

function useStationContext(): StationContextValue {
  const value = useContext(StationContext);
  if (!value) throw new Error('useStation outside StationProvider');
  return value;
}

export function useStation(): StationApi {
  return useStationContext().api;
}

export function useLinkState(): LinkState {
  const { link } = useStationContext();
  const [state, setState] = useState(link.get());
  useEffect(() => {
    const off = link.on(setState);
    // The link may have changed between the first render and this subscription.
    setState(link.get());
    return off;
  }, [link]);
  return state;
}

/** Calls `listener` for each event; the latest listener is used without resubscribing. */
export function useStationEvent<E extends StationEventName>(event: E, listener: (payload: StationEventPayload<E>) => void): void {
  const api = useStation();
  const latest = useRef(listener);
  latest.current = listener;
  useEffect(() => api.on(event, (payload) => latest.current(payload)), [api, event]);
}

export interface Loaded<T> {
  data: T | undefined;
  error: Error | undefined;
  loading: boolean;
  reload: () => void;
  setData: (update: (current: T | undefined) => T | undefined) => void;
}

/** Loads with `load` whenever `key` changes (and on `reload`); a stale answer never wins. */
export function useLoad<T>(load: () => Promise<T>, key: string): Loaded<T> {
  const [data, setDataState] = useState<T | undefined>(undefined);
  const [error, setError] = useState<Error | undefined>(undefined);
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  const latest = useRef(load);
  latest.current = load;
  useEffect(() => {
    let current = true;
    setLoading(true);
    latest.current().then(
      (value) => {
        if (!current) return;
        setDataState(value);
        setError(undefined);
        setLoading(false);
      },
      (reason: unknown) => {
        if (!current) return;
        setError(reason instanceof Error ? reason : new Error(String(reason)));
        setLoading(false);
      },
    );
    return () => {
      current = false;
    };
  }, [key, tick]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { data, error, loading, reload, setData: setDataState };
}

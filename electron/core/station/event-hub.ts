import type { StationEventName, StationEventPayload, StationEventsSource } from '../../shared/station-api.ts';
import type { StationLogger } from './station-options.ts';

type Listener = (payload: never) => void;

/** The station's events: a listener that throws is logged and never stops the station. */
export class EventHub implements StationEventsSource {
  readonly #listeners = new Map<StationEventName, Set<Listener>>();
  readonly #logger: StationLogger;

  constructor(logger: StationLogger) {
    this.#logger = logger;
  }

  on<E extends StationEventName>(event: E, listener: (payload: StationEventPayload<E>) => void): () => void {
    const set = this.#listeners.get(event) ?? new Set<Listener>();
    this.#listeners.set(event, set);
    set.add(listener as Listener);
    return () => set.delete(listener as Listener);
  }

  emit<E extends StationEventName>(event: E, payload: StationEventPayload<E>): void {
    for (const listener of this.#listeners.get(event) ?? []) {
      try {
        (listener as (p: StationEventPayload<E>) => void)(payload);
      } catch (error) {
        this.#logger.warn('an event listener failed', { event, error: error instanceof Error ? error.message : String(error) });
      }
    }
  }
}

/** Whether the UI's live link to the station is up: `down` means events may have been missed. */
export type LinkState = 'up' | 'connecting' | 'down';

export interface LinkSource {
  get(): LinkState;
  /** Subscribes; returns the function that unsubscribes. */
  on(listener: (state: LinkState) => void): () => void;
}

export function createLinkSource(initial: LinkState): LinkSource & { set(state: LinkState): void } {
  let state = initial;
  const listeners = new Set<(state: LinkState) => void>();
  return {
    get: () => state,
    on(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    set(next) {
      if (next === state) return;
      state = next;
      for (const listener of listeners) listener(next);
    },
  };
}
